package dev.blipsdk.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.Fault;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls to FakeBlip over loopback HTTP, observed through Micrometer with a simple tracing bridge. */
class MicrometerOperationListenerTest {
  private static final String PHONE = "5531988887777";
  private static final Operation CONTACT_GET = Operation.of("test.contacts.get", "/contacts/{identity}");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SimpleTracer tracer = new SimpleTracer();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final List<String> sentTraceparents = new CopyOnWriteArrayList<>();
  private FakeBlip fake;
  private BlipClient client;

  /** Writes the W3C header from the simple tracer's context, as a real bridge's propagator would. */
  private static final Propagator W3C = new Propagator() {
    @Override
    public List<String> fields() {
      return List.of("traceparent");
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
      setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
      throw new UnsupportedOperationException();
    }
  };

  @BeforeEach
  void start() {
    observations.observationConfig()
        .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
            new PropagatingSenderTracingObservationHandler<>(tracer, W3C), new DefaultTracingObservationHandler(tracer)))
        .observationHandler(new DefaultMeterObservationHandler(meters));
    fake = FakeBlip.start();
    OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      String header = chain.request().header("traceparent");
      sentTraceparents.add(header == null ? "(none)" : header);
      return chain.proceed(chain.request());
    }).build();
    client = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .httpClient(recording).sleeper(new NoWait())
        .operationListener(MicrometerOperationListener.create(observations, meters)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private static Command contact() {
    return Command.get("/contacts/" + PHONE + "%40wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  @Test
  void anOperationIsATimerWithItsAttemptsAsChildSpansThatCarryTheTraceContext() {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    fake.inject(Fault.status(503).once());

    client.execute(contact(), RequestOptions.builder().operation(CONTACT_GET).build());

    Timer operation = meters.get(MicrometerOperationListener.OPERATION).tag("blip.operation", "test.contacts.get")
        .tag("blip.method", "get").tag("blip.uri", "/contacts/{identity}").tag("error", "none").timer();
    assertEquals(1, operation.count());
    assertEquals(1, meters.get(MicrometerOperationListener.ATTEMPT).tag("outcome", "server_error")
        .tag("status", "503").tag("retry", "true").timer().count());
    assertEquals(1, meters.get(MicrometerOperationListener.ATTEMPT).tag("outcome", "success")
        .tag("status", "200").tag("retry", "false").timer().count());
    assertEquals(1.0, meters.get(MicrometerOperationListener.RETRIES).tag("reason", "server_error").counter().count());
    assertEquals(1, meters.get(MicrometerOperationListener.WAITS).tag("reason", "retry_backoff").timer().count());

    List<SimpleSpan> spans = new ArrayList<>(tracer.getSpans());
    assertEquals(3, spans.size());
    SimpleSpan op = spans.stream().filter(s -> s.getName().equals("test.contacts.get")).findFirst().orElseThrow();
    List<SimpleSpan> attempts = spans.stream().filter(s -> s.getName().equals("test.contacts.get attempt")).toList();
    assertEquals(2, attempts.size());
    for (SimpleSpan a : attempts) {
      assertEquals(op.getSpanId(), a.getParentId());
      assertEquals(op.getTraceId(), a.getTraceId());
      assertEquals(Span.Kind.CLIENT, a.getKind());
    }
    // each attempt's request carried that attempt's span, as the tracing bridge's propagator wrote it
    assertEquals(attempts.stream().map(a -> "00-" + a.getTraceId() + "-" + a.getSpanId() + "-01")
        .collect(Collectors.toSet()), new java.util.HashSet<>(sentTraceparents));
  }

  @Test
  void aFailedOperationIsTaggedWithItsErrorTypeAndRateLimitWaitsAreCounted() {
    fake.inject(Fault.tooManyRequests(Duration.ofSeconds(3)).times(3));
    assertThrows(RateLimitException.class,
        () -> client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "Hi")));

    assertEquals(1, meters.get(MicrometerOperationListener.OPERATION).tag("blip.operation", "blip.messages.send")
        .tag("blip.uri", "/messages").tag("blip.method", "none").tag("error", "RateLimitException").timer().count());
    assertEquals(2.0, meters.get(MicrometerOperationListener.RETRIES).tag("reason", "rate_limited").counter().count());
    Timer waits = meters.get(MicrometerOperationListener.WAITS).tag("reason", "rate_limited").timer();
    assertEquals(2, waits.count());
    assertEquals(6.0, waits.totalTime(java.util.concurrent.TimeUnit.SECONDS), 0.001);
    SimpleSpan op = tracer.getSpans().stream().filter(s -> s.getName().equals("blip.messages.send")).findFirst()
        .orElseThrow();
    assertInstanceOf(RateLimitException.class, op.getError());
  }

  @Test
  void asyncOperationsAreObservedToo() throws Exception {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    CompletableFuture<Command> f = client.executeAsync(contact(), RequestOptions.builder().operation(CONTACT_GET)
        .build());
    f.get();
    // the observation stops on the thread that completes the future, right after it: wait for the timer
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (meters.find(MicrometerOperationListener.OPERATION).timer() == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, meters.get(MicrometerOperationListener.OPERATION).tag("blip.operation", "test.contacts.get")
        .timer().count());
  }

  /** Every tag of every meter and span, after calls full of phone numbers, e-mails and filter values. */
  @Test
  void noTagCarriesPersonalData() {
    fake.seedContact(PHONE + "@wa.gw.msging.net", "Ana");
    client.execute(contact());
    client.execute(Command.get("/contacts?$filter=" + "name%20eq%20'Ana%20Souza'").to("postmaster@crm.msging.net")
        .build());
    client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "secret text"));
    assertThrows(RuntimeException.class, () -> client.execute(Command.get("/contacts/ana.souza%40mail.com")
        .to("postmaster@crm.msging.net").build()));

    List<String> values = new ArrayList<>();
    for (Meter m : meters.getMeters()) {
      values.add(m.getId().getName());
      for (Tag t : m.getId().getTags()) {
        values.add(t.getKey() + "=" + t.getValue());
      }
    }
    for (SimpleSpan s : tracer.getSpans()) {
      values.add(s.getName());
      s.getTags().forEach((k, v) -> values.add(k + "=" + v));
    }
    assertTrue(values.contains("blip.uri=/contacts/{path}"), values.toString());
    for (String v : values) {
      assertFalse(v.contains("5531") || v.contains("@") || v.contains("Ana") || v.contains("ana")
          || v.contains("secret") || v.contains(fake.identifier()), v);
    }
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
