package dev.blipsdk.core.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * The signed timestamp of the request lies outside the tolerance: {@link TimestampTooOldException} (a replay, a
 * slow delivery or a clock behind) or {@link TimestampInFutureException} (a clock ahead). Carries the timestamp,
 * the verifier's time and the tolerance.
 */
public abstract sealed class TimestampOutsideToleranceException extends WebhookVerificationException
    permits TimestampTooOldException, TimestampInFutureException {
  private static final long serialVersionUID = 1L;
  /** The signed timestamp. */
  private final Instant timestamp;
  /** The verifier's time when it checked. */
  private final Instant now;
  /** The tolerance that was exceeded. */
  private final Duration tolerance;

  TimestampOutsideToleranceException(Failure failure, String headerName, String message, Instant timestamp,
      Instant now, Duration tolerance) {
    super(failure, headerName, message);
    this.timestamp = timestamp;
    this.now = now;
    this.tolerance = tolerance;
  }

  /**
   * The signed timestamp.
   *
   * @return the timestamp
   */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * The verifier's time when it checked.
   *
   * @return the time
   */
  public Instant now() {
    return now;
  }

  /**
   * The tolerance that was exceeded.
   *
   * @return the tolerance
   */
  public Duration tolerance() {
    return tolerance;
  }
}
