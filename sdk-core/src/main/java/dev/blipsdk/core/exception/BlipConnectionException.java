package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The SDK could not talk to Blip: the connection failed, was refused or was dropped. When the request
 * never left the machine a retry is always safe; when the connection dropped after the request was
 * sent, {@link #isRetryable()} is true only for requests safe to repeat.
 */
public class BlipConnectionException extends BlipException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the I/O cause
   * @param retryable whether a retry can help
   * @param attempts how many attempts were made
   * @param envelopeId the envelope id
   */
  public BlipConnectionException(String message, @Nullable Throwable cause, boolean retryable, int attempts,
      @Nullable String envelopeId) {
    super(message, cause, retryable, attempts, envelopeId);
  }
}
