package dev.blipsdk.core.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@link DeduplicationStore#inMemory(int, Clock)}: one lock, keys in insertion order with their expiry. */
final class InMemoryDeduplicationStore implements DeduplicationStore {
  private final int maxKeys;
  private final Clock clock;
  // guarded by this; key -> expiry in epoch millis, oldest insertion first
  private final LinkedHashMap<String, Long> keys = new LinkedHashMap<>();

  InMemoryDeduplicationStore(int maxKeys, Clock clock) {
    if (maxKeys <= 0) {
      throw new IllegalArgumentException("maxKeys must be positive, was " + maxKeys);
    }
    this.maxKeys = maxKeys;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean seenBefore(String key, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    long now = clock.millis();
    long expiry = ttl.compareTo(Duration.ofDays(365_000)) > 0 ? Long.MAX_VALUE : saturatedAdd(now, ttl.toMillis());
    synchronized (this) {
      Long known = keys.get(key);
      if (known != null && known > now) {
        return true;
      }
      keys.remove(key);
      keys.put(key, expiry);
      Iterator<Map.Entry<String, Long>> it = keys.entrySet().iterator();
      while (keys.size() > maxKeys && it.hasNext()) {
        it.next();
        it.remove();
      }
      return false;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  @Override
  public synchronized void forget(String key) {
    keys.remove(Objects.requireNonNull(key, "key"));
  }

  @Override
  public synchronized String toString() {
    return "DeduplicationStore.inMemory{keys=" + keys.size() + ", max=" + maxKeys + "}";
  }
}
