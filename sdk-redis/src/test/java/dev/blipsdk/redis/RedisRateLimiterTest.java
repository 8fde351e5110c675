package dev.blipsdk.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.whatsapp.Plan;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Bucket4j limiter on a real redis-server. */
class RedisRateLimiterTest extends SharedRedis {

  @Test
  void limitersSharingAKeyShareOneRateAndNeverGoFaster() throws Exception {
    try (RedisRateLimiter a = RedisRateLimiter.builder(client).key("t:shared").permitsPerSecond(40).build();
        RedisRateLimiter b = RedisRateLimiter.builder(client).key("t:shared").permitsPerSecond(40).build()) {
      List<CompletableFuture<Long>> granted = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < 40; i++) {
        RedisRateLimiter l = i % 2 == 0 ? a : b;
        granted.add(l.acquire().thenApply(v -> System.nanoTime()));
      }
      CompletableFuture.allOf(granted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      long last = granted.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
      // 40 permits at 40/s together: the first is free, the 40th comes 39/40 s later at the earliest
      assertTrue(last - t0 >= TimeUnit.MILLISECONDS.toNanos(960), "not faster than the shared rate: "
          + TimeUnit.NANOSECONDS.toMillis(last - t0) + " ms");
    }
  }

  @Test
  void aDifferentKeyIsAnotherLimit() throws Exception {
    try (RedisRateLimiter slow = RedisRateLimiter.builder(client).key("t:slow").permitsPerSecond(0.01).build();
        RedisRateLimiter other = RedisRateLimiter.builder(client).key("t:other").plan(Plan.PAID).build()) {
      slow.acquire().get(5, TimeUnit.SECONDS);
      CompletableFuture<Void> waiting = slow.acquire();
      other.acquire().get(5, TimeUnit.SECONDS);
      other.acquire().get(5, TimeUnit.SECONDS);
      assertTrue(!waiting.isDone(), "the slow key's second permit is 100 s away");
      waiting.cancel(false);
      assertEquals(50.0, other.permitsPerSecond());
    }
  }

  @Test
  void anUnreachableRedisFailsThePermitClosedWithATypedError() throws Exception {
    try (RedisServer lonely = RedisServer.startOrSkip(); RedisClient c = RedisClient.create(lonely.uri())) {
      RedisRateLimiter limiter = RedisRateLimiter.builder(c).timeout(Duration.ofMillis(300)).permitsPerSecond(100)
          .build();
      limiter.acquire().get(5, TimeUnit.SECONDS);
      lonely.stop();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> limiter.acquire().get(10, TimeUnit.SECONDS));
      StoreException se = assertInstanceOf(StoreException.class, e.getCause());
      assertTrue(se.isRetryable());
      assertEquals("redis rate limiter", se.store());
      lonely.start();
      limiter.acquire().get(10, TimeUnit.SECONDS);
      limiter.close();
    }
  }

  @Test
  void connectingToNothingIsATypedError() throws Exception {
    int port;
    try (RedisServer gone = RedisServer.startOrSkip()) {
      port = gone.port();
    }
    try (RedisClient c = RedisClient.create("redis://127.0.0.1:" + port)) {
      StoreException e = assertThrows(StoreException.class, () -> RedisRateLimiter.builder(c).build());
      assertTrue(e.isRetryable(), e.toString());
    }
  }

  @Test
  void badSettingsNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimiter.builder(client).permitsPerSecond(0));
    assertTrue(e.getMessage().contains("permitsPerSecond"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RedisRateLimiter.builder(client).key(" "));
    assertThrows(IllegalArgumentException.class, () -> RedisRateLimiter.builder(client).timeout(Duration.ofDays(1)));
  }
}
