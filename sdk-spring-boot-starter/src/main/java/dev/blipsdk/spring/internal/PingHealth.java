package dev.blipsdk.spring.internal;

import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The health of the Blip connection, from a ping cached for a while: a health probe answers from the cache, and only
 * a probe after the cache expired pings Blip (one at a time; concurrent probes wait for that ping and share it). The
 * Boot 3.5 and 4.0 health indicators both read it.
 *
 * <p>The details hold the latency, or the error's type and what it means; never a message from the server, a key or
 * a header. Thread-safe.
 */
public final class PingHealth {
  /**
   * One check.
   *
   * @param up whether Blip answered the ping
   * @param details what the health endpoint shows
   * @param checkedAt when the ping ended, on the client's clock
   */
  public record Check(boolean up, Map<String, Object> details, Instant checkedAt) {}

  private final Supplier<Duration> ping;
  private final Clock clock;
  private final Duration ttl;
  private volatile @Nullable Check last;

  /**
   * Creates the cache.
   *
   * @param ping pings Blip and returns the latency, or throws a {@link BlipException}
   * @param clock the clock the cache expires on (the client's)
   * @param ttl how long a result is reused
   */
  public PingHealth(Supplier<Duration> ping, Clock clock, Duration ttl) {
    this.ping = ping;
    this.clock = clock;
    this.ttl = BlipClientSettings.positive("blip.health.cache-ttl", ttl);
  }

  /**
   * The cached check, or a new one if the cache expired.
   *
   * @return the check
   */
  public Check check() {
    Check c = last;
    if (fresh(c)) {
      return c;
    }
    synchronized (this) {
      c = last;
      if (fresh(c)) {
        return c;
      }
      c = probe();
      last = c;
      return c;
    }
  }

  private boolean fresh(@Nullable Check c) {
    return c != null && clock.instant().isBefore(c.checkedAt().plus(ttl));
  }

  private Check probe() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up;
    try {
      Duration latency = ping.get();
      details.put("latencyMillis", latency.toMillis());
      up = true;
    } catch (BlipException e) {
      details.put("error", e.getClass().getSimpleName());
      details.put("meaning", meaning(e));
      details.put("retryable", e.isRetryable());
      up = false;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName());
      details.put("meaning", "the ping failed unexpectedly");
      up = false;
    }
    Instant now = clock.instant();
    details.put("checkedAt", now.toString());
    return new Check(up, Map.copyOf(details), now);
  }

  private static String meaning(BlipException e) {
    if (e instanceof AuthenticationException) {
      return "Blip rejected the credentials: check blip.identifier and blip.access-key (or blip.authorization-key)";
    }
    if (e instanceof BlipConnectionException || e instanceof BlipTimeoutException) {
      return "Blip could not be reached or did not answer in time";
    }
    return "Blip answered the ping with an error";
  }

  @Override
  public String toString() {
    return "PingHealth{ttl=" + ttl + "}";
  }
}
