package dev.blipsdk.whatsapp;

import dev.blipsdk.core.Sleeper;
import dev.blipsdk.testing.FakeClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A sleeper that moves a fake clock instead of waiting: tests run in virtual time. */
class VirtualTime implements Sleeper {
  final FakeClock clock;
  final AtomicLong slept = new AtomicLong();

  VirtualTime(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    if (!duration.isNegative() && !duration.isZero()) {
      slept.addAndGet(duration.toNanos());
      clock.advance(duration);
    }
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    sleep(duration);
    return CompletableFuture.completedFuture(null);
  }
}
