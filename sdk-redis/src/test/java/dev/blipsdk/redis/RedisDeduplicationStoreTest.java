package dev.blipsdk.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.StoreException;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The de-duplication store on a real redis-server. */
class RedisDeduplicationStoreTest extends SharedRedis {

  @Test
  void theFirstCallerOfAKeyWinsAndForgetReleasesIt() {
    try (RedisDeduplicationStore store = RedisDeduplicationStore.builder(client).keyPrefix("t1:").build();
        var raw = client.connect()) {
      assertFalse(store.seenBefore("m1:received", Duration.ofMinutes(5)));
      assertTrue(store.seenBefore("m1:received", Duration.ofMinutes(5)));
      long pttl = raw.sync().pttl("t1:m1:received");
      assertTrue(pttl > 0 && pttl <= 300_000, "expires with the ttl: " + pttl);
      store.forget("m1:received");
      assertFalse(store.seenBefore("m1:received", Duration.ofMinutes(5)));
    }
  }

  @Test
  void ofConcurrentCallersOnSeveralConnectionsExactlyOneHandlesEachKey() throws Exception {
    List<RedisDeduplicationStore> stores = List.of(
        RedisDeduplicationStore.builder(client).keyPrefix("t2:").build(),
        RedisDeduplicationStore.builder(client).keyPrefix("t2:").build(),
        RedisDeduplicationStore.builder(client).keyPrefix("t2:").build());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        RedisDeduplicationStore s = stores.get(i % 3);
        String key = "k" + (i % 100);
        calls.add(() -> s.seenBefore(key, Duration.ofMinutes(1)));
      }
      int firsts = 0;
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        if (!f.get()) {
          firsts++;
        }
      }
      assertEquals(100, firsts, "one first sight per key");
    } finally {
      pool.shutdownNow();
      stores.forEach(RedisDeduplicationStore::close);
    }
  }

  @Test
  void anUnreachableRedisIsATypedRetryableError() {
    try (RedisServer lonely = RedisServer.startOrSkip(); RedisClient c = RedisClient.create(lonely.uri())) {
      RedisDeduplicationStore store = RedisDeduplicationStore.builder(c).timeout(Duration.ofMillis(300)).build();
      lonely.stop();
      StoreException e = assertThrows(StoreException.class, () -> store.seenBefore("k", Duration.ofMinutes(1)));
      assertTrue(e.isRetryable());
      assertEquals("redis deduplication store", e.store());
      assertThrows(StoreException.class, () -> store.forget("k"));
      store.close();
    }
  }

  @Test
  void badSettingsNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisDeduplicationStore.builder(client).keyPrefix("a b"));
    assertTrue(e.getMessage().contains("keyPrefix"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RedisDeduplicationStore.builder(client).timeout(Duration.ZERO));
  }
}
