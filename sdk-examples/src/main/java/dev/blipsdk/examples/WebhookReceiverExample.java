package dev.blipsdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.MessageContent;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Blip webhooks with the JDK's built-in {@link HttpServer}: no framework needed.
 *
 * <p>Configure the bot's message and notification URLs (Blip portal, Configurations, Connection information,
 * HTTP endpoints) to {@code https://your-host/blip/webhook}, add a custom header {@code X-Blip-Token} with a
 * long random value, and run with that value in {@code BLIP_WEBHOOK_TOKEN}:
 * <pre>
 * BLIP_WEBHOOK_TOKEN=... mvn -pl sdk-examples exec:java -Dexec.mainClass=dev.blipsdk.examples.WebhookReceiverExample
 * </pre>
 * Put TLS in front (a reverse proxy): Blip requires public HTTPS endpoints.
 */
public final class WebhookReceiverExample {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiverExample.class);

  /** The path the server listens on. */
  public static final String PATH = "/blip/webhook";

  private WebhookReceiverExample() {}

  /**
   * Starts the server on port 8080 (or {@code PORT}).
   *
   * @param args unused
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    String token = System.getenv("BLIP_WEBHOOK_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("set BLIP_WEBHOOK_TOKEN to the value of the X-Blip-Token custom header");
    }
    // De-duplicate redeliveries. In production use a store with expiry (a cache, a unique DB column).
    Set<String> processed = ConcurrentHashMap.newKeySet();
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    // [snippet:webhook-receiver]
    WebhookReceiver receiver = WebhookReceiver.builder()
        .verifier(WebhookVerifier.staticHeader("X-Blip-Token", token))
        .onMessage(message -> {
          if (processed.add(message.deduplicationKey())) {
            LOG.info("message {} of type {}: {}", message.id(), message.type(), describe(message));
          }
        })
        .onStatus(status -> {
          if (processed.add(status.deduplicationKey())) {
            LOG.info("message {} is now {}", status.messageId(), status.eventName());
          }
        })
        .onTicket(ticket -> LOG.info("ticket {} is {}", ticket.ticket().sequentialId(), ticket.ticket().status()))
        .onError(error -> LOG.info("rejected a webhook request: {}", error.getMessage()))
        .build();
    HttpServer server = start(new InetSocketAddress(port), receiver);
    // [/snippet:webhook-receiver]
    LOG.info("listening on http://localhost:{}{}", server.getAddress().getPort(), PATH);
  }

  private static String describe(InboundMessage message) {
    MessageContent content = message.content();
    if (content instanceof MessageContent.Text text) {
      return text.text().length() + " characters of text";
    } else if (content instanceof MessageContent.Reply reply) {
      return "a reply with payload " + reply.payload();
    }
    return content.toString();
  }

  /**
   * Starts an {@link HttpServer} that hands every request on {@link #PATH} to the receiver.
   *
   * @param address where to listen; port 0 picks a free one
   * @param receiver the receiver
   * @return the started server; stop it with {@code server.stop(0)}
   * @throws IOException if the address cannot be bound
   */
  public static HttpServer start(InetSocketAddress address, WebhookReceiver receiver) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // daemon threads: stopping the server is enough to let the JVM exit
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread t = new Thread(runnable, "webhook-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext(PATH, exchange -> handle(exchange, receiver));
    server.start();
    return server;
  }

  private static void handle(HttpExchange exchange, WebhookReceiver receiver) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        // one byte over the limit is enough for the receiver to answer 413 without buffering a huge body
        body = in.readNBytes(receiver.maxBodyBytes() + 1);
      }
      WebhookResponse response = receiver.handle(exchange.getRequestMethod(),
          WebhookHeaders.fromMultiMap(exchange.getRequestHeaders()), body);
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().set(header.getKey(), header.getValue());
      }
      byte[] out = response.bodyBytes();
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    }
  }
}
