package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A response or document did not have the shape the SDK needs: malformed JSON, not an envelope, or a
 * field of the wrong kind. The message names what was expected and where. Retryable only when it is a response
 * to a request safe to repeat that was not JSON or not an envelope (a proxy's page, a body cut cleanly):
 * another attempt may get the real answer; the call already made those attempts.
 */
public class BlipProtocolException extends BlipException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and where
   */
  public BlipProtocolException(String message) {
    super(message, null, false, 0, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was expected and where
   * @param cause the cause
   */
  public BlipProtocolException(String message, @Nullable Throwable cause) {
    super(message, cause, false, 0, null);
  }

  /**
   * Creates the exception for a response.
   *
   * @param message what was expected and where
   * @param cause the cause, or {@code null}
   * @param retryable whether another attempt may get a readable answer
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id, or {@code null}
   */
  public BlipProtocolException(String message, @Nullable Throwable cause, boolean retryable, int attempts,
      @Nullable String envelopeId) {
    super(message, cause, retryable, attempts, envelopeId);
  }
}
