package dev.blipsdk.whatsapp;

import static dev.blipsdk.whatsapp.FakeBlipSupport.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk sending against the fake Blip over HTTP, in virtual time. */
class BulkSenderIntegrationTest {
  static final TemplateMessage BASE = TemplateMessage.of("welcome", "pt_BR");

  FakeBlip fake;
  VirtualTime time;
  WhatsAppClient wa;

  void start(FakeBlip.Builder b) {
    fake = b.start();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    time = new VirtualTime(fake.clock());
    wa = FakeBlipSupport.whatsApp(fake, time, x -> x);
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  static BulkRecipient recipient(int i) {
    return BulkRecipient.of(Recipient.of(Identity.parse("55319" + (10_000_000 + i) + "@wa.gw.msging.net")),
        BASE.body("Cliente " + i));
  }

  /** An iterator that counts what was pulled, to prove laziness. */
  static final class Source implements Iterator<BulkRecipient> {
    final int size;
    final AtomicInteger pulled = new AtomicInteger();

    Source(int size) {
      this.size = size;
    }

    @Override
    public boolean hasNext() {
      return pulled.get() < size;
    }

    @Override
    public BulkRecipient next() {
      return recipient(pulled.getAndIncrement());
    }
  }

  static final class Results implements BulkListener {
    final Set<Long> indices = ConcurrentHashMap.newKeySet();
    final List<BulkResult> all = new CopyOnWriteArrayList<>();
    final AtomicInteger duplicates = new AtomicInteger();
    final List<BulkProgress> progress = new CopyOnWriteArrayList<>();

    @Override
    public void onResult(BulkResult result) {
      if (!indices.add(result.index())) {
        duplicates.incrementAndGet();
      }
      all.add(result);
    }

    @Override
    public void onProgress(BulkProgress p) {
      progress.add(p);
    }
  }

  @Test
  void thousandRecipientsAt50PerSecondFinishAtThatRateEachReportedOnce() {
    start(FakeBlip.builder().rateLimits(RateLimits.paid()));
    Results results = new Results();
    Source source = new Source(1000);
    AtomicLong maxAhead = new AtomicLong();
    BulkListener watching = new BulkListener() {
      @Override
      public void onResult(BulkResult r) {
        results.onResult(r);
        maxAhead.accumulateAndGet(source.pulled.get() - results.all.size(), Math::max);
      }

      @Override
      public void onProgress(BulkProgress p) {
        results.onProgress(p);
      }
    };
    Instant t0 = fake.clock().instant();
    BulkSummary s = wa.bulk().plan(Plan.PAID).concurrency(1).listener(watching).build()
        .start(source, 1000L).join();
    assertEquals(1000, s.sent());
    assertEquals(0, s.failed());
    assertEquals(0, s.rateLimited(), "50/s never trips the paid plan's limit");
    assertEquals(1000, results.indices.size());
    assertEquals(0, results.duplicates.get());
    assertEquals(1000, messages(fake).size());
    Duration took = Duration.between(t0, fake.clock().instant());
    assertTrue(took.compareTo(Duration.ofMillis(19_900)) >= 0 && took.compareTo(Duration.ofMillis(20_100)) <= 0,
        "1000 at 50/s take 20 s of virtual time: " + took);
    assertTrue(maxAhead.get() <= 2, "lazy: pulled at most one ahead, was " + maxAhead.get());
    BulkProgress last = results.progress.get(results.progress.size() - 1);
    assertEquals(0L, last.remaining());
    assertTrue(last.currentRate() <= 50.0, "rate " + last.currentRate());
    assertTrue(results.all.stream().allMatch(r -> r instanceof BulkResult.Sent));
  }

  @Test
  void a429StormSlowsTheBatchButLosesNoRecipient() {
    start(FakeBlip.builder().rateLimits(RateLimits.of(20, 0, 0).withBlockWindow(Duration.ofSeconds(5))
        .withRetryAfter(true)));
    Results results = new Results();
    Instant t0 = fake.clock().instant();
    BulkSummary s = wa.bulk().ratePerSecond(50).concurrency(4).listener(results).build()
        .start(new Source(300), 300L).join();
    assertEquals(300, s.sent(), s.toString());
    assertEquals(0, s.failed());
    assertTrue(s.rateLimited() > 0, "the storm happened");
    assertEquals(300, results.indices.size());
    assertEquals(0, results.duplicates.get());
    assertEquals(300, results.all.size());
    Duration took = Duration.between(t0, fake.clock().instant());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) > 0, "slowed down: " + took);
    BulkProgress last = results.progress.get(results.progress.size() - 1);
    assertTrue(last.rateLimit() < 50, "rate lowered: " + last.rateLimit());
  }

  @Test
  void badRecipientsFailAloneAndTheOthersGoOut() {
    start(FakeBlip.builder());
    fake.bot().markNotOnWhatsApp("+5531988887777");
    Results results = new Results();
    Stream<BulkRecipient> stream = Stream.of(
        recipient(0),
        BulkRecipient.of(Recipient.of(Identity.parse("5531900000001@wa.gw.msging.net")), BASE.body("bad\nline")),
        BulkRecipient.of(PhoneNumber.parse("+5531988887777"), BASE.body("Nobody")).withReference("crm-7"),
        BulkRecipient.of(PhoneNumber.parse("+5531977776666"), BASE.body("Bia")),
        recipient(4));
    BulkSummary s = wa.bulk().ratePerSecond(10).listener(results).build().start(stream).join();
    assertEquals(3, s.sent());
    assertEquals(2, s.failed());
    BulkResult.Failed invalid = (BulkResult.Failed) results.all.stream().filter(r -> r.index() == 1).findFirst()
        .orElseThrow();
    assertEquals("whitespace", assertInstanceOf(BlipValidationException.class, invalid.error()).rule());
    BulkResult.Failed nobody = (BulkResult.Failed) results.all.stream().filter(r -> r.index() == 2).findFirst()
        .orElseThrow();
    assertInstanceOf(NotOnWhatsAppException.class, nobody.error());
    assertEquals("crm-7", nobody.recipient().reference());
    assertEquals(3, messages(fake).size());
  }

  @Test
  void concurrencyIsBoundedAndCancellationStopsPulling() {
    start(FakeBlip.builder());
    Results results = new Results();
    Source source = new Source(100_000);
    BulkRun run = wa.bulk().ratePerSecond(1000).concurrency(3).listener(new BulkListener() {
      @Override
      public void onResult(BulkResult r) {
        results.onResult(r);
      }
    }).build().start(source);
    while (results.all.size() < 50) {
      Thread.onSpinWait();
    }
    run.cancel();
    int pulledAtCancel = source.pulled.get();
    BulkSummary s = run.join();
    assertTrue(s.wasCancelled());
    assertEquals(s.sent() + s.failed() + s.cancelled(), results.all.size());
    assertEquals(results.all.size(), results.indices.size(), "each once");
    // once cancel() has returned, at most the one recipient the run was already taking is still pulled, however
    // slow the machine is
    assertTrue(source.pulled.get() <= pulledAtCancel + 1,
        "stopped pulling: " + pulledAtCancel + " when cancel() returned, " + source.pulled.get() + " in the end");
    assertTrue(source.pulled.get() - results.all.size() <= 0, "every pulled recipient has a result");
  }

  @Test
  void startTimeAndNPerIntervalPacing() {
    start(FakeBlip.builder());
    Results results = new Results();
    Instant startAt = fake.clock().instant().plus(Duration.ofHours(1));
    BulkSummary s = wa.bulk().ratePerSecond(50).concurrency(1).pacing(10, Duration.ofMinutes(1)).startAt(startAt)
        .listener(results).build().start(IntStream.range(0, 25).mapToObj(BulkSenderIntegrationTest::recipient).toList()).join();
    assertEquals(25, s.sent());
    assertTrue(!s.startedAt().isBefore(startAt), "not before the start time");
    var received = messages(fake);
    assertTrue(received.stream().allMatch(e -> !e.receivedAt().isBefore(startAt)));
    // 10 in the first minute, 10 in the second, 5 in the third
    assertEquals(10, received.stream().filter(e -> e.receivedAt().isBefore(startAt.plusSeconds(60))).count());
    assertEquals(20, received.stream().filter(e -> e.receivedAt().isBefore(startAt.plusSeconds(120))).count());
    assertTrue(s.duration().compareTo(Duration.ofMinutes(2)) >= 0, s.duration().toString());
  }

  @Test
  void progressIsExactPullingStaysLazyAndNoThreadOutlivesJoin() {
    start(FakeBlip.builder());
    Source source = new Source(200);
    List<BulkResult> seen = new CopyOnWriteArrayList<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    AtomicLong maxAhead = new AtomicLong();
    List<Thread> coordinator = new CopyOnWriteArrayList<>();
    Iterator<BulkRecipient> withOneInvalid = new Iterator<>() {
      boolean first = true;

      @Override
      public boolean hasNext() {
        return first || source.hasNext();
      }

      @Override
      public BulkRecipient next() {
        if (first) {
          first = false;
          return BulkRecipient.of(Recipient.of(Identity.parse("5531900000001@wa.gw.msging.net")),
              BASE.body("two  \t tabs"));
        }
        return source.next();
      }
    };
    BulkRun run = wa.bulk().ratePerSecond(100).concurrency(4).listener(new BulkListener() {
      @Override
      public void onResult(BulkResult r) {
        if (r instanceof BulkResult.Failed) {
          coordinator.add(Thread.currentThread()); // an invalid message fails on the run's own thread
        }
        seen.add(r);
        maxAhead.accumulateAndGet(source.pulled.get() + 1 - seen.size(), Math::max);
      }

      @Override
      public void onProgress(BulkProgress p) {
        long done = seen.size();
        if (p.done() != done || p.remaining() == null || p.remaining() != 201 - done
            || p.sent() + p.failed() != done || p.currentRate() > 100) {
          problems.add("after " + done + " results: " + p);
        }
      }
    }).build().start(withOneInvalid, 201L);
    BulkSummary s = run.join();
    assertEquals(200, s.sent());
    assertEquals(1, s.failed());
    assertEquals(List.of(), problems);
    assertTrue(maxAhead.get() <= 4 + 1, "never more pulled than in flight plus one: " + maxAhead.get());
    assertEquals(1, coordinator.size());
    assertTrue(coordinator.get(0).getName().startsWith("blip-bulk-"), coordinator.get(0).getName());
    assertFalse(coordinator.get(0).isAlive(), "the run's own thread ended before join returned");
    assertEquals(0, run.progress().remaining());
  }

  @Test
  void cancellingWhileWaitingForTheStartTimePullsNothing() {
    start(FakeBlip.builder());
    Source source = new Source(10);
    BulkSender later = wa.bulk().startAt(fake.clock().instant().plus(Duration.ofDays(365_000))).build();
    BulkRun run = later.start(source);
    run.cancel();
    BulkSummary s = run.join();
    assertTrue(s.wasCancelled());
    assertEquals(0, s.sent() + s.failed() + s.cancelled());
    // cancelling the completion future cancels the run too; join then reports the cancellation
    BulkRun other = later.start(source);
    other.completion().cancel(true);
    assertThrows(java.util.concurrent.CancellationException.class, other::join);
    assertTrue(other.isCancelled());
    assertEquals(0, source.pulled.get(), "nothing pulled before the start time");
    assertTrue(messages(fake).isEmpty());
  }
}
