package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The call was made on a {@link dev.blipsdk.core.BlipClient} that was closed (or derived from one whose
 * connection pool and threads were released by its {@code close()}). Thrown at once, before anything is sent:
 * {@link #attempts()} counts only attempts made before the close. Not retryable: build a new client.
 */
public class ClientClosedException extends BlipException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which call, and that nothing (more) was sent
   * @param cause the refusal, or {@code null}
   * @param attempts attempts made before the close (0 when nothing was sent)
   * @param envelopeId the envelope id, or {@code null}
   */
  public ClientClosedException(String message, @Nullable Throwable cause, int attempts,
      @Nullable String envelopeId) {
    super(message, cause, false, attempts, envelopeId);
  }
}
