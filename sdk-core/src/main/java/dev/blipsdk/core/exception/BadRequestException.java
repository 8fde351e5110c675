package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/** HTTP 400: the envelope was malformed or had bad fields. Not retryable: fix the request. */
public class BadRequestException extends BlipHttpException {
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
  public BadRequestException(String message, String endpoint, String bodyExcerpt, int attempts, @Nullable String envelopeId) {
    super(message, 400, endpoint, bodyExcerpt, false, attempts, envelopeId);
  }
}
