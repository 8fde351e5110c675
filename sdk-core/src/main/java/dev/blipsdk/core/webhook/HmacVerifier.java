package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.webhook.internal.HeaderValues;
import dev.blipsdk.core.webhook.internal.Hmacs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies an HMAC-SHA256 signature of the raw body, and the signed timestamp when the
 * {@link HmacScheme} has one.
 *
 * <pre>{@code
 * HmacVerifier verifier = HmacVerifier.builder(HmacScheme.builder("X-Signature")
 *         .timestampHeader("X-Signature-Timestamp").build())
 *     .secret(currentSecret)
 *     .secret(previousSecret)           // accepted too, while the sender rotates
 *     .tolerance(Duration.ofMinutes(5)) // the default
 *     .build();
 * verifier.verify(headers, rawBody);
 * }</pre>
 *
 * <p>Order of checks: the headers are read (missing, malformed), the signature is compared (mismatch), and
 * only then is the timestamp compared with the clock, in both directions: older than {@code now -
 * tolerance} is {@code TIMESTAMP_TOO_OLD}, later than {@code now + tolerance} is {@code TIMESTAMP_IN_FUTURE}
 * (each a {@link WebhookVerificationException.Failure}). So an unauthenticated caller learns nothing about the clock.
 *
 * <p>Every configured secret is tried against every presented signature with
 * {@link java.security.MessageDigest#isEqual(byte[], byte[])} on 32-byte arrays, without stopping at the
 * first match, so timing reveals neither which secret matched nor how much of a guess was right.
 *
 * <p>Immutable and thread-safe. Secrets are copied, never returned, and never appear in
 * {@link #toString()} or in exception messages.
 */
public final class HmacVerifier implements WebhookVerifier {
  /** The default tolerance: 300 seconds either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
  /**
   * The widest tolerance accepted: 24 hours. A wider window lets replays through; to check no timestamp at all,
   * use a scheme without one.
   */
  public static final Duration MAX_TOLERANCE = Duration.ofHours(24);
  private static final int MAX_SIGNATURES = 8;

  private final HmacScheme scheme;
  private final List<SecretKeySpec> keys;
  private final Duration tolerance;
  private final Clock clock;

  private HmacVerifier(Builder b) {
    this.scheme = b.scheme;
    this.keys = List.copyOf(b.keys);
    this.tolerance = b.tolerance;
    this.clock = b.clock;
  }

  /**
   * Starts a verifier for a scheme.
   *
   * @param scheme how the signature travels
   * @return the builder
   */
  public static Builder builder(HmacScheme scheme) {
    return new Builder(scheme);
  }

  /**
   * The scheme.
   *
   * @return the scheme
   */
  public HmacScheme scheme() {
    return scheme;
  }

  /**
   * The timestamp tolerance, applied in both directions.
   *
   * @return the tolerance
   */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies the request.
   *
   * @param headers the request headers
   * @param body the raw request body, exactly as received
   * @throws WebhookVerificationException {@code MISSING_HEADER} if the signature (or timestamp) header is absent,
   *     {@code MALFORMED_HEADER} if a header cannot be read, {@code SIGNATURE_MISMATCH} if no configured secret
   *     produces a presented signature, {@code TIMESTAMP_TOO_OLD} or {@code TIMESTAMP_IN_FUTURE} if the signed
   *     timestamp is outside the tolerance
   */
  @Override
  public void verify(WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    String header = scheme.signatureHeader();
    String value = HeaderValues.single(headers, header);
    String timestamp = null;
    String timestampHeader = header;
    List<byte[]> presented = new ArrayList<>(1);
    boolean base64 = scheme.encoding() == HmacScheme.Encoding.BASE64;
    String inlineKey = scheme.inlineSignatureKey();
    if (inlineKey != null) {
      for (String part : value.split(",", -1)) {
        String p = part.strip();
        int eq = p.indexOf('=');
        if (eq <= 0) {
          throw WebhookVerificationException.malformedHeader(header, "expected comma-separated key=value parts like t=<seconds>,"
              + inlineKey + "=<signature>");
        }
        String key = p.substring(0, eq).toLowerCase(Locale.ROOT);
        String v = p.substring(eq + 1);
        if (key.equals("t")) {
          if (timestamp != null) {
            throw WebhookVerificationException.malformedHeader(header, "it has more than one t= part");
          }
          timestamp = v;
        } else if (key.equals(inlineKey)) {
          presented.add(decode(header, base64, v, inlineKey + "= part"));
          if (presented.size() > MAX_SIGNATURES) {
            throw WebhookVerificationException.malformedHeader(header, "it has more than " + MAX_SIGNATURES + " " + inlineKey
                + "= parts");
          }
        }
      }
      if (timestamp == null) {
        throw WebhookVerificationException.malformedHeader(header, "it has no t=<seconds> part");
      }
      if (presented.isEmpty()) {
        throw WebhookVerificationException.malformedHeader(header, "it has no " + inlineKey + "=<signature> part");
      }
    } else {
      String prefix = scheme.prefix();
      if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
        throw WebhookVerificationException.malformedHeader(header, "expected it to start with '" + prefix + "'");
      }
      presented.add(decode(header, base64, value.substring(prefix.length()), "signature"));
      String th = scheme.timestampHeader();
      if (th != null) {
        timestampHeader = th;
        timestamp = HeaderValues.single(headers, th);
      }
    }
    Instant signedAt = timestamp == null ? null : HeaderValues.epochSeconds(timestampHeader, timestamp);
    List<byte[]> expected = new ArrayList<>(keys.size());
    for (SecretKeySpec key : keys) {
      expected.add(Hmacs.mac(key, timestamp, body));
    }
    if (!Hmacs.anyEqual(expected, presented)) {
      throw WebhookVerificationException.signatureMismatch(header, keys.size());
    }
    if (signedAt != null) {
      Instant now = clock.instant();
      if (signedAt.isBefore(now.minus(tolerance))) {
        throw WebhookVerificationException.timestampTooOld(timestampHeader, signedAt, now, tolerance);
      }
      if (signedAt.isAfter(now.plus(tolerance))) {
        throw WebhookVerificationException.timestampInFuture(timestampHeader, signedAt, now, tolerance);
      }
    }
  }

  private static byte[] decode(String header, boolean base64, String text, String what) {
    byte[] bytes = Hmacs.decode(base64, text);
    if (bytes == null) {
      throw WebhookVerificationException.malformedHeader(header, "the " + what + " must be " + (base64
          ? "44 characters of standard base64" : "64 hex digits") + " (an HMAC-SHA256) but has "
          + text.length() + " characters or invalid ones");
    }
    return bytes;
  }

  /** Names the scheme and counts the secrets; never shows them. */
  @Override
  public String toString() {
    return "HmacVerifier{scheme=" + scheme + ", secrets=" + keys.size() + ", tolerance=" + tolerance + "}";
  }

  /** Configures an {@link HmacVerifier}. Not thread-safe; the verifier it builds is. */
  public static final class Builder {
    private final HmacScheme scheme;
    private final List<SecretKeySpec> keys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder(HmacScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * Accepts signatures made with this secret (its UTF-8 bytes are the key). Call again to accept several,
     * during a rotation.
     *
     * @param secret the shared secret
     * @return this builder
     * @throws IllegalArgumentException if the secret is empty
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret");
      keys.add(Hmacs.key("secret", secret.getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    /**
     * Accepts signatures made with this secret key. The bytes are copied.
     *
     * @param secret the key bytes
     * @return this builder
     * @throws IllegalArgumentException if the secret is empty
     */
    public Builder secret(byte[] secret) {
      Objects.requireNonNull(secret, "secret");
      keys.add(Hmacs.key("secret", secret));
      return this;
    }

    /**
     * How far the signed timestamp may be from the clock, either way; 300 seconds by default. Ignored when
     * the scheme signs no timestamp.
     *
     * @param tolerance a positive duration, at most {@link #MAX_TOLERANCE}
     * @return this builder
     * @throws IllegalArgumentException if the tolerance is zero, negative or wider than {@link #MAX_TOLERANCE}
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isZero() || tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance: must be positive but was " + tolerance);
      }
      if (tolerance.compareTo(MAX_TOLERANCE) > 0) {
        throw new IllegalArgumentException("tolerance: must be at most " + MAX_TOLERANCE.toHours() + " hours (a wider"
            + " window lets replays through; for no timestamp check use a scheme without a timestamp) but was "
            + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * The clock timestamps are compared with; the UTC system clock by default. Inject a fixed clock in
     * tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException if no secret was given
     */
    public HmacVerifier build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("secret: give at least one secret");
      }
      return new HmacVerifier(this);
    }
  }
}
