package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A response or document did not have the shape the SDK needs: malformed JSON, not an envelope, or a
 * field of the wrong kind. The message names what was expected and where. Not retryable.
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
}
