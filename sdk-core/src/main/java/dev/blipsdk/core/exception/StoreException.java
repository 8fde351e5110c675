package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A shared store behind one of the SDK's seams (a rate limiter, a webhook de-duplication store, a status
 * store) could not answer: it was unreachable, did not answer in time, or refused the command. Nothing was
 * sent to Blip because of the call that failed: a send whose permit could not be had is not made.
 *
 * <p>What happens next is each seam's documented choice: a rate limiter fails closed (the send fails with
 * this exception rather than risk exceeding the plan), a webhook receiver fails open or closed as
 * configured, a status tracker reports the failure to its caller. {@link #isRetryable()} is true when the
 * store was unreachable or slow (a later call may succeed), false when it refused the command.
 */
public class StoreException extends BlipException {
  private static final long serialVersionUID = 1L;

  private final String store;

  /**
   * Creates the exception.
   *
   * @param store which store failed, for example {@code "redis rate limiter"}; never a credential or address
   *     with a password
   * @param message what failed
   * @param cause the store client's exception, or {@code null}
   * @param retryable whether a later call can succeed
   */
  public StoreException(String store, String message, @Nullable Throwable cause, boolean retryable) {
    super(message, cause, retryable, 0, null);
    this.store = store;
  }

  /**
   * Which store failed.
   *
   * @return its description
   */
  public String store() {
    return store;
  }

  @Override
  protected String details() {
    return "store=" + store + ", ";
  }
}
