package dev.blipsdk.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The receiver's de-duplication seam and the in-memory store behind it. */
class WebhookDeduplicationTest {
  private static final byte[] NOTIFICATION =
      "{\"id\":\"m1\",\"from\":\"a@wa.gw.msging.net\",\"event\":\"received\"}".getBytes(StandardCharsets.UTF_8);
  private final List<WebhookEvent> seen = new CopyOnWriteArrayList<>();
  private final List<BlipException> errors = new CopyOnWriteArrayList<>();

  private WebhookReceiver.Builder builder(DeduplicationStore store) {
    return WebhookReceiver.builder().verifier(WebhookVerifier.staticHeader("X-T", "t"))
        .onStatus(seen::add).onMessage(seen::add).onError(errors::add).deduplicate(store, Duration.ofHours(1));
  }

  private static WebhookResponse post(WebhookReceiver r, byte[] body) {
    return r.handle("POST", WebhookHeaders.of("X-T", "t"), body);
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A store that fails while {@code down} is set. */
  static final class FlakyStore implements DeduplicationStore {
    final DeduplicationStore inner = DeduplicationStore.inMemory(100);
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public boolean seenBefore(String key, Duration ttl) {
      if (down.get()) {
        throw new StoreException("test store", "store down", null, true);
      }
      return inner.seenBefore(key, ttl);
    }

    @Override
    public void forget(String key) {
      if (down.get()) {
        throw new StoreException("test store", "store down", null, true);
      }
      inner.forget(key);
    }
  }

  @Test
  void aSecondDeliveryOfAnEventReachesNoListener() {
    WebhookReceiver r = builder(DeduplicationStore.inMemory(100)).build();
    assertEquals(200, post(r, NOTIFICATION).statusCode());
    WebhookResponse again = post(r, NOTIFICATION);
    assertEquals(200, again.statusCode());
    assertEquals("duplicate", again.body());
    assertEquals(1, seen.size());
    byte[] other = "{\"id\":\"m1\",\"from\":\"a@wa.gw.msging.net\",\"event\":\"consumed\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("ok", post(r, other).body(), "another event of the same message is new");
    assertEquals(2, seen.size());
  }

  @Test
  void withoutAStoreEveryDeliveryReachesTheListenersAsBefore() {
    WebhookReceiver r = WebhookReceiver.builder().verifier(WebhookVerifier.staticHeader("X-T", "t"))
        .onStatus(seen::add).build();
    post(r, NOTIFICATION);
    post(r, NOTIFICATION);
    assertEquals(2, seen.size());
  }

  @Test
  void aFailedListenerReleasesTheKeySoTheRedeliveryIsHandled() {
    AtomicBoolean fail = new AtomicBoolean(true);
    WebhookReceiver r = builder(DeduplicationStore.inMemory(100)).onStatus(s -> {
      if (fail.getAndSet(false)) {
        throw new IllegalStateException("database down");
      }
    }).build();
    assertEquals(500, post(r, NOTIFICATION).statusCode());
    assertEquals(200, post(r, NOTIFICATION).statusCode());
    assertEquals("duplicate", post(r, NOTIFICATION).body());
    assertEquals(2, seen.size(), "the first (failed) call and the redelivery; the third is a duplicate");
  }

  @Test
  void anExecutorRejectionReleasesTheKey() {
    AtomicBoolean reject = new AtomicBoolean(true);
    WebhookReceiver r = builder(DeduplicationStore.inMemory(100)).executor(task -> {
      if (reject.getAndSet(false)) {
        throw new RejectedExecutionException("full");
      }
      task.run();
    }).build();
    assertEquals(503, post(r, NOTIFICATION).statusCode());
    assertEquals(202, post(r, NOTIFICATION).statusCode());
    assertEquals(1, seen.size());
  }

  @Test
  void storeFailureFailsOpenByDefaultAndReportsTheTypedError() {
    FlakyStore store = new FlakyStore();
    WebhookReceiver r = builder(store).build();
    store.down.set(true);
    assertEquals(200, post(r, NOTIFICATION).statusCode());
    assertEquals(200, post(r, NOTIFICATION).statusCode());
    assertEquals(2, seen.size(), "fail open: listeners are called, duplicates may pass");
    assertInstanceOf(StoreException.class, errors.get(0));
    assertTrue(errors.get(0).isRetryable());
  }

  @Test
  void storeFailureFailsClosedWhenConfigured() {
    FlakyStore store = new FlakyStore();
    WebhookReceiver r = builder(store).onDeduplicationFailure(DeduplicationFailure.FAIL_CLOSED).build();
    store.down.set(true);
    assertEquals(503, post(r, NOTIFICATION).statusCode());
    assertTrue(seen.isEmpty());
    store.down.set(false);
    assertEquals(200, post(r, NOTIFICATION).statusCode(), "the sender's retry goes through once the store is back");
    assertEquals(1, seen.size());
  }

  @Test
  void concurrentDeliveriesOfOneEventReachTheListenersOnce() throws Exception {
    WebhookReceiver r = builder(DeduplicationStore.inMemory(1000)).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        byte[] body = ("{\"id\":\"m" + (i % 20) + "\",\"event\":\"received\"}").getBytes(StandardCharsets.UTF_8);
        results.add(pool.submit(() -> post(r, body).statusCode()));
      }
      for (Future<Integer> f : results) {
        assertEquals(200, f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(20, seen.size());
    assertEquals(20, seen.stream().map(WebhookEvent::deduplicationKey).distinct().count());
  }

  @Test
  void inMemoryStoreExpiresKeysAndKeepsAtMostItsSize() {
    TestClock clock = new TestClock();
    DeduplicationStore store = DeduplicationStore.inMemory(2, clock);
    assertFalse(store.seenBefore("a", Duration.ofSeconds(10)));
    assertTrue(store.seenBefore("a", Duration.ofSeconds(10)));
    clock.millis.addAndGet(10_000);
    assertFalse(store.seenBefore("a", Duration.ofSeconds(10)), "expired");
    assertFalse(store.seenBefore("b", Duration.ofSeconds(10)));
    assertFalse(store.seenBefore("c", Duration.ofSeconds(10)));
    assertFalse(store.seenBefore("a", Duration.ofSeconds(10)), "the oldest key went to make room");
    store.forget("c");
    assertFalse(store.seenBefore("c", Duration.ofSeconds(10)));
  }

  @Test
  void badArgumentsNameTheField() {
    assertThrows(IllegalArgumentException.class, () -> DeduplicationStore.inMemory(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WebhookReceiver.builder().deduplicate(DeduplicationStore.inMemory(1), Duration.ZERO));
    assertTrue(e.getMessage().contains("ttl"), e.getMessage());
  }
}
