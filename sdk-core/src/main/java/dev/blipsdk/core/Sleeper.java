package dev.blipsdk.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between retry attempts: blocking for blocking calls, as a future for async
 * calls. The default sleeps for real; tests inject one that records the waits and returns at once.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Sleeper {

  /**
   * The real sleeper: {@link Thread#sleep(long)} and {@link CompletableFuture#delayedExecutor}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }

  /**
   * Blocks the calling thread for the duration.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A future completed after the duration, without blocking a thread.
   *
   * @param duration how long
   * @return the future
   */
  CompletableFuture<Void> delay(Duration duration);
}

/** The real sleeper. */
final class SystemSleeper implements Sleeper {
  static final SystemSleeper INSTANCE = new SystemSleeper();

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isZero() && !duration.isNegative()) {
      // nanosecond form: a sub-millisecond wait still sleeps (about 1 ms) instead of returning at once, so a
      // caller waiting for a slot in a loop does not spin
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
