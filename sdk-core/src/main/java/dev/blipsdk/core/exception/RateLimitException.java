package dev.blipsdk.core.exception;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: the plan's throughput limit was exceeded (Blip: messages 3/s free, 50/s paid; commands
 * 48/200). Retryable; {@link #retryAfter()} says how long the server asked to wait when it said so.
 */
public class RateLimitException extends BlipHttpException {
  private static final long serialVersionUID = 1L;
  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param endpoint the endpoint path
   * @param bodyExcerpt the start of the body
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public RateLimitException(String message, String endpoint, String bodyExcerpt, @Nullable Duration retryAfter,
      int attempts, @Nullable String envelopeId) {
    super(message, 429, endpoint, bodyExcerpt, true, attempts, envelopeId);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait.
   *
   * @return the wait, or {@code null} when the response had no usable {@code Retry-After}
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  @Override
  protected String details() {
    return super.details() + "retryAfter=" + retryAfter + ", ";
  }
}
