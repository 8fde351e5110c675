package dev.blipsdk.core.webhook;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers which webhook events were already handled, so that an event Blip delivers more than once (a
 * retry, one notification per hop) reaches the listeners once. {@link WebhookReceiver} asks it before
 * calling listeners ({@link WebhookReceiver.Builder#deduplicate(DeduplicationStore, Duration)}); keys are
 * {@link WebhookEvent#deduplicationKey()}.
 *
 * <p>The SDK stores nothing itself: {@link #inMemory(int)} is the store for one process; a fleet of
 * instances behind a load balancer shares one store (the {@code blip-sdk-redis} module has one on Redis), so
 * that each event reaches the fleet's listeners once whichever instance Blip delivers it to.
 *
 * <p><b>Contract.</b> {@link #seenBefore(String, Duration)} is one atomic step: of any number of concurrent
 * calls with the same key, from any thread or process sharing the store, exactly one answers {@code false}
 * until the key expires or is {@linkplain #forget(String) forgotten}.
 *
 * <p><b>Thread safety:</b> implementations must be thread-safe.
 *
 * <p><b>Failure:</b> a store that cannot answer throws {@link dev.blipsdk.core.exception.StoreException};
 * the receiver then fails open or closed as configured
 * ({@link WebhookReceiver.Builder#onDeduplicationFailure(DeduplicationFailure)}).
 */
public interface DeduplicationStore {

  /**
   * Records the key if it is new, atomically.
   *
   * @param key the event's de-duplication key
   * @param ttl how long to remember it; positive
   * @return {@code false} the first time (the caller handles the event), {@code true} when the key is
   *     remembered already
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  boolean seenBefore(String key, Duration ttl);

  /**
   * Forgets a key, so that the next delivery of the event is handled again. The receiver calls it when a
   * listener failed and it answers 500 to have the event delivered again.
   *
   * @param key the key
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  void forget(String key);

  /**
   * A store in this process's memory holding at most {@code maxKeys} keys (the oldest go first), timed by
   * the system clock.
   *
   * @param maxKeys positive
   * @return the store
   */
  static DeduplicationStore inMemory(int maxKeys) {
    return inMemory(maxKeys, Clock.systemUTC());
  }

  /**
   * A store in this process's memory holding at most {@code maxKeys} keys (the oldest go first).
   *
   * @param maxKeys positive
   * @param clock the clock that times the keys
   * @return the store
   */
  static DeduplicationStore inMemory(int maxKeys, Clock clock) {
    return new InMemoryDeduplicationStore(maxKeys, clock);
  }
}
