package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * Blip answered with an HTTP status the call did not expect. Subclasses name the common ones:
 * {@link BadRequestException} (400), {@link AuthenticationException} (401), {@link RateLimitException}
 * (429), {@link ServerException} (5xx) and {@link GatewayTimeoutException} (504).
 *
 * <p>{@link #bodyExcerpt()} holds at most the first 512 characters of the body, for diagnosis.
 */
public class BlipHttpException extends BlipException {
  private static final long serialVersionUID = 1L;
  /** The longest body excerpt kept. */
  public static final int MAX_EXCERPT = 512;

  private final int statusCode;
  private final String bodyExcerpt;
  private final String endpoint;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param statusCode the HTTP status
   * @param endpoint the endpoint path, for example {@code /commands}
   * @param bodyExcerpt the start of the response body (cut to {@link #MAX_EXCERPT})
   * @param retryable whether a retry can help
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public BlipHttpException(String message, int statusCode, String endpoint, String bodyExcerpt,
      boolean retryable, int attempts, @Nullable String envelopeId) {
    super(message, null, retryable, attempts, envelopeId);
    this.statusCode = statusCode;
    this.endpoint = endpoint;
    this.bodyExcerpt = bodyExcerpt.length() > MAX_EXCERPT ? bodyExcerpt.substring(0, MAX_EXCERPT) : bodyExcerpt;
  }

  /**
   * The HTTP status code.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The start of the response body.
   *
   * @return at most {@link #MAX_EXCERPT} characters, empty when there was no body
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * The endpoint that answered, for example {@code /messages}.
   *
   * @return the path
   */
  public String endpoint() {
    return endpoint;
  }

  @Override
  protected String details() {
    return "status=" + statusCode + ", endpoint=" + endpoint + ", ";
  }
}
