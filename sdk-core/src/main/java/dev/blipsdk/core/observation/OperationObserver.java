package dev.blipsdk.core.observation;

/**
 * Follows one operation, from its first attempt to its end; returned by
 * {@link OperationListener#operationStarted(OperationStart)}.
 *
 * <p>Calls come in order for one operation: {@code attemptStarted(1)}, {@code attemptEnded(1)}, then (if it
 * was retried) {@code attemptStarted(2)}..., and exactly one {@code operationEnded}. A blocking call makes them
 * on the caller's thread; an async call on OkHttp's and the sleeper's threads, one at a time with
 * happens-before between them, so an observer needs no locking for its own state. {@code operationEnded} may
 * come without any attempt (the deadline passed first, or the future was cancelled).
 *
 * <p>Methods must return quickly and should not throw: an exception is logged (WARN) and ignored, and never
 * changes the call's result.
 */
public interface OperationObserver {
  /** An observer that ignores everything: what a listener returns for an operation it does not follow. */
  OperationObserver NONE = new OperationObserver() {};

  /**
   * An attempt is about to be sent. Put trace-context headers for it into {@code headers}.
   *
   * @param attempt the attempt number, from 1
   * @param headers where to put propagation headers for this attempt's request
   */
  default void attemptStarted(int attempt, PropagationHeaders headers) {}

  /**
   * An attempt ended; if another follows, {@link AttemptResult#retryWait()} says after how long.
   *
   * @param result the attempt
   */
  default void attemptEnded(AttemptResult result) {}

  /**
   * The operation ended, with its result or error.
   *
   * @param result the outcome
   */
  default void operationEnded(OperationResult result) {}
}
