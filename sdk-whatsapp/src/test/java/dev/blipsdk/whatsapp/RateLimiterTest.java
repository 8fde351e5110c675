package dev.blipsdk.whatsapp;

import static dev.blipsdk.whatsapp.FakeBlipSupport.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeClock;
import dev.blipsdk.testing.FakeTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rate limiter seam: the in-memory limiter, and how sends and bulk runs use a limiter. */
class RateLimiterTest {
  static final TemplateMessage MSG = TemplateMessage.of("welcome", "pt_BR").body("Ana");
  FakeBlip fake;
  VirtualTime time;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  WhatsAppClient client(RateLimiter clientLimiter) {
    fake = FakeBlip.start();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    time = new VirtualTime(fake.clock());
    return FakeBlipSupport.whatsApp(fake, time, b -> clientLimiter == null ? b : b.rateLimiter(clientLimiter));
  }

  static Recipient to(int i) {
    return Recipient.of(Identity.parse("55319" + (10_000_000 + i) + "@wa.gw.msging.net"));
  }

  /** Records the waits asked for, and completes nothing until told. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      delays.add(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      delays.add(duration);
      return new CompletableFuture<>();
    }
  }

  /** Counts permits and delegates, or fails while {@code failures} is positive. */
  static final class CountingLimiter implements RateLimiter {
    final RateLimiter inner;
    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger failures;

    CountingLimiter(RateLimiter inner, int failures) {
      this.inner = inner;
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public CompletableFuture<Void> acquire() {
      if (failures.getAndDecrement() > 0) {
        return CompletableFuture.failedFuture(new StoreException("test limiter", "store down", null, true));
      }
      acquired.incrementAndGet();
      return inner.acquire();
    }
  }

  @Test
  void inMemoryLimiterReservesEvenlySpacedSlotsWithoutBurst() {
    FakeClock clock = FakeClock.manual();
    RecordingSleeper sleeper = new RecordingSleeper();
    RateLimiter limiter = RateLimiter.perSecond(5, clock, sleeper);
    assertTrue(limiter.acquire().isDone(), "the first permit is free");
    for (int i = 0; i < 4; i++) {
      limiter.acquire();
    }
    assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(600),
        Duration.ofMillis(800)), sleeper.delays);
    clock.advance(Duration.ofSeconds(3));
    assertTrue(limiter.acquire().isDone(), "idle time is not saved up as a burst beyond one permit");
    assertEquals(Duration.ofMillis(200), durationOfNext(limiter, sleeper));
  }

  private static Duration durationOfNext(RateLimiter limiter, RecordingSleeper sleeper) {
    limiter.acquire();
    return sleeper.delays.get(sleeper.delays.size() - 1);
  }

  @Test
  void badRatesAreRefusedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(0));
    assertTrue(e.getMessage().contains("permitsPerSecond"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> RateLimiter.perSecond(Double.NaN));
    assertThrows(NullPointerException.class, () -> BulkSender.builder(WhatsAppClient.of(
        dev.blipsdk.core.BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("b", "k").build()))
        .rateLimiter(null));
  }

  @Test
  void aSharedLimiterSlowerThanTheRunSetsItsPace() {
    WhatsAppClient wa = client(null);
    RateLimiter shared = RateLimiter.perSecond(10, fake.clock(), time);
    Instant t0 = fake.clock().instant();
    BulkSummary s = wa.bulk().plan(Plan.PAID).rateLimiter(shared).concurrency(1).build()
        .start(java.util.stream.IntStream.range(0, 101).mapToObj(i -> BulkRecipient.of(to(i), MSG))).join();
    assertEquals(101, s.sent());
    Duration took = Duration.between(t0, fake.clock().instant());
    assertTrue(took.compareTo(Duration.ofMillis(9_900)) >= 0 && took.compareTo(Duration.ofMillis(10_400)) <= 0,
        "101 sends at 10/s take 10 s (plus the permits asked ahead): " + took);
  }

  @Test
  void everySendOfAClientTakesOnePermitAndABulkRunDoesNotTakeTwo() throws Exception {
    CountingLimiter limiter = new CountingLimiter(RateLimiter.perSecond(1000), 0);
    WhatsAppClient wa = client(limiter);
    wa.send(to(1), MSG, SendOptions.none());
    wa.sendAsync(to(2), MSG).get();
    assertEquals(2, limiter.acquired.get());
    BulkSummary s = wa.bulk().ratePerSecond(1000).build()
        .start(java.util.stream.IntStream.range(10, 20).mapToObj(i -> BulkRecipient.of(to(i), MSG))).join();
    assertEquals(10, s.sent());
    int forTheRun = limiter.acquired.get() - 2;
    assertTrue(forTheRun >= 10 && forTheRun <= 12, "the run used the client's limiter: one permit per send (and at"
        + " most two asked ahead and left unused), not two: " + forTheRun);
    assertEquals(12, messages(fake).size());
  }

  @Test
  void anIndividualCampaignDispatchedAtOnceTakesOnePermitAndNoneWhenItsLimiterFails() {
    CountingLimiter limiter = new CountingLimiter(RateLimiter.perSecond(1000), 0);
    WhatsAppClient wa = client(limiter);
    CampaignRequest request = CampaignRequest.of("reminder-1", MSG);
    wa.campaigns().send(request, CampaignRecipient.of("+5531999990001", "Ana"));
    assertEquals(1, limiter.acquired.get());
    assertEquals(1, fake.bot().campaigns().size());

    CountingLimiter down = new CountingLimiter(RateLimiter.perSecond(1000), 1);
    WhatsAppClient closed = FakeBlipSupport.whatsApp(fake, time, b -> b.rateLimiter(down));
    assertThrows(StoreException.class, () -> closed.campaigns().send(CampaignRequest.of("reminder-2", MSG),
        CampaignRecipient.of("+5531999990002", "Bia")));
    assertEquals(1, fake.bot().campaigns().size(), "fails closed: nothing reached Blip");
  }

  @Test
  void aLimiterThatCannotAnswerFailsTheSendClosedAndNothingIsSent() {
    CountingLimiter limiter = new CountingLimiter(RateLimiter.perSecond(1000), 2);
    WhatsAppClient wa = client(limiter);
    StoreException e = assertThrows(StoreException.class, () -> wa.send(to(1), MSG, SendOptions.none()));
    assertTrue(e.isRetryable());
    ExecutionException async = assertThrows(ExecutionException.class, () -> wa.sendAsync(to(2), MSG).get());
    assertInstanceOf(StoreException.class, async.getCause());
    assertEquals(0, messages(fake).size());
  }

  @Test
  void aBulkRunWaitsOutALimiterOutageAndSendsEveryRecipientOnce() {
    WhatsAppClient wa = client(null);
    Instant t0 = fake.clock().instant();
    RateLimiter inner = RateLimiter.perSecond(1000, fake.clock(), time);
    AtomicInteger refused = new AtomicInteger();
    RateLimiter limiter = () -> {
      if (fake.clock().instant().isBefore(t0.plusSeconds(5))) {
        refused.incrementAndGet();
        return CompletableFuture.failedFuture(new StoreException("test limiter", "store down", null, true));
      }
      return inner.acquire();
    };
    BulkSummary s = wa.bulk().ratePerSecond(1000).rateLimiter(limiter).build()
        .start(java.util.stream.IntStream.range(0, 5).mapToObj(i -> BulkRecipient.of(to(i), MSG))).join();
    assertEquals(5, s.sent());
    assertEquals(0, s.failed());
    assertEquals(5, messages(fake).size());
    assertTrue(Duration.between(t0, fake.clock().instant()).compareTo(Duration.ofSeconds(7)) >= 0,
        "paused, backing off, until the limiter answered again");
    assertTrue(refused.get() > 0);
  }

  @Test
  void cancellingARunThatWaitsForAPermitEndsItWithoutSending() throws InterruptedException {
    WhatsAppClient wa = client(null);
    java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
    RateLimiter never = () -> {
      asked.countDown();
      return new CompletableFuture<>();
    };
    BulkRun run = wa.bulk().rateLimiter(never).build().start(List.of(BulkRecipient.of(to(1), MSG)));
    assertTrue(asked.await(10, java.util.concurrent.TimeUnit.SECONDS));
    run.cancel();
    BulkSummary s = run.join();
    assertTrue(s.wasCancelled());
    assertEquals(0, s.sent());
    assertEquals(1, s.cancelled());
    assertEquals(0, messages(fake).size());
  }
}
