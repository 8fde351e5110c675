package dev.blipsdk.core.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * The signed timestamp of the request is further in the future than the tolerance allows: almost always
 * a clock that is off on one side, or a forged timestamp.
 */
public final class TimestampInFutureException extends TimestampOutsideToleranceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param headerName the header that carried the timestamp
   * @param timestamp the signed timestamp
   * @param now the verifier's current time
   * @param tolerance the tolerance
   */
  public TimestampInFutureException(String headerName, Instant timestamp, Instant now, Duration tolerance) {
    super(Failure.TIMESTAMP_IN_FUTURE, headerName, "the signed timestamp in '" + headerName + "' ("
        + timestamp + ") is " + Duration.between(now, timestamp).toSeconds() + " s after now (" + now
        + "), more than the tolerance of " + tolerance.toSeconds() + " s. Synchronise the clocks (NTP) on"
        + " both sides, or raise the tolerance if the skew is legitimate.", timestamp, now,
        tolerance);
  }
}
