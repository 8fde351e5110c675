package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 5xx: Blip or a proxy in front of it failed. 502 and 503 are retryable; 500 is retryable only when
 * the request is safe to repeat, which {@link #isRetryable()} reflects.
 */
public class ServerException extends BlipHttpException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param statusCode the 5xx status
   * @param endpoint the endpoint path
   * @param bodyExcerpt the start of the body
   * @param retryable whether a retry can help
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public ServerException(String message, int statusCode, String endpoint, String bodyExcerpt, boolean retryable,
      int attempts, @Nullable String envelopeId) {
    super(message, statusCode, endpoint, bodyExcerpt, retryable, attempts, envelopeId);
  }
}
