package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standalone server's command line and demo data (not the forever-running main). */
class FakeBlipMainTest {
  @Test
  void defaultsAndOptions() {
    FakeBlipMain.Options d = FakeBlipMain.parse();
    assertEquals(8080, d.port());
    assertEquals(0, d.limits().messagesPerSecond());
    assertNull(d.messageWebhook());
    FakeBlipMain.Options o = FakeBlipMain.parse("--port", "0", "--plan", "paid", "--message-webhook",
        "http://127.0.0.1:9000/in", "--notification-webhook", "https://hooks.example/status");
    assertEquals(0, o.port());
    assertEquals(50, o.limits().messagesPerSecond());
    assertEquals(200, o.limits().commandsPerSecond());
    assertEquals("http://127.0.0.1:9000/in", o.messageWebhook());
    assertEquals("https://hooks.example/status", o.notificationWebhook());
    assertEquals(3, FakeBlipMain.parse("--plan", "FREE").limits().messagesPerSecond());
    assertTrue(FakeBlipMain.parse("--port", "1", "--help").help());
  }

  @Test
  void badOptionsAreRefusedByName() {
    assertMessage("--port must be a number from 0 to 65535, got 'x'", "--port", "x");
    assertMessage("--port must be a number from 0 to 65535, got '70000'", "--port", "70000");
    assertMessage("--plan must be none, free or paid, got 'gold'", "--plan", "gold");
    assertMessage("--port needs a value", "--port");
    assertMessage("--plan needs a value", "--plan", "--port", "1");
    assertMessage("--message-webhook must be an http(s) URL, got 'localhost'", "--message-webhook", "localhost");
    assertMessage("unknown option --verbose (try --help)", "--verbose");
  }

  @Test
  void webhookHeaderAndHmacOptionsMakeAReceiverConfiguredAsTheReadmeShowsAccept() throws Exception {
    FakeBlipMain.Options o = FakeBlipMain.parse("--webhook-header", "X-Blip-Token=t0k3n-value", "--webhook-header",
        "X-Other=1", "--webhook-hmac-secret", "hmac-secret-value");
    assertEquals(Map.of("X-Blip-Token", "t0k3n-value", "X-Other", "1"), o.webhookHeaders());
    assertEquals("hmac-secret-value", o.webhookHmacSecret());
    assertTrue(!o.toString().contains("hmac-secret-value") && !o.toString().contains("t0k3n-value"), o.toString());
    assertMessage("--webhook-header must be NAME=VALUE with a header name and a non-empty value",
        "--webhook-header", "X-Blip-Token");
    assertMessage("--webhook-hmac-secret needs a value", "--webhook-hmac-secret");

    dev.blipsdk.core.webhook.WebhookReceiver receiver = dev.blipsdk.core.webhook.WebhookReceiver.builder()
        .verifier(dev.blipsdk.core.webhook.WebhookVerifier.allOf(
            dev.blipsdk.core.webhook.WebhookVerifier.staticHeader("X-Blip-Token", "t0k3n-value"),
            dev.blipsdk.core.webhook.WebhookVerifier.metaHubSignature256("hmac-secret-value")))
        .onMessage(m -> { })
        .build();
    try (mockwebserver3.MockWebServer hook = new mockwebserver3.MockWebServer();
        FakeBlip blip = FakeBlip.start()) {
      hook.setDispatcher(new mockwebserver3.Dispatcher() {
        @Override
        public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest r) {
          int code = receiver.handle(r.getMethod(), dev.blipsdk.core.webhook.WebhookHeaders.fromMultiMap(
              r.getHeaders().toMultimap()), r.getBody() == null ? new byte[0] : r.getBody().toByteArray())
              .statusCode();
          return new mockwebserver3.MockResponse.Builder().code(code).build();
        }
      });
      hook.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      blip.bot().messageWebhook(hook.url("/in").toString());
      blip.simulateCustomerReply("5531999998888@wa.gw.msging.net", "Oi");
      blip.awaitIdle();
      assertEquals(401, blip.webhookDeliveries().get(0).statusCode(), "without the options the receiver refuses");
      FakeBlipMain.applyWebhookSecurity(blip.bot(), o);
      blip.simulateCustomerReply("5531999998888@wa.gw.msging.net", "Oi de novo");
      blip.awaitIdle();
      WebhookDelivery signed = blip.webhookDeliveries().get(1);
      assertEquals(200, signed.statusCode());
      assertTrue(signed.headers().get("X-Hub-Signature-256").startsWith("sha256="));
    }
  }

  private static void assertMessage(String message, String... args) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> FakeBlipMain.parse(args)).getMessage());
  }

  @Test
  void startSeedsDemoDataAndAnswersOverHttp() throws Exception {
    try (FakeBlip blip = FakeBlipMain.start(0, RateLimits.none())) {
      assertTrue(blip.clock().isRealTime());
      assertEquals(FakeBlipMain.DEMO_BOT, blip.identifier());
      Wire w = new Wire(blip.baseUrl(), blip.authorizationHeader());
      Map<String, Object> contacts = Wire.map(w.command(null, "get", "/contacts").get("resource"));
      assertEquals(3.0, contacts.get("total"));
      Map<String, Object> templates = Wire.map(w.command("postmaster@wa.gw.msging.net", "get", "/message-templates")
          .get("resource"));
      assertEquals(4, Wire.list(templates.get("data")).size());
      assertEquals("failure", w.command("postmaster@wa.gw.msging.net", "get",
          "lime://wa.gw.msging.net/accounts/+5531900000000").get("status"));
      assertEquals(3, Wire.list(Wire.map(w.command("postmaster@desk.msging.net", "get", "/attendance-queues")
          .get("resource")).get("items")).size());
      assertEquals(2, blip.bot().agents().size());
    }
  }
}
