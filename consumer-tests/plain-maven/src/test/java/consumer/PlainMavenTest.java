package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookResponse;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A plain Maven project with only the README's Install snippet: a template goes out, its signed webhook comes in. */
class PlainMavenTest {
  @Test
  void sendsATemplateAndReceivesItsSignedWebhook() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (Scenario scenario = new Scenario()) {
      server.createContext("/webhook", exchange -> {
        try (exchange) {
          byte[] body = exchange.getRequestBody().readAllBytes();
          WebhookResponse response = scenario.handle(exchange.getRequestMethod(),
              WebhookHeaders.fromMultiMap(exchange.getRequestHeaders()), body);
          byte[] out = response.bodyBytes();
          exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        }
      });
      server.start();
      String summary = scenario.run("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
      System.out.println("plain-maven: " + summary);
      assertEquals(401, scenario.handle("POST", WebhookHeaders.empty(), new byte[0]).statusCode(),
          "an unsigned webhook is refused");
    } finally {
      server.stop(0);
    }
  }
}
