package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.BlipException;
import org.jspecify.annotations.Nullable;

/**
 * A webhook request failed verification: answer it with 401 and do not process it.
 *
 * <p>Each {@link Failure} has its own subclass, so you can catch one case or switch over
 * {@link #failure()}. The message says what to fix and never contains a secret, a token or the body.
 * Not retryable: the same request will fail the same way.
 */
public abstract sealed class WebhookVerificationException extends BlipException
    permits MissingHeaderException, MalformedHeaderException, SignatureMismatchException,
        TimestampOutsideToleranceException, TokenRejectedException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Failure {
    /** A header the scheme needs is absent. */
    MISSING_HEADER,
    /** A header is present but cannot be read (wrong prefix, not hex or base64, repeated, ...). */
    MALFORMED_HEADER,
    /** The HMAC signature does not match the body under any configured secret. */
    SIGNATURE_MISMATCH,
    /** The signed timestamp is older than the tolerance allows. */
    TIMESTAMP_TOO_OLD,
    /** The signed timestamp is further in the future than the tolerance allows. */
    TIMESTAMP_IN_FUTURE,
    /** A static header value or a bearer token was not accepted. */
    TOKEN_REJECTED
  }

  private final Failure failure;
  private final @Nullable String headerName;

  /**
   * Creates the exception.
   *
   * @param failure why verification failed
   * @param headerName the header concerned, or {@code null}
   * @param message what went wrong and what to fix; no secrets
   */
  protected WebhookVerificationException(Failure failure, @Nullable String headerName, String message) {
    super(message, null, false, 0, null);
    this.failure = failure;
    this.headerName = headerName;
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

  @Override
  protected String details() {
    return "failure=" + failure + (headerName == null ? "" : ", header=" + headerName) + ", ";
  }
}
