package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  static final String CUSTOMER = "5531999998888@wa.gw.msging.net";
  FakeBlip blip;
  mockwebserver3.MockWebServer receiver;
  final BlockingQueue<String[]> posts = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    blip = FakeBlip.start();
    receiver = new mockwebserver3.MockWebServer();
    receiver.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest r) {
        posts.add(new String[] {r.getUrl().encodedPath(), r.getBody() == null ? "" : r.getBody().utf8(),
            String.valueOf(r.getHeaders().get("X-Secret")), String.valueOf(r.getHeaders().get("X-Sig"))});
        return new mockwebserver3.MockResponse.Builder().code(200).build();
      }
    });
    receiver.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    String base = "http://127.0.0.1:" + receiver.getPort();
    blip.bot().notificationWebhook(base + "/notifications").messageWebhook(base + "/messages")
        .webhookHeaders(Map.of("X-Secret", "s3cr3t"))
        .webhookSigner(body -> Map.of("X-Sig", String.valueOf(body.length)));
    blip.seedTemplate(FakeTemplate.builder("order", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE)
        .body("Olá {{1}}, pedido {{2}}").build());
  }

  @AfterEach
  void stop() {
    blip.close();
    receiver.close();
  }

  static Map<String, Object> template(String name, String headerType, int bodyParams) {
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < bodyParams; i++) {
      params.add(Map.of("type", "text", "text", "v" + i));
    }
    return Map.of("type", "template", "template", Map.of("name", name,
        "language", Map.of("code", "pt_BR", "policy", "deterministic"),
        "components", List.of(
            Map.of("type", "header", "parameters", List.of(Map.of("type", headerType, headerType, Map.of("link", "https://x/y")))),
            Map.of("type", "body", "parameters", params))));
  }

  private String[] nextPost() throws InterruptedException {
    String[] p = posts.poll(5, TimeUnit.SECONDS);
    if (p == null) {
      throw new AssertionError("no webhook POST");
    }
    return p;
  }

  @Test
  void templateMessageGoesThroughLifecycleToWebhook() throws Exception {
    Wire.Answer a = new Wire(blip).message("m1", CUSTOMER, "application/json", template("order", "image", 2), Map.of());
    assertEquals(202, a.code());
    assertEquals("", a.body());
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String[] p = nextPost();
      assertEquals("/notifications", p[0]);
      assertEquals("s3cr3t", p[2]);
      assertEquals(String.valueOf(p[1].getBytes(StandardCharsets.UTF_8).length), p[3]);
      Map<String, Object> n = Wire.map(Wire.JSON.fromJson(p[1]));
      assertEquals("m1", n.get("id"));
      events.add((String) n.get("event"));
    }
    assertEquals(List.of("accepted", "dispatched", "received", "consumed"), events);
    Map<String, Object> stored = new Wire(blip).command("postmaster@msging.net", "get", "/notifications?id=m1");
    Map<String, Object> res = map(stored.get("resource"));
    assertEquals("application/vnd.lime.notification+json", res.get("itemType"));
    assertEquals(4, list(res.get("items")).size());
    assertTrue(map(map(list(res.get("items")).get(0)).get("metadata")).containsKey("#envelope.timestamp"));
    assertEquals(1, blip.bot().sentMessages(CUSTOMER).size());
  }

  @Test
  void badTemplatesFailLaterWithMetaCodes() throws Exception {
    Wire w = new Wire(blip);
    w.message("unknown", CUSTOMER, "application/json", template("nope", "image", 2), Map.of());
    w.message("count", CUSTOMER, "application/json", template("order", "image", 1), Map.of());
    w.message("media", CUSTOMER, "application/json", template("order", "video", 2), Map.of());
    blip.awaitIdle();
    assertEquals(List.of("accepted", "failed"), blip.bot().events("unknown"));
    assertEquals(81L, blip.bot().failureReason("unknown").get("code"));
    assertTrue(String.valueOf(blip.bot().failureReason("unknown").get("description")).contains("132001"));
    assertTrue(String.valueOf(blip.bot().failureReason("count").get("description")).contains("132000"));
    assertTrue(String.valueOf(blip.bot().failureReason("media").get("description")).contains("132012"));
  }

  @Test
  void scriptedDelaysRunOnTheClockAndReplyReachesMessageWebhook() throws Exception {
    blip.script(CUSTOMER, MessageScript.delivered().withStepDelay(Duration.ofMinutes(1)).withReply("Sim"));
    new Wire(blip).message("m2", CUSTOMER, "application/json", template("order", "image", 2), Map.of());
    blip.awaitIdle();
    assertEquals(List.of("accepted"), blip.bot().events("m2"));
    blip.clock().advance(Duration.ofMinutes(1));
    assertEquals(List.of("accepted", "dispatched"), blip.bot().events("m2"));
    blip.clock().advance(Duration.ofMinutes(1));
    assertEquals(List.of("accepted", "dispatched", "received"), blip.bot().events("m2"));
    String[] reply = null;
    for (int i = 0; i < 4; i++) {
      String[] p = nextPost();
      if (p[0].equals("/messages")) {
        reply = p;
      }
    }
    assertTrue(reply != null && reply[1].contains("\"content\":\"Sim\""), "inbound reply posted");
  }

  @Test
  void freeTextOutsideThe24hWindowFails() throws Exception {
    blip.simulateCustomerReply(CUSTOMER, "oi");
    new Wire(blip).message("t1", CUSTOMER, "text/plain", "hello", Map.of());
    blip.clock().advance(Duration.ofHours(25));
    new Wire(blip).message("t2", CUSTOMER, "text/plain", "hello again", Map.of());
    blip.awaitIdle();
    assertEquals("consumed", last(blip.bot().events("t1")));
    assertTrue(String.valueOf(blip.bot().failureReason("t2").get("description")).contains("131047"));
  }

  static String last(List<String> l) {
    return l.get(l.size() - 1);
  }

  @Test
  void deskActiveMessageRules() throws Exception {
    FakeBot bot = blip.bot();
    String ana = "ana%40acme.com@blip.ai";
    bot.addAgent(ana, "Online", "Sales");
    Map<String, String> meta = Map.of(FakeBlip.DESK_AGENT_METADATA, ana);
    Wire w = new Wire(blip);
    // reply within 24 h -> ticket to the agent, DIRECT_TRANSFER, Open because she is online
    w.message("a1", CUSTOMER, "application/json", template("order", "image", 2), meta);
    blip.awaitIdle();
    blip.clock().advance(Duration.ofHours(23));
    bot.simulateCustomerReply(CUSTOMER, "quero falar");
    Map<String, Object> t = bot.tickets().get(0);
    assertEquals(ana, t.get("agentIdentity"));
    assertEquals("DIRECT_TRANSFER", t.get("team"));
    assertEquals("Open", t.get("status"));
    // open ticket -> the next active message is not delivered
    w.message("a2", CUSTOMER, "application/json", template("order", "image", 2), meta);
    blip.awaitIdle();
    assertEquals(List.of("accepted", "failed"), bot.events("a2"));
    assertEquals((long) FakeBlip.OPEN_TICKET_REASON_CODE, bot.failureReason("a2").get("code"));
    // close it; a send, then a reply after 25 h -> a normal Waiting ticket in the default queue
    w.command("postmaster@desk.msging.net", "set", "/tickets/change-status", "application/vnd.iris.ticket+json",
        Map.of("id", t.get("id"), "status", "ClosedAttendant"));
    w.message("a3", "5511988887777@wa.gw.msging.net", "application/json", template("order", "image", 2), meta);
    blip.awaitIdle();
    blip.clock().advance(Duration.ofHours(25));
    bot.simulateCustomerReply("+5511988887777", "oi");
    Map<String, Object> late = bot.tickets().get(1);
    assertEquals("Waiting", late.get("status"));
    assertEquals("Default", late.get("team"));
    assertEquals(null, late.get("agentIdentity"));
    // offline agent -> Waiting for that agent
    bot.setAgentStatus(ana, "Offline");
    w.message("a4", "5521977776666@wa.gw.msging.net", "application/json", template("order", "image", 2), meta);
    blip.awaitIdle();
    bot.simulateCustomerReply("5521977776666@wa.gw.msging.net", "oi");
    Map<String, Object> offline = bot.tickets().get(2);
    assertEquals("Waiting", offline.get("status"));
    assertEquals(ana, offline.get("agentIdentity"));
  }

  @Test
  void ticketsCommands() throws Exception {
    Wire w = new Wire(blip);
    String desk = "postmaster@desk.msging.net";
    String type = "application/vnd.iris.ticket+json";
    Map<String, Object> created = w.command(desk, "set", "/tickets", type, Map.of("customerIdentity", CUSTOMER));
    Map<String, Object> t = map(created.get("resource"));
    assertEquals("Waiting", t.get("status"));
    assertEquals(type, created.get("type"));
    String id = (String) t.get("id");
    assertEquals("success", w.command(desk, "get", "/ticket/" + id).get("status"));
    assertEquals(62.0, map(w.command(desk, "get", "/tickets/" + id).get("reason")).get("code"));
    Map<String, Object> active = w.command(desk, "get", "/tickets?$filter=customerIdentity%20eq%20'" + CUSTOMER
        + "'%20and%20(status%20eq%20'open'%20or%20status%20eq%20'waiting')");
    assertEquals(1, list(map(active.get("resource")).get("items")).size());
    Map<String, Object> moved = w.command(desk, "set", "/tickets/" + id + "/transfer", type, Map.of("team", "Sales"));
    Map<String, Object> n = map(moved.get("resource"));
    assertEquals(t.get("sequentialId"), n.get("parentSequentialId"));
    assertTrue(!id.equals(n.get("id")));
    Map<String, Object> closed = w.command(desk, "get", "/tickets?$closed=true");
    assertEquals("Transferred", map(list(map(closed.get("resource")).get("items")).get(0)).get("status"));
    Map<String, Object> queue = w.command(desk, "set", "/attendance-queues", "application/vnd.iris.desk.attendancequeue+json",
        Map.of("name", "Queue name", "isActive", true, "Priority", "0"));
    assertEquals("queuename", map(queue.get("resource")).get("id"));
    assertEquals(0.0, map(queue.get("resource")).get("Priority"));
    w.command(desk, "set", "/attendants", "application/vnd.iris.desk.attendant+json",
        Map.of("identity", "jonh%40email.com@blip.ai", "teams", List.of("Sales")));
    assertEquals("success", w.command(desk, "delete", "/attendants/jonh%2540email.com@blip.ai").get("status"));
    assertTrue(blip.bot().agents().isEmpty());
    Map<String, Object> summary = map(w.command(desk, "get", "/monitoring/tickets?version=2").get("resource"));
    assertEquals(1.0, summary.get("waiting"));
    assertEquals(1.0, summary.get("transferred"));
  }

  @Test
  void faultsAndRateLimits() throws Exception {
    Wire w = new Wire(blip);
    blip.inject(Fault.status(503).onPath("/commands").times(2));
    assertEquals(503, w.post("/commands", "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}").code());
    assertEquals(503, w.post("/commands", "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}").code());
    assertEquals(200, w.post("/commands", "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}").code());
    blip.inject(Fault.tooManyRequests(Duration.ofSeconds(7)));
    assertEquals("7", w.post("/commands", "{}").raw().header("Retry-After"));
    blip.inject(Fault.dropBeforeRead());
    assertThrows(IOException.class, () -> w.message("d1", CUSTOMER, "application/json", template("order", "image", 2), Map.of()));
    assertEquals(0, blip.bot().sentMessages(CUSTOMER).size(), "dropped before read: not processed");
    blip.inject(Fault.dropAfterRead());
    assertThrows(IOException.class, () -> w.message("d2", CUSTOMER, "application/json", template("order", "image", 2), Map.of()));
    assertEquals(1, blip.bot().sentMessages(CUSTOMER).size(), "dropped after read: processed");
    blip.inject(Fault.truncatedBody().onCommandUri("/contacts"));
    assertThrows(IOException.class, () -> w.post("/commands", "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}"));
    blip.inject(Fault.noResponse());
    Wire quick = w.readTimeout(Duration.ofMillis(200));
    assertThrows(java.net.SocketTimeoutException.class, () -> quick.post("/commands", "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/x\"}"));

    try (FakeBlip limited = FakeBlip.builder().rateLimits(RateLimits.free().withRetryAfter(true)).start()) {
      Wire lw = new Wire(limited);
      for (int i = 0; i < 3; i++) {
        assertEquals(202, lw.post("/notifications", Map.of("id", "n" + i, "event", "consumed")).code());
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(202, lw.post("/notifications", Map.of("id", "x" + i, "event", "consumed")).code());
      }
      Wire.Answer blocked = lw.post("/notifications", Map.of("id", "n9", "event", "consumed"));
      assertEquals(429, blocked.code());
      assertEquals("120", blocked.raw().header("Retry-After"));
      limited.clock().advance(Duration.ofSeconds(119));
      assertEquals(429, lw.post("/notifications", Map.of("id", "n10", "event", "consumed")).code());
      limited.clock().advance(Duration.ofSeconds(2));
      assertEquals(202, lw.post("/notifications", Map.of("id", "n11", "event", "consumed")).code());
    }
  }

  @Test
  void tenThousandMixedRequestsFrom32Threads() throws Exception {
    blip.bot().notificationWebhook(null).messageWebhook(null);
    int threads = 32;
    int perThread = 10_000 / threads + 1;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    // what the workers did, counted as each request was answered: the server's state must match it
    AtomicInteger contacts = new AtomicInteger();
    AtomicInteger messages = new AtomicInteger();
    AtomicInteger tickets = new AtomicInteger();
    for (int t = 0; t < threads; t++) {
      int tid = t;
      futures.add(pool.submit(() -> {
        Wire w = new Wire(blip);
        for (int i = 0; i < perThread; i++) {
          String key = tid + "-" + i;
          switch (i % 3) {
            case 0:
              w.command("postmaster@crm.msging.net", "set", "/contacts", "application/vnd.lime.contact+json",
                  Map.of("identity", key + "@wa.gw.msging.net", "name", key));
              contacts.incrementAndGet();
              break;
            case 1:
              assertEquals(202, w.message("msg-" + key, "55" + (31000000 + tid * 1000 + i) + "@wa.gw.msging.net",
                  "application/json", template("order", "image", 2), Map.of()).code());
              messages.incrementAndGet();
              break;
            default:
              w.command("postmaster@desk.msging.net", "set", "/tickets", "application/vnd.iris.ticket+json",
                  Map.of("customerIdentity", key + "@wa.gw.msging.net"));
              tickets.incrementAndGet();
              break;
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(blip.awaitIdle(Duration.ofSeconds(60)), "every lifecycle event ran within a minute");
    assertTrue(contacts.get() + messages.get() + tickets.get() >= 10_000,
        "requests answered: " + (contacts.get() + messages.get() + tickets.get()));
    assertEquals(contacts.get(), blip.bot().contacts().size());
    assertEquals(messages.get(), blip.bot().sentMessages().size());
    List<Map<String, Object>> all = blip.bot().tickets();
    assertEquals(tickets.get(), all.size());
    assertEquals(tickets.get(), all.stream().map(t -> t.get("sequentialId")).distinct().count(), "unique sequentialIds");
    assertEquals(contacts.get() + messages.get() + tickets.get(), blip.receivedEnvelopes().size());
    assertTrue(blip.holdsNoRecordedRequest(), "10,000 requests later MockWebServer holds none of them");
    for (ReceivedEnvelope e : blip.bot().sentMessages()) {
      assertEquals(List.of("accepted", "dispatched", "received", "consumed"), blip.bot().events(e.id()));
    }
  }
}
