package dev.blipsdk.core.internal;

import dev.blipsdk.core.exception.BlipException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What {@link Classifier} decided about one attempt. */
sealed interface Outcome {

  /**
   * The call succeeded.
   *
   * @param value the response command, the decoded resource, or the envelope sent
   */
  record Success(Object value) implements Outcome {}

  /**
   * The attempt failed in a way another attempt can fix, if the retry policy and the deadline allow one.
   *
   * @param error what to throw when no attempt follows
   * @param retryAfter the server's {@code Retry-After}, or null
   */
  record Retry(BlipException error, @Nullable Duration retryAfter) implements Outcome {}

  /**
   * The call failed for good.
   *
   * @param error what to throw
   */
  record Failure(BlipException error) implements Outcome {}
}
