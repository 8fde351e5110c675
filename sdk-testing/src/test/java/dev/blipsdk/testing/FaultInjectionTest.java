package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Faults, rate limits (§1.3), the clock, and webhooks (§6), over raw HTTP. */
class FaultInjectionTest {
  static final String CUSTOMER = "5531999998888@wa.gw.msging.net";
  static final String CONTACT = "{\"id\":\"c\",\"to\":\"postmaster@crm.msging.net\",\"method\":\"set\",\"uri\":\"/contacts\","
      + "\"type\":\"application/vnd.lime.contact+json\",\"resource\":{\"identity\":\"" + CUSTOMER + "\"}}";
  static final String GET = "{\"id\":\"g\",\"method\":\"get\",\"uri\":\"/contacts\"}";
  static final String NOTIFICATION = "{\"id\":\"n\",\"event\":\"consumed\"}";

  @Test
  void statusFaults() throws Exception {
    try (FakeBlip blip = FakeBlip.start()) {
      Wire w = new Wire(blip);
      for (int status : new int[] {500, 502, 503, 504}) {
        blip.inject(Fault.status(status));
        Wire.Answer a = w.post("/commands", CONTACT);
        assertEquals(status, a.code());
        assertEquals("", a.body());
      }
      assertTrue(blip.bot().contacts().isEmpty(), "a status fault does not process the request");
      blip.inject(Fault.tooManyRequests(null));
      Wire.Answer plain = w.post("/commands", GET);
      assertEquals(429, plain.code());
      assertNull(plain.raw().header("Retry-After"));
      blip.inject(Fault.tooManyRequests(Duration.ofSeconds(3)));
      assertEquals("3", w.post("/commands", GET).raw().header("Retry-After"));
      assertEquals(200, w.post("/commands", GET).code(), "once by default");
      assertTrue(blip.receivedEnvelopes().size() == 1);
      assertThrows(IllegalArgumentException.class, () -> Fault.status(302));
      assertThrows(IllegalArgumentException.class, () -> Fault.latency(Duration.ofMillis(-1)));
      assertThrows(IllegalArgumentException.class, () -> Fault.status(500).times(0));
    }
  }

  @Test
  void scoping() throws Exception {
    try (FakeBlip blip = FakeBlip.start()) {
      Wire w = new Wire(blip);
      blip.inject(Fault.status(503).onPath("/notifications").times(2));
      assertEquals(200, w.post("/commands", GET).code());
      assertEquals(503, w.post("/notifications", NOTIFICATION).code());
      assertEquals(503, w.post("/notifications", NOTIFICATION).code());
      assertEquals(202, w.post("/notifications", NOTIFICATION).code());
      blip.inject(Fault.status(500).onCommandUri("/contacts").always());
      assertEquals(500, w.post("/commands", GET).code());
      assertEquals(500, w.post("/commands", CONTACT).code());
      assertEquals(200, w.post("/commands", "{\"id\":\"t\",\"to\":\"postmaster@desk.msging.net\",\"method\":\"get\","
          + "\"uri\":\"/tickets\"}").code(), "another uri");
      assertEquals(202, w.post("/notifications", NOTIFICATION).code(), "a uri fault implies /commands");
      assertEquals(500, w.post("/commands", GET).code(), "always");
      blip.clearFaults();
      assertEquals(200, w.post("/commands", GET).code());
      blip.inject(Fault.status(502).once()).inject(Fault.status(504).once());
      assertEquals(502, w.post("/commands", GET).code(), "one breaking fault per request, in order");
      assertEquals(504, w.post("/commands", GET).code());
      assertEquals(200, w.post("/commands", GET).code());
    }
  }

  @Test
  void dropsAndBrokenResponsesAndState() throws Exception {
    try (FakeBlip blip = FakeBlip.start()) {
      Wire w = new Wire(blip);
      blip.inject(Fault.dropBeforeRead());
      assertThrows(IOException.class, () -> w.post("/commands", CONTACT));
      assertTrue(blip.bot().contacts().isEmpty(), "dropped before read: state unchanged");
      blip.inject(Fault.dropAfterRead());
      assertThrows(IOException.class, () -> w.post("/commands", CONTACT));
      assertEquals(1, blip.bot().contacts().size(), "dropped after read: the contact was saved");
      blip.inject(Fault.truncatedBody().onPath("/commands"));
      blip.seedContact("x@wa.gw.msging.net", "a long enough name to have a body to cut");
      assertThrows(IOException.class, () -> w.post("/commands", GET));
      blip.inject(Fault.noResponse().onPath("/messages"));
      Wire quick = w.readTimeout(Duration.ofMillis(300));
      assertThrows(SocketTimeoutException.class, () -> quick.message("m1", CUSTOMER, "application/json",
          Map.of("type", "template"), Map.of()));
      assertEquals(1, blip.bot().sentMessages(CUSTOMER).size(), "no response: the message was still taken");
      assertEquals(200, w.post("/commands", GET).code(), "the server keeps serving");
    }
  }

  @Test
  void latencyDelaysAndCombines() throws Exception {
    try (FakeBlip blip = FakeBlip.start()) {
      Wire w = new Wire(blip);
      blip.inject(Fault.latency(Duration.ofMillis(300)));
      long t0 = System.nanoTime();
      assertEquals(200, w.post("/commands", GET).code());
      assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
      blip.inject(Fault.latency(Duration.ofMillis(300))).inject(Fault.status(503));
      t0 = System.nanoTime();
      assertEquals(503, w.post("/commands", GET).code());
      assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
      t0 = System.nanoTime();
      assertEquals(200, w.post("/commands", GET).code());
      assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(250), "consumed");
    }
  }

  @Test
  void rateLimitsPerPlan() throws Exception {
    try (FakeBlip blip = FakeBlip.builder().rateLimits(RateLimits.free()).start()) {
      Wire w = new Wire(blip);
      blip.simulateCustomerReply(CUSTOMER, "hi");
      for (int i = 0; i < 3; i++) {
        assertEquals(202, w.message("m" + i, CUSTOMER, "text/plain", "x", Map.of()).code());
      }
      Wire.Answer blocked = w.message("m3", CUSTOMER, "text/plain", "x", Map.of());
      assertEquals(429, blocked.code());
      assertNull(blocked.raw().header("Retry-After"), "no Retry-After by default");
      for (int i = 0; i < 48; i++) {
        assertEquals(200, w.post("/commands", GET).code(), "commands have their own budget: " + i);
      }
      assertEquals(429, w.post("/commands", GET).code());
      blip.clock().advance(Duration.ofSeconds(119));
      assertEquals(429, w.message("m4", CUSTOMER, "text/plain", "x", Map.of()).code(), "still in the 2-minute block");
      blip.clock().advance(Duration.ofSeconds(1));
      assertEquals(202, w.message("m5", CUSTOMER, "text/plain", "x", Map.of()).code(), "the block ends with the clock");
      assertEquals(200, w.post("/commands", GET).code());
      assertEquals(4, blip.bot().sentMessages(CUSTOMER).size(), "429s are not processed");
    }
    try (FakeBlip paid = FakeBlip.builder().rateLimits(RateLimits.paid().withBlockWindow(Duration.ofSeconds(10))
        .withRetryAfter(true)).start()) {
      Wire w = new Wire(paid);
      for (int i = 0; i < 100; i++) {
        assertEquals(202, w.post("/notifications", NOTIFICATION).code());
      }
      Wire.Answer blocked = w.post("/notifications", NOTIFICATION);
      assertEquals(429, blocked.code());
      assertEquals("10", blocked.raw().header("Retry-After"));
      paid.clock().advance(Duration.ofMillis(4500));
      assertEquals("6", w.post("/notifications", NOTIFICATION).raw().header("Retry-After"), "seconds left, rounded up");
      paid.clock().advance(Duration.ofMillis(5500));
      assertEquals(202, w.post("/notifications", NOTIFICATION).code());
      // the other bot-level budgets are untouched
      assertEquals(202, w.message("p1", CUSTOMER, "application/json", Map.of("type", "template"), Map.of()).code());
    }
    try (FakeBlip two = FakeBlip.builder().bot("a", "ka").bot("b", "kb").rateLimits(RateLimits.of(1, 0, 0)).start()) {
      assertEquals(202, Wire.of(two.bot("a"), two).message("x", CUSTOMER, "text/plain", "x", Map.of()).code());
      assertEquals(202, Wire.of(two.bot("b"), two).message("y", CUSTOMER, "text/plain", "x", Map.of()).code(),
          "limits are per bot");
      assertEquals(429, Wire.of(two.bot("a"), two).message("z", CUSTOMER, "text/plain", "x", Map.of()).code());
      for (int i = 0; i < 100; i++) {
        assertEquals(200, Wire.of(two.bot("a"), two).post("/commands", GET).code(), "0 means unlimited");
      }
    }
  }

  @Test
  void clockAdvanceRunsDueEventsBeforeReturning() throws Exception {
    FakeClock clock = FakeClock.manual(java.time.Instant.parse("2024-01-01T00:00:00Z"));
    try (FakeBlip blip = FakeBlip.builder().clock(clock).start()) {
      blip.simulateCustomerReply(CUSTOMER, "hi");
      blip.script(CUSTOMER, MessageScript.read().withDelay("dispatched", Duration.ofSeconds(10))
          .withDelay("received", Duration.ofHours(1)).withDelay("consumed", Duration.ofHours(24)));
      new Wire(blip).message("m", CUSTOMER, "text/plain", "x", Map.of());
      blip.awaitIdle();
      assertEquals(List.of("accepted"), blip.bot().events("m"));
      clock.advance(Duration.ofSeconds(9));
      assertEquals(List.of("accepted"), blip.bot().events("m"));
      clock.advance(Duration.ofHours(2));
      assertEquals(List.of("accepted", "dispatched", "received"), blip.bot().events("m"), "no waiting needed");
      clock.advance(Duration.ofHours(25));
      assertEquals(List.of("accepted", "dispatched", "received", "consumed"), blip.bot().events("m"));
      assertEquals(java.time.Instant.parse("2024-01-02T03:00:09Z"), blip.clock().instant());
      assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
  }

  @Test
  void failedScriptAndWebhooksWithStaticHeadersAndCustomerReply() throws Exception {
    BlockingQueue<RecordedRequest> hooks = new LinkedBlockingQueue<>();
    try (MockWebServer receiver = new MockWebServer(); FakeBlip blip = FakeBlip.start()) {
      receiver.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          hooks.add(r);
          return new MockResponse.Builder().code(200).build();
        }
      });
      receiver.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      String base = "http://127.0.0.1:" + receiver.getPort();
      blip.bot().messageWebhook(base + "/in").notificationWebhook(base + "/status")
          .webhookHeaders(Map.of("X-Api-Key", "k1", "Authorization", "Custom abc"));
      blip.script(CUSTOMER, MessageScript.failed(81, "(#131026) Message undeliverable"));
      blip.simulateCustomerReply(CUSTOMER, "oi");
      RecordedRequest in = hooks.poll(5, TimeUnit.SECONDS);
      assertEquals("/in", in.getUrl().encodedPath());
      assertEquals("POST", in.getMethod());
      assertEquals("k1", in.getHeaders().get("X-Api-Key"));
      assertEquals("Custom abc", in.getHeaders().get("Authorization"));
      assertTrue(in.getHeaders().get("Content-Type").startsWith("application/json"));
      Map<String, Object> msg = Wire.map(Wire.JSON.fromJson(in.getBody().utf8()));
      assertEquals("oi", msg.get("content"));
      assertEquals("text/plain", msg.get("type"));
      assertEquals("fakebot@msging.net", msg.get("to"));
      assertTrue(String.valueOf(msg.get("from")).startsWith(CUSTOMER + "/"));
      new Wire(blip).message("m", CUSTOMER, "text/plain", "hello", Map.of());
      Map<String, Object> accepted = Wire.map(Wire.JSON.fromJson(hooks.poll(5, TimeUnit.SECONDS).getBody().utf8()));
      RecordedRequest failedReq = hooks.poll(5, TimeUnit.SECONDS);
      assertEquals("/status", failedReq.getUrl().encodedPath());
      assertEquals("k1", failedReq.getHeaders().get("X-Api-Key"));
      Map<String, Object> failed = Wire.map(Wire.JSON.fromJson(failedReq.getBody().utf8()));
      assertEquals("accepted", accepted.get("event"));
      assertEquals("failed", failed.get("event"));
      assertEquals("m", failed.get("id"));
      assertEquals(Map.of("code", 81.0, "description", "(#131026) Message undeliverable"), failed.get("reason"));
      blip.awaitIdle();
      List<WebhookDelivery> deliveries = blip.webhookDeliveries();
      assertEquals(List.of("message", "notification", "notification"),
          deliveries.stream().map(WebhookDelivery::kind).toList());
      assertEquals(200, deliveries.get(0).statusCode());
      assertEquals(Map.of("code", 81L, "description", "(#131026) Message undeliverable"), blip.bot().failureReason("m"));
      assertEquals("oi", Wire.map(Wire.JSON.fromJson(deliveries.get(0).body())).get("content"));
    }
  }
}
