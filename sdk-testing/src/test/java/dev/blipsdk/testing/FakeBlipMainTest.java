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
      assertEquals(3, Wire.list(templates.get("data")).size());
      assertEquals("failure", w.command("postmaster@wa.gw.msging.net", "get",
          "lime://wa.gw.msging.net/accounts/+5531900000000").get("status"));
      assertEquals(3, Wire.list(Wire.map(w.command("postmaster@desk.msging.net", "get", "/attendance-queues")
          .get("resource")).get("items")).size());
      assertEquals(2, blip.bot().agents().size());
    }
  }
}
