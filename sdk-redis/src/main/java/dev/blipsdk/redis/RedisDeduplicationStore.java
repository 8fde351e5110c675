package dev.blipsdk.redis;

import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.core.webhook.DeduplicationStore;
import dev.blipsdk.redis.internal.RedisErrors;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link DeduplicationStore} shared by every webhook receiver that uses the same Redis: each event reaches
 * the listeners of one instance once, whichever instance Blip delivers it to and however often. One
 * {@code SET key 1 NX PX ttl} per event: atomic on the server, so of two instances receiving the same event at
 * the same moment exactly one handles it.
 *
 * <pre>{@code
 * RedisDeduplicationStore seen = RedisDeduplicationStore.builder(redis).build();
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .verifier(verifier)
 *     .deduplicate(seen, Duration.ofDays(3))
 *     .onDeduplicationFailure(DeduplicationFailure.FAIL_OPEN)   // or FAIL_CLOSED: answer 503
 *     .onStatus(status -> tracker.accept(status.notification()))
 *     .build();
 * }</pre>
 *
 * <p><b>Failure.</b> When Redis cannot be reached or does not answer within the
 * {@linkplain Builder#timeout(Duration) timeout}, the calls throw {@link StoreException}; the receiver then
 * fails open (calls the listeners) or closed (answers 503) as configured on it.
 *
 * <p><b>Thread safety:</b> thread-safe (one multiplexed connection). Keys hold the event's envelope id and
 * event name, never message content.
 */
public final class RedisDeduplicationStore implements DeduplicationStore, AutoCloseable {
  private static final String STORE = "redis deduplication store";

  private final String prefix;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;

  private RedisDeduplicationStore(Builder b, StatefulRedisConnection<String, String> connection) {
    this.prefix = b.prefix;
    this.connection = connection;
    connection.setTimeout(b.timeout);
    this.redis = connection.sync();
  }

  /**
   * A builder.
   *
   * @param client the Lettuce client (yours: it is not shut down by the store)
   * @return the builder
   */
  public static Builder builder(RedisClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  @Override
  public boolean seenBefore(String key, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    long millis = ttl.compareTo(Duration.ofDays(3650)) > 0 ? Duration.ofDays(3650).toMillis() : ttl.toMillis();
    try {
      return redis.set(prefix + key, "1", SetArgs.Builder.nx().px(Math.max(1, millis))) == null;
    } catch (RuntimeException e) {
      throw RedisErrors.map(STORE, e);
    }
  }

  @Override
  public void forget(String key) {
    Objects.requireNonNull(key, "key");
    try {
      redis.del(prefix + key);
    } catch (RuntimeException e) {
      throw RedisErrors.map(STORE, e);
    }
  }

  /** Closes the connection. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "RedisDeduplicationStore{prefix=" + prefix + "}";
  }

  /** Builds a {@link RedisDeduplicationStore}. Not thread-safe. */
  public static final class Builder {
    private final RedisClient client;
    private String prefix = "blip-sdk:dedup:";
    private Duration timeout = Duration.ofSeconds(1);

    private Builder(RedisClient client) {
      this.client = client;
    }

    /**
     * The prefix of the keys (default {@code blip-sdk:dedup:}).
     *
     * @param prefix non-blank, without whitespace
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.prefix = RedisErrors.key(prefix, "keyPrefix");
      return this;
    }

    /**
     * How long a Redis command may take (default 1 s).
     *
     * @param timeout positive, at most 1 hour
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = RedisErrors.positive(timeout, "timeout");
      return this;
    }

    /**
     * Connects and builds the store.
     *
     * @return the store
     * @throws StoreException if Redis cannot be reached
     */
    public RedisDeduplicationStore build() {
      StatefulRedisConnection<String, String> connection;
      try {
        connection = client.connect();
      } catch (RuntimeException e) {
        throw RedisErrors.map(STORE, e);
      }
      return new RedisDeduplicationStore(this, connection);
    }
  }
}
