package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.opentelemetry.OpenTelemetryOperationListener;
import dev.blipsdk.redis.RedisDeduplicationStore;
import dev.blipsdk.redis.RedisRateLimiter;
import dev.blipsdk.redis.RedisStatusStore;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Plan;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One instance of a fleet, wired as the README's "Running more than one instance" and "Observability" sections
 * write it: every send takes a permit from the fleet's Redis rate limiter, statuses land in the Redis status store
 * where another instance reads them, webhooks are de-duplicated in Redis, and every operation is traced into the
 * application's OpenTelemetry SDK.
 */
class FleetObservabilityTest {
  private static final String SECRET = "fleet-consumer-webhook-secret";
  private static final String PHONE = "+5531999998888";
  private static final String IDENTITY = "5531999998888@wa.gw.msging.net";

  @Test
  void aFleetInstanceSendsThroughRedisIsTracedAndAnotherInstanceSeesTheStatus() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (LocalRedis redis = LocalRedis.start(); FakeBlip fake = FakeBlip.start()) {
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      fake.bot().addWhatsAppAccount(PHONE, "Ana");
      fake.script(IDENTITY, MessageScript.read());
      RedisClient lettuce = RedisClient.create(redis.uri());
      try (BlipClient client = BlipClient.builder().baseUrl(fake.baseUrl())
              .credentials(fake.identifier(), fake.accessKey())
              .operationListener(OpenTelemetryOperationListener.create(otel)).build();
          RedisRateLimiter planLimit = RedisRateLimiter.builder(lettuce).key("blip:rate:consumer").plan(Plan.PAID)
              .build();
          RedisStatusStore store = RedisStatusStore.builder(lettuce).ttl(Duration.ofDays(3)).build();
          RedisStatusStore otherInstancesStore = RedisStatusStore.builder(lettuce).ttl(Duration.ofDays(3)).build();
          RedisDeduplicationStore dedup = RedisDeduplicationStore.builder(lettuce).build()) {
        WhatsAppClient whatsApp = WhatsAppClient.builder(client).rateLimiter(planLimit).build();
        StatusTracker tracker = StatusTracker.builder(whatsApp).statusStore(store).build();
        AtomicInteger statusCalls = new AtomicInteger();
        WebhookReceiver receiver = WebhookReceiver.builder()
            .verifier(WebhookVerifier.metaHubSignature256(SECRET))
            .deduplicate(dedup, Duration.ofDays(3))
            .onStatus(status -> {
              statusCalls.incrementAndGet();
              tracker.accept(status.notification());
            })
            .build();
        endpoint.createContext("/webhook", exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            WebhookResponse response = receiver.handle(exchange.getRequestMethod(),
                WebhookHeaders.fromMultiMap(exchange.getRequestHeaders()), body);
            byte[] out = response.bodyBytes();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          }
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook";
        fake.bot().notificationWebhook(url).messageWebhook(url)
            .webhookSigner(WebhookSigner.hmacSha256(HmacScheme.metaHubSignature256(), SECRET));

        SendReceipt receipt = whatsApp.send(PhoneNumber.parse(PHONE),
            TemplateMessage.of("welcome", "pt_BR").body("Ana"));
        StatusReport read = tracker.await(receipt.envelopeId(), Set.of(MessageStatus.READ), Duration.ofSeconds(30));
        assertEquals(MessageStatus.READ, read.status());
        try (var connection = lettuce.connect()) {
          assertFalse(connection.sync().keys("blip:rate:consumer*").isEmpty(), "the send took a permit in Redis");
        }

        // another instance, with its own tracker on the same Redis, answers for this send
        StatusTracker other = StatusTracker.builder(whatsApp).statusStore(otherInstancesStore).build();
        assertEquals(MessageStatus.READ, other.status(receipt.envelopeId()).orElseThrow().status());

        // the fake's READ, delivered again as Blip retries, and a new webhook delivered twice: each reaches the
        // listeners at most once
        int before = statusCalls.get();
        byte[] readAgain = ("{\"id\":\"" + receipt.envelopeId() + "\",\"from\":\"" + IDENTITY
            + "\",\"event\":\"consumed\"}").getBytes(StandardCharsets.UTF_8);
        WebhookHeaders readSigned = WebhookHeaders.fromMap(WebhookSigner.metaHubSignature256(SECRET)
            .headersFor(readAgain));
        assertEquals(200, receiver.handle("POST", readSigned, readAgain).statusCode());
        assertEquals(before, statusCalls.get(), "the READ the fake delivered is not handled twice");
        byte[] again = ("{\"id\":\"another-message\",\"from\":\"" + IDENTITY + "\",\"event\":\"received\"}")
            .getBytes(StandardCharsets.UTF_8);
        WebhookHeaders signed = WebhookHeaders.fromMap(WebhookSigner.metaHubSignature256(SECRET).headersFor(again));
        assertEquals(200, receiver.handle("POST", signed, again).statusCode());
        assertEquals(200, receiver.handle("POST", signed, again).statusCode());
        assertEquals(before + 1, statusCalls.get(), "a repeated delivery is de-duplicated in Redis");

        // one span for the send, with the attempt under it, and nothing personal in them
        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData send = finished.stream()
            .filter(s -> "whatsapp.send".equals(s.getAttributes().get(AttributeKey.stringKey("blip.operation"))))
            .filter(s -> s.getKind() != SpanKind.CLIENT)
            .findFirst().orElseThrow(() -> new AssertionError("no whatsapp.send span in " + finished));
        assertTrue(finished.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT
            && s.getParentSpanId().equals(send.getSpanId())), "the HTTP attempt is a CLIENT span under it");
        for (SpanData s : finished) {
          assertFalse(s.toString().contains("5531999998888"), "no phone number in " + s);
        }
      } finally {
        endpoint.stop(0);
        lettuce.shutdown();
      }
    }
  }
}
