package dev.blipsdk.redis.internal;

import dev.blipsdk.core.exception.StoreException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what Lettuce and Bucket4j throw into the SDK's {@link StoreException}. */
public final class RedisErrors {
  private RedisErrors() {}

  /**
   * The typed error for a failed Redis call. Retryable unless Redis refused the command itself (an error
   * reply, such as a script error or a wrong type at a key).
   */
  public static StoreException map(String store, Throwable error) {
    Throwable c = error;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof StoreException se) {
      return se;
    }
    boolean refused = c instanceof RedisCommandExecutionException;
    String what = c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")
        ? "did not answer in time"
        : refused ? "refused the command" : c instanceof RedisException ? "could not be reached" : "failed";
    return new StoreException(store, "the " + store + " " + what + ": " + c.getClass().getSimpleName()
        + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"), c, !refused);
  }

  /** Checks a builder's timeout. */
  public static Duration positive(Duration d, String name) {
    if (d == null) {
      throw new NullPointerException(name);
    }
    if (d.isZero() || d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(name + " must be positive and at most 1 hour, was " + d);
    }
    return d;
  }

  /** Checks a key or prefix: not blank, no whitespace (Redis allows it, operators' tools do not). */
  public static String key(String key, String name) {
    if (key == null) {
      throw new NullPointerException(name);
    }
    if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(name + " must be non-blank without whitespace, was '" + key + "'");
    }
    return key;
  }
}
