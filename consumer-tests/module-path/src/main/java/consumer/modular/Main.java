package consumer.modular;

import com.sun.net.httpserver.HttpServer;
import consumer.Scenario;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookResponse;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Runs the consumer story on the module path: exits 0 only when the template went out and its signed webhooks came
 * back, and when every SDK module really was a named module.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    for (String module : new String[] {"dev.blipsdk.core", "dev.blipsdk.whatsapp", "dev.blipsdk.testing"}) {
      if (ModuleLayer.boot().findModule(module).isEmpty()) {
        throw new IllegalStateException(module + " is not a named module: this did not run on the module path");
      }
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (Scenario scenario = new Scenario()) {
      server.createContext("/webhook", exchange -> {
        try (exchange) {
          WebhookResponse response = scenario.handle(exchange.getRequestMethod(),
              WebhookHeaders.fromMultiMap(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
          byte[] out = response.bodyBytes();
          exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        }
      });
      server.start();
      System.out.println("module-path: " + scenario.run(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook"));
    } finally {
      server.stop(0);
    }
  }
}
