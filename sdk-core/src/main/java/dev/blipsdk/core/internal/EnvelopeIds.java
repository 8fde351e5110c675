package dev.blipsdk.core.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default envelope ids: RFC 4122 version-4 UUID strings (random, {@code xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx})
 * drawn from {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}.
 *
 * <p>An envelope id only has to be unique (Blip and the notifications that follow a message key on it); it is
 * not a secret, a token or a nonce. {@code UUID.randomUUID()} draws from a shared {@code SecureRandom}, which
 * costs about 0.2 us a call alone and serialises callers on one lock when many threads send at once;
 * {@code ThreadLocalRandom} has no shared state. 122 random bits per id make a collision as unlikely as with
 * {@code randomUUID()} for any realistic number of messages. Do not use these ids where unpredictability matters.
 *
 * <p>Thread-safe, lock-free.
 */
public final class EnvelopeIds {
  private EnvelopeIds() {}

  /**
   * A new random version-4 UUID string.
   *
   * @return the id, 36 characters, lower-case hex
   */
  public static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(msb, lsb).toString();
  }
}
