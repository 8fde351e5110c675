package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 504: Blip got no command response within its own 60 s limit. The command may or may not have
 * taken effect; {@link #isRetryable()} is true only when it is safe to repeat.
 */
public class GatewayTimeoutException extends ServerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param endpoint the endpoint path
   * @param bodyExcerpt the start of the body
   * @param retryable whether a retry can help
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public GatewayTimeoutException(String message, String endpoint, String bodyExcerpt, boolean retryable,
      int attempts, @Nullable String envelopeId) {
    super(message, 504, endpoint, bodyExcerpt, retryable, attempts, envelopeId);
  }
}
