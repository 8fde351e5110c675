package dev.blipsdk.whatsapp.internal;

import dev.blipsdk.core.Sleeper;
import dev.blipsdk.whatsapp.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimiter#perSecond(double, Clock, Sleeper)}: each caller reserves the next free slot with one
 * compare-and-set (slots are {@code 1 / rate} apart, no burst) and waits for it on the sleeper.
 */
public final class LocalRateLimiter implements RateLimiter {
  private final double permitsPerSecond;
  private final long intervalNanos;
  private final Clock clock;
  private final Sleeper sleeper;
  /** The next free slot, in nanoseconds since the epoch on the clock. */
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

  public LocalRateLimiter(double permitsPerSecond, Clock clock, Sleeper sleeper) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be positive and finite, was " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / permitsPerSecond));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public CompletableFuture<Void> acquire() {
    Instant t = clock.instant();
    long now = t.getEpochSecond() * 1_000_000_000L + t.getNano();
    long slot;
    while (true) {
      long n = next.get();
      slot = Math.max(n, now);
      if (next.compareAndSet(n, slot + intervalNanos)) {
        break;
      }
    }
    long wait = slot - now;
    return wait <= 0 ? CompletableFuture.completedFuture(null) : sleeper.delay(Duration.ofNanos(wait));
  }

  @Override
  public String toString() {
    return "RateLimiter.perSecond(" + permitsPerSecond + ")";
  }
}
