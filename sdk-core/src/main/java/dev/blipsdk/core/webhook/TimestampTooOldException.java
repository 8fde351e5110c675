package dev.blipsdk.core.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * The signed timestamp of the request is older than the tolerance allows: a replayed request, one that
 * took very long to arrive, or a clock that is off on either side.
 */
public final class TimestampTooOldException extends TimestampOutsideToleranceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param headerName the header that carried the timestamp
   * @param timestamp the signed timestamp
   * @param now the verifier's current time
   * @param tolerance the tolerance
   */
  public TimestampTooOldException(String headerName, Instant timestamp, Instant now, Duration tolerance) {
    super(Failure.TIMESTAMP_TOO_OLD, headerName, "the signed timestamp in '" + headerName + "' ("
        + timestamp + ") is " + Duration.between(timestamp, now).toSeconds() + " s before now (" + now
        + "), more than the tolerance of " + tolerance.toSeconds() + " s. Reject it as a possible replay; if"
        + " genuine requests fail this way, synchronise the clocks (NTP) or raise the tolerance.", timestamp, now,
        tolerance);
  }
}
