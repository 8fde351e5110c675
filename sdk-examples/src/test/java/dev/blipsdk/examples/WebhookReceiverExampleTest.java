package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.MessageContent;
import dev.blipsdk.core.webhook.StatusNotification;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverExampleTest {
  private static final byte[] MESSAGE = ("{\"id\":\"99cf454e-f25d-4ebd-831f-e48a1c612cd4\","
      + "\"from\":\"551100001111@0mn.io/4ac58r6e3\",\"to\":\"blipmessaginghubapp@msging.net\","
      + "\"type\":\"text/plain\",\"content\":\"Help\"}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOTIFICATION = ("{\"id\":\"123e4567-e89b-12d3-a456-426655440000\","
      + "\"from\":\"551100001111@0mn.io/4ac58r6e3\",\"event\":\"received\"}").getBytes(StandardCharsets.UTF_8);

  private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
  private final List<StatusNotification> statuses = new CopyOnWriteArrayList<>();
  private final WebhookSigner signer = WebhookSigner.staticHeader("X-Blip-Token", "test-token");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.builder()
        .verifier(WebhookVerifier.staticHeader("X-Blip-Token", "test-token"))
        .onMessage(messages::add)
        .onStatus(statuses::add)
        .build();
    server = WebhookReceiverExample.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), receiver);
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WebhookReceiverExample.PATH);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedRequestsReachTheListeners() throws Exception {
    HttpResponse<String> response = post(MESSAGE, signer.headersFor(MESSAGE));
    assertEquals(200, response.statusCode());
    assertEquals("ok", response.body());
    assertEquals(1, messages.size());
    assertEquals("Help", ((MessageContent.Text) messages.get(0).content()).text());

    assertEquals(200, post(NOTIFICATION, signer.headersFor(NOTIFICATION)).statusCode());
    assertEquals("123e4567-e89b-12d3-a456-426655440000:received", statuses.get(0).deduplicationKey());
  }

  @Test
  void unsignedBadAndWrongMethodRequestsAreRefused() throws Exception {
    assertEquals(401, post(MESSAGE, Map.of()).statusCode());
    assertEquals(401, post(MESSAGE, Map.of("X-Blip-Token", "wrong")).statusCode());
    byte[] bad = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    assertEquals(400, post(bad, signer.headersFor(bad)).statusCode());
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
    assertTrue(messages.isEmpty());
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    byte[] big = new byte[(1 << 20) + 10];
    assertEquals(413, post(big, signer.headersFor(big)).statusCode());
  }
}
