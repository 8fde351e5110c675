package dev.blipsdk.whatsapp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, expiring cache (least recently used first out) read against an injectable clock.
 * Thread-safe through one lock; operations are O(1).
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ResolutionCache<K, V> {
  private record Cached<V>(V value, Instant expiresAt) {}

  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<K, Cached<V>> map;

  /**
   * Creates the cache.
   *
   * @param maxEntries the most entries kept
   * @param ttl how long an entry lives
   * @param clock the clock
   */
  public ResolutionCache(int maxEntries, Duration ttl, Clock clock) {
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Cached<V>> eldest) {
        return size() > ResolutionCache.this.maxEntries;
      }
    };
  }

  /**
   * The live value for a key.
   *
   * @param key the key
   * @return the value, or null when absent or expired
   */
  public synchronized @Nullable V get(K key) {
    Cached<V> e = map.get(key);
    if (e == null) {
      return null;
    }
    if (!clock.instant().isBefore(e.expiresAt())) {
      map.remove(key);
      return null;
    }
    return e.value();
  }

  /**
   * Stores a value.
   *
   * @param key the key
   * @param value the value
   */
  public synchronized void put(K key, V value) {
    map.put(key, new Cached<>(value, clock.instant().plus(ttl)));
  }

  /**
   * Removes a key.
   *
   * @param key the key
   */
  public synchronized void remove(K key) {
    map.remove(key);
  }

  /** Removes everything. */
  public synchronized void clear() {
    map.clear();
  }

  /**
   * How many entries are held (expired ones included until read).
   *
   * @return the size
   */
  public synchronized int size() {
    return map.size();
  }
}
