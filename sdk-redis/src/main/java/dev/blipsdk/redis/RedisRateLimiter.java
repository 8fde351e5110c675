package dev.blipsdk.redis;

import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.redis.internal.RedisErrors;
import dev.blipsdk.whatsapp.Plan;
import dev.blipsdk.whatsapp.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RateLimiter} shared by every process that uses the same Redis key: the instances of a fleet
 * together stay within one plan. Built on Bucket4j's Lettuce proxy manager (compare-and-swap on the server):
 * a bucket of one permit refilled at the rate, so permits are evenly spaced with no burst.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create("redis://redis.internal:6379");
 * RedisRateLimiter limiter = RedisRateLimiter.builder(redis).key("blip:rate:" + botId).plan(Plan.PAID).build();
 * WhatsAppClient whatsApp = WhatsAppClient.builder(blip).rateLimiter(limiter).build(); // every send, bulk too
 * }</pre>
 *
 * <p><b>Waiting.</b> {@link #acquire()} reserves the next free slot on the server in one round trip and
 * completes its future when the slot comes, from one scheduler thread per limiter
 * ({@code blip-sdk-redis-limiter}, a daemon): no thread waits per waiting send. A cancelled wait does not
 * give its slot back, so it never lets more through. Every instance must use the same rate for one key; time
 * is each host's wall clock, so keep the hosts' clocks synchronised (NTP).
 *
 * <p><b>Failure: fail closed.</b> When Redis cannot be reached or does not answer within the
 * {@linkplain Builder#timeout(Duration) timeout}, the future fails with a {@link StoreException}: the send
 * that asked is not made, so an outage can slow a fleet down but never push it past the plan.
 *
 * <p><b>Thread safety:</b> thread-safe. {@link #close()} closes its connection and scheduler; futures still
 * waiting then fail with a {@link StoreException}.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
  private static final String STORE = "redis rate limiter";
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String key;
  private final double permitsPerSecond;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final AsyncBucketProxy bucket;
  private final ScheduledExecutorService scheduler;

  private RedisRateLimiter(Builder b, StatefulRedisConnection<String, byte[]> connection) {
    this.key = b.key;
    this.permitsPerSecond = b.permitsPerSecond;
    this.connection = connection;
    connection.setTimeout(b.timeout);
    long periodNanos = Math.max(1, Math.round(1_000_000_000d / b.permitsPerSecond));
    BucketConfiguration configuration = BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(periodNanos)).build())
        .build();
    this.bucket = Bucket4jLettuce.casBasedBuilder(connection)
        .requestTimeout(b.timeout)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .build().asAsync().builder().build(key, () -> CompletableFuture.completedFuture(configuration));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "blip-sdk-redis-limiter-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A builder.
   *
   * @param client the Lettuce client (yours: it is not shut down by the limiter)
   * @return the builder
   */
  public static Builder builder(RedisClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  @Override
  public CompletableFuture<Void> acquire() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    CompletableFuture<Void> permit;
    try {
      permit = bucket.asScheduler().consume(1, scheduler);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RedisErrors.map(STORE, e));
    }
    permit.whenComplete((v, e) -> {
      if (e != null) {
        result.completeExceptionally(RedisErrors.map(STORE, e));
      } else {
        result.complete(null);
      }
    });
    return result;
  }

  /**
   * The Redis key of the bucket.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The rate.
   *
   * @return permits per second
   */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /** Closes the connection and the scheduler. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    connection.close();
  }

  @Override
  public String toString() {
    return "RedisRateLimiter{key=" + key + ", permitsPerSecond=" + permitsPerSecond + "}";
  }

  /** Builds a {@link RedisRateLimiter}. Not thread-safe. */
  public static final class Builder {
    private final RedisClient client;
    private String key = "blip-sdk:rate-limit";
    private double permitsPerSecond = Plan.FREE.messagesPerSecond();
    private Duration timeout = Duration.ofSeconds(1);

    private Builder(RedisClient client) {
      this.client = client;
    }

    /**
     * The Redis key of the bucket (default {@code blip-sdk:rate-limit}): one key per limit, for example per
     * bot when several bots share a Redis.
     *
     * @param key non-blank, without whitespace
     * @return this builder
     */
    public Builder key(String key) {
      this.key = RedisErrors.key(key, "key");
      return this;
    }

    /**
     * The plan's message rate (default {@link Plan#FREE}).
     *
     * @param plan the plan
     * @return this builder
     */
    public Builder plan(Plan plan) {
      this.permitsPerSecond = Objects.requireNonNull(plan, "plan").messagesPerSecond();
      return this;
    }

    /**
     * The rate, for the whole fleet.
     *
     * @param permitsPerSecond positive and finite
     * @return this builder
     */
    public Builder permitsPerSecond(double permitsPerSecond) {
      if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
        throw new IllegalArgumentException("permitsPerSecond must be positive and finite, was " + permitsPerSecond);
      }
      this.permitsPerSecond = permitsPerSecond;
      return this;
    }

    /**
     * How long a Redis command may take before the permit fails (default 1 s).
     *
     * @param timeout positive, at most 1 hour
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = RedisErrors.positive(timeout, "timeout");
      return this;
    }

    /**
     * Connects and builds the limiter.
     *
     * @return the limiter
     * @throws StoreException if Redis cannot be reached
     */
    public RedisRateLimiter build() {
      StatefulRedisConnection<String, byte[]> connection;
      try {
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      } catch (RuntimeException e) {
        throw RedisErrors.map(STORE, e);
      }
      try {
        return new RedisRateLimiter(this, connection);
      } catch (RuntimeException e) {
        connection.close();
        throw e;
      }
    }
  }
}
