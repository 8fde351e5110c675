package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Per bot and per kind of request: a sliding one-second window (or a token bucket, with a burst); past the limit, a
 * block window of 429s.
 */
public final class RateLimiter {
  private static final class Window {
    final ArrayDeque<Instant> hits = new ArrayDeque<>();
    @Nullable Instant blockedUntil;
    double tokens = -1;
    @Nullable Instant refilled;
  }

  private final RateLimits limits;
  private final Map<String, Window> windows = new HashMap<>();

  public RateLimiter(RateLimits limits) {
    this.limits = limits;
  }

  /** Returns null when allowed, or the time left in the block window. */
  public synchronized @Nullable Duration check(String bot, String path, Instant now) {
    int limit;
    switch (path) {
      case "/messages":
        limit = limits.messagesPerSecond();
        break;
      case "/notifications":
        limit = limits.notificationsPerSecond();
        break;
      default:
        limit = limits.commandsPerSecond();
        break;
    }
    if (limit <= 0) {
      return null;
    }
    Window w = windows.computeIfAbsent(bot + " " + path, k -> new Window());
    if (w.blockedUntil != null) {
      if (now.isBefore(w.blockedUntil)) {
        return Duration.between(now, w.blockedUntil);
      }
      w.blockedUntil = null;
      w.hits.clear();
      w.tokens = -1;
    }
    if (limits.burst() > 0) {
      if (w.tokens < 0 || w.refilled == null) {
        w.tokens = limits.burst();
      } else {
        double elapsed = Duration.between(w.refilled, now).toNanos() / 1e9;
        w.tokens = Math.min(limits.burst(), w.tokens + Math.max(0, elapsed) * limit);
      }
      w.refilled = now;
      if (w.tokens < 1) {
        w.blockedUntil = now.plus(limits.blockWindow());
        return limits.blockWindow();
      }
      w.tokens -= 1;
      return null;
    }
    Instant cutoff = now.minusSeconds(1);
    while (!w.hits.isEmpty() && !w.hits.peekFirst().isAfter(cutoff)) {
      w.hits.pollFirst();
    }
    if (w.hits.size() >= limit) {
      w.blockedUntil = now.plus(limits.blockWindow());
      return limits.blockWindow();
    }
    w.hits.addLast(now);
    return null;
  }

  public boolean retryAfter() {
    return limits.retryAfter();
  }
}
