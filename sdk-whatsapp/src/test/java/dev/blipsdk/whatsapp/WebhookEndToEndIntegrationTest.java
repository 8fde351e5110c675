package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.HmacVerifier;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.MessageContent;
import dev.blipsdk.core.webhook.StatusNotification;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.WebhookDelivery;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's proof: the fake Blip delivers HMAC-signed webhooks for a template message's lifecycle and for the
 * customer's reply, over real HTTP on 127.0.0.1, to a {@link WebhookReceiver} behind a plain HTTP server; the
 * receiver verifies and parses them and the status tracker, fed only from webhooks, ends at READ.
 */
class WebhookEndToEndIntegrationTest {
  private static final String SECRET = "whsec-end-to-end";
  private static final HmacScheme SCHEME = HmacScheme.builder("X-Signature").prefix("sha256=")
      .timestampHeader("X-Signature-Timestamp").build();

  private FakeBlip fake;
  private WhatsAppClient whatsApp;
  private MockWebServer http;
  private final List<Integer> statusCodes = new CopyOnWriteArrayList<>();
  private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private String startReceiver(WebhookReceiver receiver) throws IOException {
    http = new MockWebServer();
    http.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        WebhookResponse r = receiver.handle(request.getMethod(),
            WebhookHeaders.fromMultiMap(request.getHeaders().toMultimap()), body);
        statusCodes.add(r.statusCode());
        return new MockResponse.Builder().code(r.statusCode()).body(r.body()).build();
      }
    });
    http.start(InetAddress.getByName("127.0.0.1"), 0);
    return http.url("/blip").toString();
  }

  /**
   * Starts the fake with a template and Ana's account, a receiver that verifies with {@link #SECRET} and feeds the
   * tracker, and points both of the bot's webhooks at it, signed with {@code signingSecret}.
   */
  private StatusTracker startWiring(String signingSecret) throws IOException {
    fake = FakeBlip.start();
    fake.seedTemplate(FakeTemplate.of("order_update", "pt_BR", "Olá {{1}}, seu pedido {{2}} saiu."));
    fake.bot().addWhatsAppAccount("+5531999998888", "Ana Souza");
    whatsApp = WhatsAppClient.of(fake.client());
    StatusTracker tracker = whatsApp.statusTracker();
    WebhookReceiver receiver = WebhookReceiver.builder()
        .verifier(HmacVerifier.builder(SCHEME).secret(SECRET).clock(fake.clock()).build())
        .onStatus(s -> {
          events.add(s.eventName());
          tracker.accept(s.notification());
        })
        .onMessage(m -> {
          inbound.add(m);
          tracker.recordReply(m.message());
        })
        .build();
    String url = startReceiver(receiver);
    fake.bot().notificationWebhook(url).messageWebhook(url)
        .webhookSigner(WebhookSigner.hmacSha256(SCHEME, signingSecret).withClock(fake.clock()));
    return tracker;
  }

  @Test
  void signedLifecycleAndReplyDriveTheTrackerToRead() throws Exception {
    StatusTracker tracker = startWiring(SECRET);

    SendReceipt receipt = whatsApp.send(PhoneNumber.parse("+55 31 99999-8888"),
        TemplateMessage.of("order_update", "pt_BR").body("Ana", "#4411"));
    tracker.track(receipt);
    fake.awaitIdle();

    StatusReport report = tracker.status(receipt.envelopeId()).orElseThrow();
    assertEquals(MessageStatus.READ, report.status(), "fed only by webhooks: " + events);
    assertTrue(events.containsAll(List.of("accepted", "dispatched", "received", "consumed")), events.toString());

    fake.simulateCustomerReply("5531999998888@wa.gw.msging.net", "Sim, obrigado");
    fake.awaitIdle();
    InboundMessage reply = inbound.get(0);
    assertEquals("Sim, obrigado", assertInstanceOf(MessageContent.Text.class, reply.content()).text());
    assertTrue(tracker.status(receipt.envelopeId()).orElseThrow().answered());

    // every delivery was signed, verified and accepted
    List<WebhookDelivery> deliveries = fake.webhookDeliveries();
    assertEquals(deliveries.size(), statusCodes.size());
    assertTrue(statusCodes.stream().allMatch(c -> c == 200), statusCodes.toString());
    assertTrue(deliveries.stream().allMatch(d -> d.headers().containsKey("X-Signature")),
        deliveries.stream().map(d -> d.headers().keySet().toString()).collect(Collectors.joining()));
  }

  @Test
  void webhooksSignedWithAnotherSecretAreRefusedAndChangeNothing() throws Exception {
    StatusTracker tracker = startWiring("an-attacker-secret");

    SendReceipt receipt = whatsApp.send(PhoneNumber.parse("+5531999998888"),
        TemplateMessage.of("order_update", "pt_BR").body("Ana", "#4411"));
    tracker.track(receipt);
    fake.awaitIdle();

    assertFalse(statusCodes.isEmpty());
    assertTrue(statusCodes.stream().allMatch(c -> c == 401), statusCodes.toString());
    assertEquals(MessageStatus.SENDING, tracker.status(receipt.envelopeId()).orElseThrow().status(),
        "forged notifications must not move the status");
    assertTrue(events.isEmpty(), "no forged event reached a listener: " + events);
    assertTrue(fake.webhookDeliveries().stream().allMatch(d -> d.statusCode() == 401));
  }
}
