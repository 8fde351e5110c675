package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The call's deadline passed, or the server stopped answering (a read timeout). Whether the request took
 * effect is unknown; {@link #isRetryable()} is true only when it is safe to repeat.
 */
public class BlipTimeoutException extends BlipException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   * @param cause the cause, or {@code null}
   * @param retryable whether a retry can help
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public BlipTimeoutException(String message, @Nullable Throwable cause, boolean retryable, int attempts,
      @Nullable String envelopeId) {
    super(message, cause, retryable, attempts, envelopeId);
  }
}
