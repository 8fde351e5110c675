package dev.blipsdk.core.observation;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait imposed before an operation is started: a bulk run's pacing, or its pause after a 429. (Waits between
 * the attempts of one operation are in {@link AttemptResult#retryWait()}.)
 *
 * @param operation the operation that waits
 * @param reason why
 * @param duration how long, positive
 */
public record Wait(Operation operation, WaitReason reason, Duration duration) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the duration is negative
   */
  public Wait {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
  }
}
