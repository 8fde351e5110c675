package dev.blipsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The quickstart service on the fake Blip ({@code blip.fake.enabled=true}), over real HTTP on loopback: the same
 * source runs on Spring Boot 4.0 (this module) and 3.5 ({@code sdk-examples-spring-boot3}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "blip.fake.enabled=true", "blip.fake.demo-data=true", "blip.webhook.verifier.secrets=test-webhook-token",
    "blip.contract=", "blip.identifier=", "blip.access-key="})
class QuickstartApplicationTest {
  private static final String ANA = "5531999998888@wa.gw.msging.net";
  private static final String BRUNO = "5511988887777@wa.gw.msging.net";
  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;
  @Autowired
  FakeBlip fake;
  @Autowired
  CustomerInbox inbox;
  @Autowired
  MeterRegistry meters;

  @Test
  void theQuickstartStory() throws Exception {
    HttpResponse<String> resolved = get("/customers/" + URLEncoder.encode("(31) 99999-8888", StandardCharsets.UTF_8)
        .replace("+", "%20"));
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(resolved.body()).contains("\"account\":\"" + ANA + "\"", "\"phoneNumber\":\"+5531999998888\"");

    assertThat(get("/templates").body()).contains("\"name\":\"order_update\"");

    HttpResponse<String> sent = post("/orders/4411/notify", "{\"phone\":\"(31) 99999-8888\",\"customerName\":\"Ana\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    assertThat(sent.body()).contains("\"recipient\":\"" + ANA + "\"");
    String messageId = field(sent.body(), "envelopeId");
    assertThat(fake.bot().sentMessages(ANA)).extracting(e -> e.id()).contains(messageId);

    // the fake's notifications reach the starter's endpoint, signed, and the tracker follows the message to READ
    fake.awaitIdle();
    assertThat(fake.webhookDeliveries()).isNotEmpty().allSatisfy(this::deliveredToTheEndpoint);
    HttpResponse<String> status = get("/messages/" + messageId);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"status\":\"READ\"", "\"from\":\"" + ANA);

    assertThat(get("/contacts?name=" + URLEncoder.encode("Ana Souza", StandardCharsets.UTF_8)).body())
        .contains("\"identity\":\"" + ANA + "\"", "\"name\":\"Ana Souza\"");

    // an agent writes to Bruno from Desk; his answer comes through the webhook and opens a ticket for her
    HttpResponse<String> desk = post("/desk/active-messages",
        "{\"agentEmail\":\"ana@acme.com\",\"customer\":\"" + BRUNO + "\",\"customerName\":\"Bruno\"}");
    assertThat(desk.statusCode()).as(desk.body()).isEqualTo(202);
    String deskMessageId = field(desk.body(), "messageId");
    fake.awaitIdle();
    fake.simulateCustomerReply(BRUNO, "Oi! Quero saber do meu pedido.");
    fake.awaitIdle();
    assertThat(inbox.texts()).contains("Oi! Quero saber do meu pedido.");
    HttpResponse<String> answered = get("/desk/active-messages/" + deskMessageId);
    assertThat(answered.body()).contains("\"state\":\"IN_PROGRESS\"", "\"customerIdentity\":\"" + BRUNO + "\"",
        "\"agentIdentity\":\"ana%40acme.com@blip.ai\"", "\"status\":\"OPEN\"");

    assertThat(get("/monitoring/tickets").body()).contains("\"open\":1");
  }

  @Test
  void healthIsUpFromACachedPingAndShowsNoKey() throws Exception {
    long before = pings();
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    Matcher blip = Pattern.compile("\"blip\":\\{.*?\"status\":\"([A-Z]+)\"").matcher(health.body());
    assertThat(blip.find()).as(health.body()).isTrue();
    assertThat(blip.group(1)).isEqualTo("UP");
    assertThat(health.body()).contains("latencyMillis").doesNotContain(fake.accessKey())
        .doesNotContain(fake.authorizationHeader().substring("Key ".length()));
    get("/actuator/health");
    assertThat(pings() - before).as("probes within the cache ttl share one ping").isEqualTo(1);
  }

  @Test
  void everySendIsAMicrometerTimerTaggedWhatsappSend() throws Exception {
    HttpResponse<String> sent = post("/orders/77/notify", "{\"phone\":\"+5531999998888\",\"customerName\":\"Ana\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    Timer timer = meters.find("blip.operation").tag("blip.operation", "whatsapp.send").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isGreaterThanOrEqualTo(1);
    HttpResponse<String> metric = get("/actuator/metrics/blip.operation?tag=blip.operation:whatsapp.send");
    assertThat(metric.statusCode()).isEqualTo(200);
    assertThat(metric.body()).contains("\"COUNT\"").doesNotContain("5531999998888");
  }

  private long pings() {
    return fake.receivedEnvelopes().stream().filter(e -> "/ping".equals(e.field("uri"))).count();
  }

  @Test
  void anUnsignedWebhookIsRefused() throws Exception {
    HttpResponse<String> refused = post("/blip/webhook",
        "{\"id\":\"x\",\"from\":\"" + ANA + "\",\"to\":\"fakebot@msging.net\",\"event\":\"received\"}");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(get("/blip/webhook").statusCode()).isEqualTo(405);
  }

  private void deliveredToTheEndpoint(WebhookDelivery d) {
    assertThat(d.url()).isEqualTo("http://127.0.0.1:" + port + "/blip/webhook");
    assertThat(d.statusCode()).as(d.toString()).isEqualTo(200);
    assertThat(d.headers()).containsEntry("X-Blip-Token", "test-webhook-token");
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return m.group(1);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
