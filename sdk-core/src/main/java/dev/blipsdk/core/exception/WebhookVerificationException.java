package dev.blipsdk.core.exception;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A webhook request failed verification: answer it with 401 and do not process it. One class with a
 * {@link Failure} to switch over, as {@link WebhookParseException} for bodies; the factories below are how a
 * verifier of your own reports each case.
 *
 * <pre>{@code
 * } catch (WebhookVerificationException e) {
 *   switch (e.failure()) {
 *     case SIGNATURE_MISMATCH -> metrics.count("forged");
 *     case TIMESTAMP_TOO_OLD -> metrics.count("replayed");
 *     default -> { }
 *   }
 * }
 * }</pre>
 *
 * <p>The message says what to fix and never contains a secret, a token or the body. Not retryable: the same
 * request will fail the same way.
 */
public final class WebhookVerificationException extends BlipException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Failure {
    /**
     * A header the scheme needs is absent: the sender is not configured to send it, or something between the
     * sender and your code (a proxy, a framework) drops it.
     */
    MISSING_HEADER,
    /**
     * A header is present but cannot be read: a wrong prefix, a signature that is not valid hex or base64 or has
     * the wrong length, a timestamp that is not a number of seconds, a header sent more than once.
     */
    MALFORMED_HEADER,
    /**
     * The HMAC signature does not match the body under any configured secret. Nine times out of ten the body was
     * not the raw one (parsed and re-serialised, read line by line, re-encoded); otherwise the secret is not the
     * sender's (during a rotation, configure both).
     */
    SIGNATURE_MISMATCH,
    /** The signed timestamp is older than the tolerance allows: a replay, a slow delivery or a clock behind. */
    TIMESTAMP_TOO_OLD,
    /** The signed timestamp is further in the future than the tolerance allows: a clock ahead. */
    TIMESTAMP_IN_FUTURE,
    /** A static header value or a bearer token was present and well-formed but not accepted. */
    TOKEN_REJECTED
  }

  private final Failure failure;
  private final @Nullable String headerName;
  private final @Nullable Instant timestamp;
  private final @Nullable Instant now;
  private final @Nullable Duration tolerance;

  private WebhookVerificationException(Failure failure, @Nullable String headerName, String message,
      @Nullable Instant timestamp, @Nullable Instant now, @Nullable Duration tolerance) {
    super(message, null, false, 0, null);
    this.failure = failure;
    this.headerName = headerName;
    this.timestamp = timestamp;
    this.now = now;
    this.tolerance = tolerance;
  }

  /**
   * A header the scheme needs is absent.
   *
   * @param headerName the header
   * @return the exception
   */
  public static WebhookVerificationException missingHeader(String headerName) {
    return new WebhookVerificationException(Failure.MISSING_HEADER, headerName, "the webhook request has no '"
        + headerName + "' header. Configure the sender to send it (for Blip: a custom header or OAuth under"
        + " Configurations, HTTP endpoints) and check that no proxy or framework in between drops it.", null, null,
        null);
  }

  /**
   * A header cannot be read.
   *
   * @param headerName the header
   * @param problem what is wrong with it and what was expected; must not contain the value
   * @return the exception
   */
  public static WebhookVerificationException malformedHeader(String headerName, String problem) {
    return new WebhookVerificationException(Failure.MALFORMED_HEADER, headerName, "the webhook header '"
        + headerName + "' is malformed: " + problem, null, null, null);
  }

  /**
   * The signature does not match the body.
   *
   * @param headerName the signature header
   * @param secretCount how many secrets were tried
   * @return the exception
   */
  public static WebhookVerificationException signatureMismatch(String headerName, int secretCount) {
    return new WebhookVerificationException(Failure.SIGNATURE_MISMATCH, headerName, "the signature in '"
        + headerName + "' does not match the request body under " + (secretCount == 1 ? "the configured secret"
            : "any of the " + secretCount + " configured secrets")
        + ". Pass the raw request body bytes exactly as received, not re-serialised JSON (parsing and"
        + " re-encoding, reading it line by line or changing its charset all break the signature), and check"
        + " that the secret is the one the sender signs with.", null, null, null);
  }

  /**
   * The signed timestamp is older than the tolerance allows.
   *
   * @param headerName the header that carried the timestamp
   * @param timestamp the signed timestamp
   * @param now the verifier's time
   * @param tolerance the tolerance
   * @return the exception
   */
  public static WebhookVerificationException timestampTooOld(String headerName, Instant timestamp, Instant now,
      Duration tolerance) {
    return new WebhookVerificationException(Failure.TIMESTAMP_TOO_OLD, headerName, "the signed timestamp in '"
        + headerName + "' (" + timestamp + ") is " + Duration.between(timestamp, now).toSeconds() + " s before now ("
        + now + "), more than the tolerance of " + tolerance.toSeconds() + " s. Reject it as a possible replay; if"
        + " genuine requests fail this way, synchronise the clocks (NTP) or raise the tolerance.", timestamp, now,
        tolerance);
  }

  /**
   * The signed timestamp is further in the future than the tolerance allows.
   *
   * @param headerName the header that carried the timestamp
   * @param timestamp the signed timestamp
   * @param now the verifier's time
   * @param tolerance the tolerance
   * @return the exception
   */
  public static WebhookVerificationException timestampInFuture(String headerName, Instant timestamp, Instant now,
      Duration tolerance) {
    return new WebhookVerificationException(Failure.TIMESTAMP_IN_FUTURE, headerName, "the signed timestamp in '"
        + headerName + "' (" + timestamp + ") is " + Duration.between(now, timestamp).toSeconds() + " s after now ("
        + now + "), more than the tolerance of " + tolerance.toSeconds() + " s. Synchronise the clocks (NTP) on"
        + " both sides, or raise the tolerance if the skew is legitimate.", timestamp, now, tolerance);
  }

  /**
   * A static header value or a bearer token was not accepted.
   *
   * @param headerName the header that carried the value
   * @param what a short description, for example "the value" or "the bearer token"; never the value itself
   * @return the exception
   */
  public static WebhookVerificationException tokenRejected(String headerName, String what) {
    return new WebhookVerificationException(Failure.TOKEN_REJECTED, headerName, what + " in the webhook header '"
        + headerName + "' was not accepted. Check the value configured at the sender (for Blip: the custom header or"
        + " the OAuth settings of the bot's HTTP endpoints) against the one configured here.", null, null, null);
  }

  /**
   * Why verification failed.
   *
   * @return the failure
   */
  public Failure failure() {
    return failure;
  }

  /**
   * The header concerned, as configured.
   *
   * @return the header name, or {@code null} when no single header is concerned
   */
  public @Nullable String headerName() {
    return headerName;
  }

  /**
   * The signed timestamp, for {@link Failure#TIMESTAMP_TOO_OLD} and {@link Failure#TIMESTAMP_IN_FUTURE}.
   *
   * @return the timestamp, or {@code null} for the other failures
   */
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  /**
   * The verifier's time when it checked the timestamp.
   *
   * @return the time, or {@code null} when no timestamp was checked
   */
  public @Nullable Instant now() {
    return now;
  }

  /**
   * The tolerance the timestamp exceeded.
   *
   * @return the tolerance, or {@code null} when no timestamp was checked
   */
  public @Nullable Duration tolerance() {
    return tolerance;
  }

  @Override
  protected String details() {
    return "failure=" + failure + (headerName == null ? "" : ", header=" + headerName) + ", ";
  }
}
