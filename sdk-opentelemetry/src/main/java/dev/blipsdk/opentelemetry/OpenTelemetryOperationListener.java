package dev.blipsdk.opentelemetry;

import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.AttemptResult;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationResult;
import dev.blipsdk.core.observation.OperationStart;
import dev.blipsdk.core.observation.PropagationHeaders;
import dev.blipsdk.core.observation.Wait;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reports every operation of a {@link dev.blipsdk.core.BlipClient} to OpenTelemetry. Register it with
 * {@code BlipClient.builder().operationListener(OpenTelemetryOperationListener.create(openTelemetry))}.
 *
 * <p><b>Spans.</b> One span per operation, named after it ({@code whatsapp.send}), child of the caller's current
 * span: kind {@code PRODUCER} with the messaging conventions ({@code messaging.system=blip},
 * {@code messaging.operation.type=send}) for message and notification sends, {@code INTERNAL} for commands; with
 * {@code blip.operation}, {@code blip.command.method}, {@code blip.uri.template}, {@code server.address},
 * {@code server.port}, {@code blip.attempts}, and on failure status {@code ERROR} with {@code error.type} (the
 * exception's simple class name). Under it, one {@code CLIENT} span per HTTP attempt following the HTTP client
 * conventions: named {@code POST /commands} (method and {@code url.template}), with {@code http.request.method},
 * {@code url.template}, {@code url.full}, {@code server.address}, {@code server.port},
 * {@code http.request.resend_count} (from the second attempt), {@code http.response.status_code}, and on failure
 * {@code error.type} (the status code, or the outcome such as {@code connect_failure}) plus
 * {@code blip.attempt.outcome}; an attempt that is retried gets a {@code blip.retry} event with the wait. The
 * attempt's context is written on its HTTP request with the OpenTelemetry instance's propagators
 * ({@code traceparent} with the W3C propagator).
 *
 * <p><b>Metrics</b> (instrumentation scope {@value #SCOPE}): {@code http.client.request.duration} (s, per attempt,
 * HTTP conventions), {@code blip.operation.duration} (s; {@code blip.operation}, {@code error.type} on failure),
 * {@code blip.retries} ({@code blip.operation}, {@code blip.retry.reason}) and {@code blip.wait.duration} (s;
 * {@code blip.operation}, {@code blip.wait.reason}: {@code rate_limited}, {@code pacing}, {@code retry_backoff}).
 *
 * <p>No attribute holds personal data: values come from the SDK's operation names, uri templates, enums, the
 * client's host and exception class names, all bounded. Exception messages are not recorded.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenTelemetryOperationListener implements OperationListener {
  /** The instrumentation scope name of the tracer and meter. */
  public static final String SCOPE = "dev.blipsdk";

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("blip.operation");
  static final AttributeKey<String> COMMAND_METHOD = AttributeKey.stringKey("blip.command.method");
  static final AttributeKey<String> URI_TEMPLATE = AttributeKey.stringKey("blip.uri.template");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("blip.attempts");
  static final AttributeKey<String> ATTEMPT_OUTCOME = AttributeKey.stringKey("blip.attempt.outcome");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("blip.retry.reason");
  static final AttributeKey<String> WAIT_REASON = AttributeKey.stringKey("blip.wait.reason");
  static final AttributeKey<Long> RETRY_WAIT_MS = AttributeKey.longKey("blip.retry.wait_ms");
  // OpenTelemetry semantic conventions (HTTP client, messaging, general)
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> MESSAGING_OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");

  private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
      0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final TextMapSetter<PropagationHeaders> SETTER = (carrier, key, value) -> {
    if (carrier != null) {
      carrier.put(key, value);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final DoubleHistogram httpDuration;
  private final DoubleHistogram operationDuration;
  private final LongCounter retries;
  private final DoubleHistogram waits;

  private OpenTelemetryOperationListener(OpenTelemetry otel) {
    this.tracer = otel.getTracer(SCOPE);
    this.propagator = otel.getPropagators().getTextMapPropagator();
    Meter meter = otel.getMeter(SCOPE);
    this.httpDuration = meter.histogramBuilder("http.client.request.duration").setUnit("s")
        .setDescription("Duration of HTTP client requests.").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
    this.operationDuration = meter.histogramBuilder("blip.operation.duration").setUnit("s")
        .setDescription("Duration of Blip SDK operations, retries and waits included.")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    this.retries = meter.counterBuilder("blip.retries").setUnit("{retry}")
        .setDescription("Retries of Blip SDK operations, by the outcome that caused them.").build();
    this.waits = meter.histogramBuilder("blip.wait.duration").setUnit("s")
        .setDescription("Waits of Blip SDK operations before a retry or a rate-limited send.").build();
  }

  /**
   * A listener reporting to {@code openTelemetry}'s tracer, meter and propagators.
   *
   * @param openTelemetry the application's OpenTelemetry (for example {@code GlobalOpenTelemetry.get()})
   * @return the listener
   */
  public static OpenTelemetryOperationListener create(OpenTelemetry openTelemetry) {
    return new OpenTelemetryOperationListener(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public OperationObserver operationStarted(OperationStart start) {
    return new Observing(start);
  }

  @Override
  public void waiting(Wait wait) {
    waits.record(seconds(wait.duration().toNanos()), Attributes.of(OPERATION, wait.operation().name(),
        WAIT_REASON, wait.reason().tagValue()));
  }

  private static double seconds(long nanos) {
    return nanos / (double) TimeUnit.SECONDS.toNanos(1);
  }

  /** Follows one operation; the client calls it one event at a time. */
  private final class Observing implements OperationObserver {
    private final OperationStart start;
    private final String name;
    private final Span operation;
    private final Context operationContext;
    private final String urlFull;
    private Span attempt = Span.getInvalid();

    Observing(OperationStart start) {
      this.start = start;
      this.name = start.operation().name();
      boolean send = start.method() == null;
      var builder = tracer.spanBuilder(name).setSpanKind(send ? SpanKind.PRODUCER : SpanKind.INTERNAL)
          .setAttribute(OPERATION, name)
          .setAttribute(SERVER_ADDRESS, start.serverAddress())
          .setAttribute(SERVER_PORT, (long) start.serverPort());
      if (send) {
        builder.setAttribute(MESSAGING_SYSTEM, "blip").setAttribute(MESSAGING_OPERATION_TYPE, "send")
            .setAttribute(MESSAGING_OPERATION_NAME, "send");
      } else {
        builder.setAttribute(COMMAND_METHOD, start.method().wireValue().toLowerCase(Locale.ROOT));
      }
      String template = start.operation().uriTemplate();
      if (template != null) {
        builder.setAttribute(URI_TEMPLATE, template);
      }
      this.operation = builder.startSpan();
      this.operationContext = Context.current().with(operation);
      boolean defaultPort = start.serverPort() == ("https".equals(start.scheme()) ? 443 : 80);
      this.urlFull = start.scheme() + "://" + start.serverAddress() + (defaultPort ? "" : ":" + start.serverPort())
          + start.path();
    }

    @Override
    public void attemptStarted(int number, PropagationHeaders headers) {
      var builder = tracer.spanBuilder("POST " + start.path()).setSpanKind(SpanKind.CLIENT)
          .setParent(operationContext)
          .setAttribute(HTTP_METHOD, "POST")
          .setAttribute(URL_TEMPLATE, start.path())
          .setAttribute(URL_FULL, urlFull)
          .setAttribute(SERVER_ADDRESS, start.serverAddress())
          .setAttribute(SERVER_PORT, (long) start.serverPort())
          .setAttribute(OPERATION, name);
      if (number > 1) {
        builder.setAttribute(RESEND_COUNT, (long) (number - 1));
      }
      attempt = builder.startSpan();
      propagator.inject(operationContext.with(attempt), headers, SETTER);
    }

    @Override
    public void attemptEnded(AttemptResult result) {
      AttributesBuilder metric = Attributes.builder().put(HTTP_METHOD, "POST").put(URL_TEMPLATE, start.path())
          .put(SERVER_ADDRESS, start.serverAddress()).put(SERVER_PORT, (long) start.serverPort());
      if (result.statusCode() != 0) {
        attempt.setAttribute(HTTP_STATUS, (long) result.statusCode());
        metric.put(HTTP_STATUS, (long) result.statusCode());
      }
      String errorType = errorType(result);
      if (errorType != null) {
        attempt.setAttribute(ERROR_TYPE, errorType).setAttribute(ATTEMPT_OUTCOME, result.outcome().tagValue())
            .setStatus(StatusCode.ERROR, result.outcome().tagValue());
        metric.put(ERROR_TYPE, errorType);
      }
      if (result.retryWait() != null) {
        attempt.addEvent("blip.retry", Attributes.of(RETRY_REASON, result.outcome().tagValue(), RETRY_WAIT_MS,
            result.retryWait().toMillis()));
        retries.add(1, Attributes.of(OPERATION, name, RETRY_REASON, result.outcome().tagValue()));
        waits.record(seconds(result.retryWait().toNanos()), Attributes.of(OPERATION, name, WAIT_REASON,
            result.outcome() == AttemptOutcome.RATE_LIMITED ? "rate_limited" : "retry_backoff"));
      }
      attempt.end();
      attempt = Span.getInvalid();
      httpDuration.record(seconds(result.duration().toNanos()), metric.build());
    }

    @Override
    public void operationEnded(OperationResult result) {
      operation.setAttribute(ATTEMPTS, (long) result.attempts());
      Attributes metric;
      if (result.succeeded()) {
        metric = Attributes.of(OPERATION, name);
      } else {
        operation.setAttribute(ERROR_TYPE, result.errorType()).setStatus(StatusCode.ERROR, result.errorType());
        metric = Attributes.of(OPERATION, name, ERROR_TYPE, result.errorType());
      }
      operation.end();
      operationDuration.record(seconds(result.duration().toNanos()), metric);
    }
  }

  /** The HTTP conventions' {@code error.type}: the status code of an HTTP error, else what went wrong. */
  private static @Nullable String errorType(AttemptResult result) {
    if (result.outcome() == AttemptOutcome.SUCCESS) {
      return null;
    }
    if (result.statusCode() >= 400) {
      return Integer.toString(result.statusCode());
    }
    return result.outcome().tagValue();
  }

  @Override
  public String toString() {
    return "OpenTelemetryOperationListener{scope=" + SCOPE + "}";
  }
}
