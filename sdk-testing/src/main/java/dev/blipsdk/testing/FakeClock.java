package dev.blipsdk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The controllable clock every time-based behaviour of {@link FakeBlip} runs on: message lifecycle steps,
 * webhook delivery, the 3-day notification store, the 24 h customer-service and Desk active-message
 * windows, context expiration and rate-limit windows.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@linkplain #manual() manual} (the default for tests): time stands still until {@link #advance(Duration)}.
 *       {@code advance} runs every event that became due before it returns, so a test that advances 25 hours
 *       sees the effects at once, deterministically.</li>
 *   <li>{@linkplain #realTime() real time} (the standalone server): time follows the wall clock; {@code advance}
 *       still jumps ahead by the given amount.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class FakeClock extends Clock {
  private final boolean realTime;
  private final Object lock = new Object();
  private Instant manualNow;
  private Duration offset = Duration.ZERO;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private FakeClock(boolean realTime, Instant start) {
    this.realTime = realTime;
    this.manualNow = start;
  }

  /**
   * A manual clock starting at the current wall-clock time, truncated to milliseconds.
   *
   * @return a new manual clock
   */
  public static FakeClock manual() {
    return manual(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * A manual clock starting at the given instant.
   *
   * @param start the initial time
   * @return a new manual clock
   */
  public static FakeClock manual(Instant start) {
    return new FakeClock(false, Objects.requireNonNull(start, "start"));
  }

  /**
   * A clock that follows the wall clock (plus whatever was {@linkplain #advance(Duration) advanced}).
   *
   * @return a new real-time clock
   */
  public static FakeClock realTime() {
    return new FakeClock(true, Instant.EPOCH);
  }

  /**
   * Whether this clock follows the wall clock.
   *
   * @return true in real-time mode
   */
  public boolean isRealTime() {
    return realTime;
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return realTime ? Instant.now().plus(offset) : manualNow;
    }
  }

  /**
   * Moves time forward and, before returning, runs every scheduled event of the servers using this clock that
   * became due (notifications, webhook calls, scripted replies).
   *
   * @param amount how far to move; must not be negative
   */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A clock only moves forward: " + amount);
    }
    synchronized (lock) {
      if (realTime) {
        offset = offset.plus(amount);
      } else {
        manualNow = manualNow.plus(amount);
      }
    }
    for (Runnable l : listeners) {
      l.run();
    }
  }

  /** Registered by {@link FakeBlip} to run due events when time moves. */
  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return self.withZone(z);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @Override
  public String toString() {
    return "FakeClock[" + (realTime ? "real-time" : "manual") + ", " + instant() + "]";
  }
}
