package dev.blipsdk.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.Fault;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls to FakeBlip over loopback HTTP, exported by the OpenTelemetry SDK's in-memory exporters. */
class OpenTelemetryOperationListenerTest {
  private static final String PHONE = "5531988887777";
  private static final Operation CONTACT_GET = Operation.of("test.contacts.get", "/contacts/{identity}");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final List<String> sentTraceparents = new CopyOnWriteArrayList<>();
  private FakeBlip fake;
  private BlipClient client;

  @BeforeEach
  void start() {
    fake = FakeBlip.start();
    client = builder(fake.baseUrl()).build();
  }

  private BlipClient.Builder builder(String url) {
    OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      String header = chain.request().header("traceparent");
      sentTraceparents.add(header == null ? "(none)" : header);
      return chain.proceed(chain.request());
    }).build();
    return BlipClient.builder().baseUrl(url).credentials(fake.identifier(), fake.accessKey())
        .httpClient(recording).sleeper(new NoWait())
        .operationListener(OpenTelemetryOperationListener.create(otel));
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
    otel.close();
  }

  private static Command contact() {
    return Command.get("/contacts/" + PHONE + "%40wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  private List<SpanData> named(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }

  @Test
  void oneSpanPerOperationWithItsAttemptsAsClientSpansWhoseContextGoesOnTheWire() {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    fake.inject(Fault.status(503).once());
    var parent = otel.getTracer("app").spanBuilder("app work").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.execute(contact(), RequestOptions.builder().operation(CONTACT_GET).build());
    } finally {
      parent.end();
    }

    SpanData op = named("test.contacts.get").get(0);
    assertEquals(1, named("test.contacts.get").size());
    assertEquals(parent.getSpanContext().getSpanId(), op.getParentSpanId());
    assertEquals(SpanKind.INTERNAL, op.getKind());
    assertEquals("get", op.getAttributes().get(AttributeKey.stringKey("blip.command.method")));
    assertEquals("/contacts/{identity}", op.getAttributes().get(AttributeKey.stringKey("blip.uri.template")));
    assertEquals(2L, op.getAttributes().get(AttributeKey.longKey("blip.attempts")));
    assertEquals(StatusCode.UNSET, op.getStatus().getStatusCode());

    List<SpanData> attempts = named("POST /commands");
    assertEquals(2, attempts.size());
    SpanData first = attempts.stream().filter(s -> s.getAttributes().get(AttributeKey.longKey(
        "http.request.resend_count")) == null).findFirst().orElseThrow();
    SpanData second = attempts.stream().filter(s -> Long.valueOf(1).equals(s.getAttributes().get(
        AttributeKey.longKey("http.request.resend_count")))).findFirst().orElseThrow();
    for (SpanData a : attempts) {
      assertEquals(SpanKind.CLIENT, a.getKind());
      assertEquals(op.getSpanId(), a.getParentSpanId());
      assertEquals("POST", a.getAttributes().get(AttributeKey.stringKey("http.request.method")));
      assertEquals("127.0.0.1", a.getAttributes().get(AttributeKey.stringKey("server.address")));
      assertEquals(fake.baseUrl().replaceAll("/$", "") + "/commands",
          a.getAttributes().get(AttributeKey.stringKey("url.full")));
    }
    assertEquals(503L, first.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals("503", first.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
    assertEquals("blip.retry", first.getEvents().get(0).getName());
    assertEquals(200L, second.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertNull(second.getAttributes().get(AttributeKey.stringKey("error.type")));
    // each attempt's request carried that attempt's own context
    assertEquals(List.of(traceparent(first), traceparent(second)), sentTraceparents);

    MetricData http = metric("http.client.request.duration");
    assertEquals(2, http.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum());
    MetricData retries = metric("blip.retries");
    assertEquals(1, retries.getLongSumData().getPoints().iterator().next().getValue());
    assertEquals("server_error", retries.getLongSumData().getPoints().iterator().next().getAttributes()
        .get(AttributeKey.stringKey("blip.retry.reason")));
  }

  @Test
  void aMessageSendIsAProducerSpanAndItsFailureIsTypedNotDescribed() {
    fake.inject(Fault.tooManyRequests(Duration.ofSeconds(2)).times(3));
    assertThrows(RateLimitException.class,
        () -> client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "Hi")));

    SpanData op = named("blip.messages.send").get(0);
    assertEquals(SpanKind.PRODUCER, op.getKind());
    assertEquals("blip", op.getAttributes().get(AttributeKey.stringKey("messaging.system")));
    assertEquals("send", op.getAttributes().get(AttributeKey.stringKey("messaging.operation.type")));
    assertEquals(StatusCode.ERROR, op.getStatus().getStatusCode());
    assertEquals("RateLimitException", op.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals("RateLimitException", op.getStatus().getDescription());
    assertTrue(op.getEvents().isEmpty(), "no exception event with the message");
    assertEquals(3, named("POST /messages").size());
    MetricData waits = metric("blip.wait.duration");
    assertEquals(4.0, waits.getHistogramData().getPoints().iterator().next().getSum(), 0.001);
  }

  @Test
  void aConnectFailureIsTheAttemptsErrorType() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (BlipClient unreachable = builder("http://127.0.0.1:" + closedPort + "/").build()) {
      assertThrows(BlipConnectionException.class, () -> unreachable.ping(RequestOptions.builder()
          .retryPolicy(dev.blipsdk.core.RetryPolicy.none()).build()));
    }
    SpanData attempt = named("POST /commands").get(0);
    assertEquals("connect_failure", attempt.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals("BlipConnectionException", named("blip.ping").get(0).getAttributes()
        .get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void asyncOperationsEndTheirSpans() throws Exception {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    CompletableFuture<Command> f = client.executeAsync(contact(), RequestOptions.builder().operation(CONTACT_GET)
        .build());
    f.get();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (named("test.contacts.get").isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, named("test.contacts.get").size());
    assertEquals(1, named("POST /commands").size());
  }

  /** Every attribute of every span and metric point, after calls full of personal data. */
  @Test
  void noAttributeCarriesPersonalData() {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    client.execute(contact());
    client.execute(Command.get("/contacts?$filter=name%20eq%20'Ana%20Souza'").to("postmaster@crm.msging.net")
        .build());
    client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "secret text"));
    assertThrows(RuntimeException.class, () -> client.execute(Command.get("/contacts/ana.souza%40mail.com")
        .to("postmaster@crm.msging.net").build()));

    List<String> values = new ArrayList<>();
    for (SpanData s : spans.getFinishedSpanItems()) {
      values.add(s.getName());
      values.add(String.valueOf(s.getStatus().getDescription()));
      s.getAttributes().forEach((k, v) -> values.add(k.getKey() + "=" + v));
      s.getEvents().forEach(e -> e.getAttributes().forEach((k, v) -> values.add(k.getKey() + "=" + v)));
    }
    for (MetricData m : metrics.collectAllMetrics()) {
      Collection<? extends io.opentelemetry.sdk.metrics.data.PointData> points = m.getData().getPoints();
      points.forEach(p -> p.getAttributes().forEach((k, v) -> values.add(m.getName() + " " + k.getKey() + "=" + v)));
    }
    assertTrue(values.contains("blip.uri.template=/contacts/{path}"), values.toString());
    for (String v : values) {
      assertFalse(v.contains("5531") || v.contains("@") || v.contains("Ana") || v.contains("ana")
          || v.contains("secret") || v.contains(fake.identifier()), v);
    }
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  private MetricData metric(String name) {
    return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }

  /** Retries happen at once, so tests do not wait for the backoff. */
  static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
