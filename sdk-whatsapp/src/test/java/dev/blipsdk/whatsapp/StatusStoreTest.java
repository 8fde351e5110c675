package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The status store seam: the ledger's merge, and trackers of several "instances" sharing one store. */
class StatusStoreTest {
  final FakeClock clock = FakeClock.manual();
  final Identity ana = Identity.parse("5531999998888@wa.gw.msging.net");

  /** An instance: its own Blip client (polling a closed port: every poll fails, retryably) and tracker. */
  StatusTracker instance(StatusStore store) {
    return instance(store, new VirtualTime(clock));
  }

  StatusTracker instance(StatusStore store, dev.blipsdk.core.Sleeper sleeper) {
    WhatsAppClient wa = WhatsAppClient.builder(BlipClient.builder().baseUrl("http://127.0.0.1:9")
        .credentials("bot", "key").clock(clock).build()).sleeper(sleeper).build();
    return StatusTracker.builder(wa).statusStore(store).pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(2))
        .build();
  }

  static StatusUpdate.Event event(String id, String key, MessageStatus status, Reason failure) {
    return new StatusUpdate.Event(id, Instant.EPOCH.plusSeconds(5), key, status, failure, "{\"id\":\"" + id + "\"}");
  }

  @Test
  void theLedgerMergesMonotonicallyAndDropsDuplicates() {
    Instant t0 = Instant.EPOCH;
    StatusRecord r = StatusRecord.apply(null, new StatusUpdate.Track("m", null, t0));
    assertEquals(MessageStatus.SENDING, r.delivery());
    assertNull(StatusRecord.apply(null, new StatusUpdate.Answered("x", t0)), "an answer creates no record");
    StatusRecord withRecipient = StatusRecord.apply(r, new StatusUpdate.Track("m", ana, t0.plusSeconds(9)));
    assertEquals(ana, withRecipient.recipient());
    assertEquals(t0, withRecipient.sentAt(), "the first send time stays");
    assertSame(withRecipient, StatusRecord.apply(withRecipient, new StatusUpdate.Track("m", null, t0)));

    StatusRecord read = StatusRecord.apply(withRecipient, event("m", "consumed|a", MessageStatus.READ, null));
    StatusRecord late = StatusRecord.apply(read, event("m", "dispatched|a", MessageStatus.SENT, null));
    assertEquals(MessageStatus.READ, late.delivery(), "never backwards");
    assertEquals(2, late.events().size());
    assertSame(late, StatusRecord.apply(late, event("m", "consumed|a", MessageStatus.READ, null)), "duplicate");

    StatusRecord noReason = StatusRecord.apply(null, event("f", "failed|a", MessageStatus.FAILED, null));
    assertEquals(StatusRecord.NO_REASON, noReason.failure());
    StatusRecord reason = StatusRecord.apply(noReason, event("f", "failed|b", MessageStatus.FAILED,
        Reason.of(81, "131026")));
    assertEquals(81, reason.failure().code());
    StatusRecord kept = StatusRecord.apply(reason, event("f", "failed|c", MessageStatus.FAILED, Reason.of(1, "x")));
    assertEquals(81, kept.failure().code(), "the first reason given wins");
    StatusRecord delivered = StatusRecord.apply(kept, event("f", "received|d", MessageStatus.DELIVERED, null));
    assertEquals(MessageStatus.DELIVERED, delivered.delivery(), "a delivery after a failure moves on");
    assertEquals(81, delivered.failure().code());

    StatusRecord answered = StatusRecord.apply(read, new StatusUpdate.Answered("m", t0.plusSeconds(60)));
    assertTrue(answered.answered());
    assertSame(answered, StatusRecord.apply(answered, new StatusUpdate.Answered("m", t0.plusSeconds(70))));
    assertThrows(IllegalArgumentException.class, () -> StatusRecord.apply(read, new StatusUpdate.Track("other",
        null, t0)));
    assertThrows(IllegalArgumentException.class, () -> event("m", "k", MessageStatus.EXPIRED, null));
  }

  @Test
  void twoInstancesSharingAStoreSeeEachOthersMessagesAndFurthestStateWins() {
    StatusStore shared = StatusStore.inMemory(1000);
    StatusTracker a = instance(shared);
    StatusTracker b = instance(shared);
    a.track("m1", ana, clock.instant());
    assertEquals(MessageStatus.SENDING, b.status("m1").orElseThrow().status(), "B sees what A sent");
    assertTrue(b.accept(StatusTrackerTest.n("m1", "consumed", "5531999998888@wa.gw.msging.net/x")));
    assertTrue(a.accept(StatusTrackerTest.n("m1", "received", "5531999998888@wa.gw.msging.net/x")));
    assertFalse(a.accept(StatusTrackerTest.n("m1", "consumed", "5531999998888@wa.gw.msging.net/x")),
        "the duplicate B was fed already");
    assertEquals(MessageStatus.READ, a.status("m1").orElseThrow().status());
    assertEquals(2, a.status("m1").orElseThrow().notifications().size());

    Message text = Message.text(Node.parse("bot@msging.net"), "oi");
    assertEquals(1, b.recordReply(new Message("r1", Node.parse("5531999998888@wa.gw.msging.net/x"), text.to(), null,
        text.type(), text.content(), java.util.Map.of())));
    assertTrue(a.status("m1").orElseThrow().answered());
    assertTrue(b.forget("m1"));
    assertEquals(Optional.empty(), a.status("m1"));
  }

  @Test
  void anAwaitOnOneInstanceEndsWhenAnotherIsFedTheStatus() throws Exception {
    StatusStore shared = StatusStore.inMemory(1000);
    StatusTracker a = instance(shared);
    a.track("m2", ana, clock.instant());
    // B's polls fail (nothing listens on port 9); A is fed READ while B waits between two polls
    java.util.concurrent.atomic.AtomicBoolean fed = new java.util.concurrent.atomic.AtomicBoolean();
    VirtualTime time = new VirtualTime(clock) {
      @Override
      public CompletableFuture<Void> delay(Duration duration) {
        if (!fed.getAndSet(true)) {
          a.accept(StatusTrackerTest.n("m2", "consumed", "5531999998888@wa.gw.msging.net/x"));
        }
        return super.delay(duration);
      }
    };
    StatusTracker b = instance(shared, time);
    CompletableFuture<StatusReport> waiting = new CompletableFuture<>();
    b.awaitAsync("m2", EnumSet.of(MessageStatus.READ), Duration.ofMinutes(1)).whenComplete((r, e) -> {
      if (e != null) {
        waiting.completeExceptionally(e);
      } else {
        waiting.complete(r);
      }
    });
    assertEquals(MessageStatus.READ, waiting.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
  }

  @Test
  void aStoreThatCannotAnswerFailsTheCallWithTheTypedError() {
    StatusStore down = new StatusStore() {
      @Override
      public Applied apply(StatusUpdate update) {
        throw new StoreException("test store", "down", null, true);
      }

      @Override
      public Optional<StatusRecord> get(String messageId) {
        throw new StoreException("test store", "down", null, true);
      }

      @Override
      public List<String> sentTo(Identity recipient) {
        throw new StoreException("test store", "down", null, true);
      }

      @Override
      public boolean remove(String messageId) {
        throw new StoreException("test store", "down", null, true);
      }

      @Override
      public long size() {
        throw new StoreException("test store", "down", null, true);
      }
    };
    StatusTracker t = instance(down);
    assertThrows(StoreException.class, () -> t.track("m", null, clock.instant()));
    assertThrows(StoreException.class, () -> t.status("m"));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> t.awaitAsync("m", EnumSet.of(MessageStatus.READ), Duration.ofSeconds(5)).get());
    assertInstanceOf(StoreException.class, e.getCause());
  }

  @Test
  void maxTrackedBelongsToTheDefaultStore() {
    WhatsAppClient wa = WhatsAppClient.of(BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("b", "k")
        .build());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StatusTracker.builder(wa).maxTracked(5).statusStore(StatusStore.inMemory(5)).build());
    assertTrue(e.getMessage().contains("maxTracked"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StatusStore.inMemory(0));
  }
}
