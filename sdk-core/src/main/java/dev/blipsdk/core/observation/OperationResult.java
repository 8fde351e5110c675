package dev.blipsdk.core.observation;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an operation ended, after its last attempt.
 *
 * @param attempts how many HTTP attempts were made (0 when the deadline passed, or the call was cancelled,
 *     before the first)
 * @param duration from the start of the operation to its end, waits included
 * @param error the exception the caller gets ({@link dev.blipsdk.core.exception.BlipException} or a
 *     {@link java.util.concurrent.CancellationException}), or {@code null} on success. Its message is for logs
 *     (identities in it are masked, but reason descriptions come from Blip): tag with {@link #errorType()},
 *     never with the message
 */
public record OperationResult(int attempts, Duration duration, @Nullable Throwable error) {
  /** The {@link #errorType()} of a success. */
  public static final String NO_ERROR = "none";

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if attempts is negative
   */
  public OperationResult {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * Whether the operation succeeded.
   *
   * @return {@code error() == null}
   */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * The simple class name of the error ({@code RateLimitException}), or {@value #NO_ERROR}: a bounded tag value.
   *
   * @return the error type
   */
  public String errorType() {
    return error == null ? NO_ERROR : error.getClass().getSimpleName();
  }
}
