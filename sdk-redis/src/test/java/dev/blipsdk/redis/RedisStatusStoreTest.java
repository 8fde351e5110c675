package dev.blipsdk.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.StatusRecord;
import dev.blipsdk.whatsapp.StatusStore;
import dev.blipsdk.whatsapp.StatusUpdate;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Lua status store on a real redis-server, checked against the ledger's pure merge. */
class RedisStatusStoreTest extends SharedRedis {
  static final Identity ANA = Identity.parse("5531999998888@wa.gw.msging.net");
  static final Identity BIA = Identity.parse("5531977776666@wa.gw.msging.net");

  static final String[] EVENTS = {"accepted", "dispatched", "received", "consumed", "failed", "unknownthing"};
  static final MessageStatus[] STATUS = {MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED,
      MessageStatus.READ, MessageStatus.FAILED, null};

  /** A random update; instants have whole milliseconds, as the store keeps them. */
  static StatusUpdate randomUpdate(Random rnd, String id) {
    Instant at = Instant.ofEpochMilli(1_700_000_000_000L + rnd.nextInt(1_000_000));
    switch (rnd.nextInt(6)) {
      case 0:
        return new StatusUpdate.Track(id, rnd.nextBoolean() ? null : rnd.nextBoolean() ? ANA : BIA, at);
      case 1:
        return new StatusUpdate.Answered(id, at);
      default:
        int e = rnd.nextInt(EVENTS.length);
        String from = "hop" + rnd.nextInt(3) + "@msging.net";
        Reason reason = STATUS[e] == MessageStatus.FAILED && rnd.nextBoolean()
            ? (rnd.nextBoolean() ? Reason.of(81, "131026 undeliverable") : new Reason(null, "no code " + rnd.nextInt(3)))
            : null;
        return new StatusUpdate.Event(id, at, EVENTS[e] + "|" + from, STATUS[e], reason,
            "{\"id\":\"" + id + "\",\"event\":\"" + EVENTS[e] + "\",\"from\":\"" + from + "\"}");
    }
  }

  @Test
  void everySequenceOfUpdatesEndsInTheRecordTheLedgerComputes() {
    try (RedisStatusStore redis = RedisStatusStore.builder(client).keyPrefix("c1:").build()) {
      Random rnd = new Random(17);
      for (int m = 0; m < 150; m++) {
        String id = "msg-" + m;
        StatusRecord expected = null;
        for (int i = 0; i < 1 + rnd.nextInt(12); i++) {
          StatusUpdate u = randomUpdate(rnd, id);
          StatusRecord next = StatusRecord.apply(expected, u);
          StatusStore.Applied applied = redis.apply(u);
          assertEquals(next != expected, applied.changed(), "changed of " + u);
          assertEquals(next, applied.record(), "after " + u);
          expected = next;
        }
        assertEquals(Optional.ofNullable(expected), redis.get(id));
      }
    }
  }

  @Test
  void concurrentUpdatesFromSeveralConnectionsNeverLoseOneAnotherOrGoBack() throws Exception {
    List<RedisStatusStore> instances = List.of(RedisStatusStore.builder(client).keyPrefix("c2:").build(),
        RedisStatusStore.builder(client).keyPrefix("c2:").build(),
        RedisStatusStore.builder(client).keyPrefix("c2:").build());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<StatusStore.Applied>> calls = new ArrayList<>();
      String[] names = {"accepted", "dispatched", "received", "consumed"};
      MessageStatus[] statuses = {MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED,
          MessageStatus.READ};
      for (int i = 0; i < 400; i++) {
        int e = i % 4;
        RedisStatusStore s = instances.get(i % 3);
        String key = names[e] + "|hop" + (i % 25);
        StatusUpdate.Event u = new StatusUpdate.Event("m", Instant.now(), key, statuses[e], null, "{\"k\":\"" + key
            + "\"}");
        calls.add(() -> s.apply(u));
      }
      int changed = 0;
      for (Future<StatusStore.Applied> f : pool.invokeAll(calls)) {
        if (f.get().changed()) {
          changed++;
        }
      }
      StatusRecord r = instances.get(0).get("m").orElseThrow();
      assertEquals(MessageStatus.READ, r.delivery());
      assertEquals(100, r.events().size(), "each distinct event once");
      assertEquals(100, changed, "exactly one caller recorded each distinct event");
    } finally {
      pool.shutdownNow();
      instances.forEach(RedisStatusStore::close);
    }
  }

  @Test
  void recipientsRemovalAndSize() {
    try (RedisStatusStore store = RedisStatusStore.builder(client).keyPrefix("c3:").ttl(Duration.ofHours(1))
        .build()) {
      Instant now = Instant.now();
      store.apply(new StatusUpdate.Track("a", ANA, now));
      store.apply(new StatusUpdate.Track("b", ANA, now));
      store.apply(new StatusUpdate.Track("c", BIA, now));
      assertEquals(List.of("a", "b"), store.sentTo(ANA).stream().sorted().toList());
      assertEquals(3, store.size());
      assertTrue(store.remove("a"));
      assertFalse(store.remove("a"));
      assertEquals(Optional.empty(), store.get("a"));
      assertEquals(2, store.size());
      assertEquals(null, store.apply(new StatusUpdate.Answered("zzz", now)).record());
    }
  }

  @Test
  void theScriptsSurviveARedisThatForgotThem() {
    try (RedisStatusStore store = RedisStatusStore.builder(client).keyPrefix("c4:").build();
        var raw = client.connect()) {
      raw.sync().scriptFlush();
      assertEquals(MessageStatus.SENDING, store.apply(new StatusUpdate.Track("x", null, Instant.now())).record()
          .delivery());
    }
  }

  @Test
  void anUnreachableRedisIsATypedError() {
    try (RedisServer lonely = RedisServer.startOrSkip(); RedisClient c = RedisClient.create(lonely.uri())) {
      RedisStatusStore store = RedisStatusStore.builder(c).timeout(Duration.ofMillis(300)).build();
      lonely.stop();
      StoreException e = assertThrows(StoreException.class, () -> store.get("m"));
      assertTrue(e.isRetryable());
      assertThrows(StoreException.class, () -> store.apply(new StatusUpdate.Track("m", null, Instant.now())));
      store.close();
    }
  }
}
