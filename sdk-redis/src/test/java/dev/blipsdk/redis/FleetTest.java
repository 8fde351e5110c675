package dev.blipsdk.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeClock;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.RateLimits;
import dev.blipsdk.testing.ReceivedEnvelope;
import dev.blipsdk.testing.WebhookDelivery;
import dev.blipsdk.whatsapp.Plan;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.SendOptions;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.WhatsAppClient;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several instances of a service, each its own JVM, sharing one Redis. */
class FleetTest {
  static RedisServer redis;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    redis = RedisServer.startOrSkip();
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
  }

  static List<ReceivedEnvelope> messages(FakeBlip fake) {
    return fake.receivedEnvelopes().stream().filter(e -> e.endpoint().equals("/messages")).toList();
  }

  static void awaitMessages(FakeBlip fake, int count, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (messages(fake).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the fake received " + messages(fake).size() + " messages of " + count
            + " within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }

  static String identity(int i) {
    return ((Recipient.Account) FleetMember.recipient(i)).identity().value();
  }

  static boolean inRange(String identity, int sender) {
    long n = Long.parseLong(identity.substring(2, identity.indexOf('@'))) - 3_100_000_000L;
    return n >= sender * 100_000L && n < sender * 100_000L + 5_000;
  }

  static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  @Test
  void fourSendersAt50PerSecondShareThePaidPlanAndGoOnWhenOneDies() throws Exception {
    // The fleet's limiter runs at the paid plan's rate. The fake counts the plan's 50/s in a token bucket of 25
    // (RateLimits.withBurst): its default sliding window of one second is tripped by any sender at exactly the
    // limit as soon as one message arrives a millisecond later than the one 50 after it, and on a loaded machine
    // four JVMs' messages arrive with tens of milliseconds of jitter. The bucket lets a message be up to 0.5 s
    // late, never more than 50/s sustained; the aggregate is checked separately.
    double limiterRate = Plan.PAID.messagesPerSecond();
    RateLimits limits = RateLimits.paid().withBurst(25);
    int perSender = 5_000;
    try (FakeBlip fake = FakeBlip.builder().clock(FakeClock.realTime()).rateLimits(limits).start()) {
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      List<Child> senders = new ArrayList<>();
      try {
        for (int k = 0; k < 4; k++) {
          senders.add(Child.start(dir, "sender" + k, "sender", fake.baseUrl(), fake.identifier(), fake.accessKey(),
              redis.uri(), String.valueOf(limiterRate), String.valueOf(k * 100_000), String.valueOf(perSender)));
        }
        for (Child c : senders) {
          c.await("READY"::equals, 120);
        }
        for (Child c : senders) {
          c.send("GO");
        }
        awaitMessages(fake, 500, 120);
        senders.get(0).kill();
        Instant killedAt = Instant.now();
        awaitMessages(fake, 1_300, 120);
        for (Child c : senders.subList(1, 4)) {
          c.send("STOP");
        }
        List<String> done = new ArrayList<>();
        for (Child c : senders.subList(1, 4)) {
          done.add(c.await(l -> l.startsWith("DONE"), 60));
          assertEquals(0, c.waitFor(60));
        }

        List<ReceivedEnvelope> sent = messages(fake);
        assertEquals(fake.httpRequestCount(), fake.receivedEnvelopes().size(),
            "every request (the senders' warm-up commands and the messages) was accepted: no 429");
        for (String d : done) {
          assertTrue(d.endsWith("rateLimited=0"), d);
        }
        Set<String> recipients = new HashSet<>();
        for (ReceivedEnvelope e : sent) {
          assertTrue(recipients.add(e.field("to")), "sent twice: " + e.field("to"));
        }
        for (int k = 1; k < 4; k++) {
          int reported = Integer.parseInt(done.get(k - 1).replaceAll(".*sent=(\\d+).*", "$1"));
          for (int i = 0; i < reported; i++) {
            String to = identity(k * 100_000 + i);
            assertTrue(recipients.contains(to), "a recipient its sender reported sent reached the fake");
          }
          int ofThisSender = k;
          assertEquals(reported, recipients.stream().filter(r -> inRange(r, ofThisSender)).count(),
              "each survivor's messages are the recipients it reported, once each");
        }
        assertTrue(recipients.stream().allMatch(r -> inRange(r, 0) || inRange(r, 1) || inRange(r, 2)
            || inRange(r, 3)), "only the fleet's recipients");

        // The aggregate is measured from the moment all four senders are sending (each JVM starts its run on its
        // own, and on a loaded machine one may start a second or two after the others) to the last message.
        Instant first = sent.get(0).receivedAt();
        for (int k = 0; k < 4; k++) {
          int sender = k;
          Instant firstOfSender = sent.stream().filter(e -> inRange(e.field("to"), sender))
              .map(ReceivedEnvelope::receivedAt).findFirst().orElseThrow();
          first = firstOfSender.isAfter(first) ? firstOfSender : first;
        }
        Instant allSending = first;
        Instant last = sent.get(sent.size() - 1).receivedAt();
        double window = seconds(allSending, last);
        long inWindow = sent.stream().filter(e -> !e.receivedAt().isBefore(allSending)).count();
        double rate = (inWindow - 1) / window;
        long afterKill = sent.stream().filter(e -> e.receivedAt().isAfter(killedAt)).count();
        double rateAfterKill = (afterKill - 1) / seconds(killedAt, last);
        System.out.printf("fleet: %d messages in %.3f s with all four sending = %.3f/s; after the kill %.3f/s%n",
            inWindow, window, rate, rateAfterKill);
        assertTrue(window >= 20, "ran at least 20 s: " + window);
        assertTrue(Math.abs(rate - 50) <= 1.0, "aggregate within 2% of 50/s: " + rate);
        assertTrue(rateAfterKill <= 51, "the others did not exceed the plan after the kill: " + rateAfterKill);
      } finally {
        for (Child c : senders) {
          c.close();
        }
      }
    }
  }

  @Test
  void eachWebhookDeliveredTwiceToTwoProcessesReachesOneListenerOnce() throws Exception {
    try (FakeBlip fake = FakeBlip.builder().clock(FakeClock.realTime()).duplicateNotifications(true).start();
        Child a = Child.start(dir, "receiverA", "webhook", redis.uri(), "fleet-token");
        Child b = Child.start(dir, "receiverB", "webhook", redis.uri(), "fleet-token");
        BlipClient blip = fake.client()) {
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      String portA = a.await(l -> l.startsWith("PORT "), 120).substring(5);
      String portB = b.await(l -> l.startsWith("PORT "), 120).substring(5);
      fake.bot().webhookHeaders(java.util.Map.of("X-Fleet-Token", "fleet-token"))
          .notificationWebhooks(List.of("http://127.0.0.1:" + portA + "/blip", "http://127.0.0.1:" + portB + "/blip"));
      WhatsAppClient whatsApp = WhatsAppClient.of(blip);
      int messages = 20;
      for (int i = 0; i < messages; i++) {
        whatsApp.send(FleetMember.recipient(i), FleetMember.message(i), SendOptions.none());
      }
      fake.awaitIdle();
      List<WebhookDelivery> deliveries = fake.webhookDeliveries();
      // the default script emits accepted, dispatched, received and consumed: 4 events, each POSTed twice
      assertEquals(messages * 4 * 2, deliveries.size());
      assertTrue(deliveries.stream().allMatch(d -> d.statusCode() == 200), "every delivery answered 200");
      assertEquals(deliveries.size() / 2, deliveries.stream().filter(d -> d.url().contains(":" + portA + "/")).count(),
          "alternately to both instances");
      java.util.Map<String, Set<String>> urlsByEvent = new java.util.HashMap<>();
      for (WebhookDelivery d : deliveries) {
        urlsByEvent.computeIfAbsent(d.body(), k -> new HashSet<>()).add(d.url());
      }
      int distinct = urlsByEvent.size();
      assertEquals(messages * 4, distinct);
      assertTrue(urlsByEvent.values().stream().allMatch(urls -> urls.size() == 2),
          "each event was delivered to both instances");
      List<String> calls = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        calls.clear();
        for (Child c : List.of(a, b)) {
          c.lines().stream().filter(l -> l.startsWith("EVENT ")).forEach(calls::add);
        }
        if (calls.size() >= distinct || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(20);
      }
      assertEquals(distinct, calls.size(), "each event reached exactly one listener");
      assertEquals(distinct, new HashSet<>(calls).size(), "and that listener once");
      a.send("STOP");
      b.send("STOP");
      assertEquals(0, a.waitFor(30));
      assertEquals(0, b.waitFor(30));
    }
  }

  @Test
  void instanceASendsAndInstanceBAwaitsRead() throws Exception {
    try (FakeBlip fake = FakeBlip.builder().clock(FakeClock.realTime()).start();
        RedisClient redisA = RedisClient.create(redis.uri());
        RedisClient redisB = RedisClient.create(redis.uri());
        RedisStatusStore storeA = RedisStatusStore.builder(redisA).keyPrefix("fleet:status:").build();
        RedisStatusStore storeB = RedisStatusStore.builder(redisB).keyPrefix("fleet:status:").build();
        BlipClient blipA = fake.client();
        BlipClient blipB = fake.client()) {
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      // B can learn nothing by polling Blip: every poll of /notifications fails (retryably) on the fake
      fake.inject(Fault.status(503).onCommandUri("/notifications").times(Fault.ALWAYS));
      StatusTracker a = StatusTracker.builder(WhatsAppClient.of(blipA)).statusStore(storeA).build();
      StatusTracker b = StatusTracker.builder(WhatsAppClient.of(blipB)).statusStore(storeB)
          .pollInterval(Duration.ofMillis(50), Duration.ofMillis(200)).build();
      fake.script(identity(7), MessageScript.read().withStepDelay(Duration.ofMillis(300)));
      SendReceipt receipt = WhatsAppClient.of(blipA).send(FleetMember.recipient(7), FleetMember.message(7),
          SendOptions.none());
      a.track(receipt);
      CompletableFuture<StatusReport> read = b.awaitAsync(receipt.envelopeId(), EnumSet.of(MessageStatus.READ),
          Duration.ofSeconds(60));
      // instance A alone is fed the notifications, as its webhook would be
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!read.isDone() && System.nanoTime() < deadline) {
        fake.awaitIdle();
        for (String event : fake.bot().events(receipt.envelopeId())) {
          a.accept(dev.blipsdk.core.envelope.Notification.about(receipt.envelopeId(),
              dev.blipsdk.core.envelope.Node.parse(identity(7)),
              dev.blipsdk.core.envelope.NotificationEvent.fromWire(event), null));
        }
        Thread.sleep(50);
      }
      StatusReport report = read.get(5, TimeUnit.SECONDS);
      assertEquals(MessageStatus.READ, report.status());
      assertTrue(report.notifications().size() >= 4, "the notifications A was fed");
      assertEquals(MessageStatus.READ, b.status(receipt.envelopeId()).orElseThrow().status());
    }
  }
}
