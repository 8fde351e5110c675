package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/** HTTP 401: the Authorization header was missing or wrong. Check the identifier and access key (or the {@code Key ...} value) in the portal under Configurations, Connection information. Not retryable. */
public class AuthenticationException extends BlipHttpException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param endpoint the endpoint path
   * @param bodyExcerpt the start of the body
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public AuthenticationException(String message, String endpoint, String bodyExcerpt, int attempts, @Nullable String envelopeId) {
    super(message, 401, endpoint, bodyExcerpt, false, attempts, envelopeId);
  }
}
