package dev.blipsdk.core.observation;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt of an operation, reported when it has ended and the client has decided whether to retry.
 *
 * @param number the attempt number, from 1
 * @param outcome how it ended; when a retry follows, this is the retry reason
 * @param statusCode the HTTP status Blip answered, or 0 when there was no response
 * @param duration how long the attempt took, from sending to the end of reading the response
 * @param retryWait how long the client waits before the next attempt (for {@link AttemptOutcome#RATE_LIMITED},
 *     the wait Blip asked for when it is longer than the backoff), or {@code null} when no attempt follows
 */
public record AttemptResult(int number, AttemptOutcome outcome, int statusCode, Duration duration,
    @Nullable Duration retryWait) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if number is below 1
   */
  public AttemptResult {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1, was " + number);
    }
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * Whether another attempt follows this one.
   *
   * @return {@code retryWait() != null}
   */
  public boolean willRetry() {
    return retryWait != null;
  }
}
