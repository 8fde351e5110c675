package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws. Unchecked.
 *
 * <p>Each says whether {@linkplain #isRetryable() retrying can help} and how many
 * {@linkplain #attempts() attempts} were made before it was thrown. Messages and {@code toString()}
 * carry ids and statuses, never secrets, message bodies or full phone numbers.
 */
public class BlipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final int attempts;
  private final @Nullable String envelopeId;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and, where possible, what to do
   * @param cause the cause, or {@code null}
   * @param retryable whether repeating the same call later can succeed
   * @param attempts how many attempts were made (0 when nothing was sent)
   * @param envelopeId the id of the envelope concerned, or {@code null}
   */
  public BlipException(String message, @Nullable Throwable cause, boolean retryable, int attempts,
      @Nullable String envelopeId) {
    super(message, cause);
    this.retryable = retryable;
    this.attempts = attempts;
    this.envelopeId = envelopeId;
  }

  /**
   * Whether repeating the same call later can succeed (a rate limit, a server hiccup, a dropped
   * connection). False for a rejected request, a failed command or bad credentials.
   *
   * @return true when a retry can help
   */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * How many HTTP attempts were made, retries included; 0 when nothing was sent.
   *
   * @return the attempt count
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The id of the envelope (message or command) concerned.
   *
   * @return the id, or {@code null} when none applies
   */
  public @Nullable String envelopeId() {
    return envelopeId;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + details() + "message=" + getMessage() + ", retryable="
        + retryable + ", attempts=" + attempts + (envelopeId == null ? "" : ", envelopeId=" + envelopeId)
        + "}";
  }

  /**
   * Extra {@code key=value, } pairs subclasses add to {@link #toString()}.
   *
   * @return the pairs, each followed by ", "
   */
  protected String details() {
    return "";
  }
}
