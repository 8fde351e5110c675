package dev.blipsdk.micrometer;

import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.AttemptResult;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationResult;
import dev.blipsdk.core.observation.OperationStart;
import dev.blipsdk.core.observation.PropagationHeaders;
import dev.blipsdk.core.observation.Wait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Reports every operation of a {@link dev.blipsdk.core.BlipClient} to Micrometer. Register it with
 * {@code BlipClient.builder().operationListener(MicrometerOperationListener.create(observations, meters))}.
 *
 * <p>What it produces (names and keys follow Micrometer's conventions: dot-separated lower case, only
 * low-cardinality values in tags):
 * <ul>
 *   <li>an {@link Observation} {@value #OPERATION} per operation, whose contextual name (the span name with a
 *       tracing bridge) is the operation's name ({@code whatsapp.send}), with low-cardinality keys
 *       {@value #KEY_OPERATION}, {@value #KEY_METHOD} and {@value #KEY_URI} (the template), and its error
 *       when it fails: with Micrometer's {@code DefaultMeterObservationHandler} this is the timer
 *       {@code blip.operation} tagged also with {@code error} (the exception's simple class name, or {@code none});</li>
 *   <li>a child {@link Observation} {@value #ATTEMPT} per HTTP attempt, a {@link SenderContext} of kind
 *       {@code CLIENT}: a tracing bridge's propagating handler puts the trace context on that attempt's request
 *       ({@code traceparent}, {@code b3}...). Low-cardinality keys: {@value #KEY_OPERATION},
 *       {@value #KEY_OUTCOME} ({@code success}, {@code rate_limited}, {@code server_error}...),
 *       {@value #KEY_STATUS} (the HTTP status, or {@code none}) and {@value #KEY_RETRY};
 *       the attempt number is a high-cardinality key, {@value #KEY_ATTEMPT};</li>
 *   <li>the counter {@value #RETRIES} (tags {@value #KEY_OPERATION}, {@value #KEY_REASON}: the outcome that
 *       caused the retry) and the timer {@value #WAITS} (tags {@value #KEY_OPERATION}, {@value #KEY_REASON}:
 *       {@code rate_limited}, {@code pacing} or {@code retry_backoff}) recording every wait before a retry and
 *       every rate-limit or pacing wait a bulk run imposes.</li>
 * </ul>
 *
 * <p>No tag or key holds personal data: the values come from the SDK's operation names, uri templates, enums and
 * exception class names, all bounded (see {@link dev.blipsdk.core.observation}). The failed observation carries the
 * SDK exception, whose message masks phone numbers and e-mail addresses, also in the server's failure description.
 *
 * <p>Immutable and thread-safe. When the observation registry is a no-op, operations are not followed at all.
 */
public final class MicrometerOperationListener implements OperationListener {
  /** The name of the per-operation observation and timer. */
  public static final String OPERATION = "blip.operation";
  /** The name of the per-attempt observation and timer. */
  public static final String ATTEMPT = "blip.attempt";
  /** The counter of retries. */
  public static final String RETRIES = "blip.retries";
  /** The timer of waits (retry backoff, rate limit, pacing). */
  public static final String WAITS = "blip.waits";

  /** Key: the operation's name, for example {@code whatsapp.send}. */
  public static final String KEY_OPERATION = "blip.operation";
  /** Key: the command method ({@code get}, {@code set}...), or {@code none} for a message or notification. */
  public static final String KEY_METHOD = "blip.method";
  /** Key: the command uri template, or the HTTP path ({@code /messages}) for a message or notification. */
  public static final String KEY_URI = "blip.uri";
  /** Key: how an attempt ended. */
  public static final String KEY_OUTCOME = "outcome";
  /** Key: the HTTP status of an attempt. */
  public static final String KEY_STATUS = "status";
  /** Key: whether another attempt follows. */
  public static final String KEY_RETRY = "retry";
  /** High-cardinality key: the attempt number. */
  public static final String KEY_ATTEMPT = "blip.attempt";
  /** Key: why a retry or wait happened. */
  public static final String KEY_REASON = "reason";

  private static final String NO_VALUE = "none";
  private static final String RETRY_BACKOFF = "retry_backoff";

  private final ObservationRegistry observations;
  private final MeterRegistry meters;

  private MicrometerOperationListener(ObservationRegistry observations, MeterRegistry meters) {
    this.observations = observations;
    this.meters = meters;
  }

  /**
   * A listener that observes operations in {@code observations} (timers and spans come from the handlers the
   * application registered there) and counts retries and waits in {@code meters}.
   *
   * @param observations the application's observation registry
   * @param meters the application's meter registry
   * @return the listener
   */
  public static MicrometerOperationListener create(ObservationRegistry observations, MeterRegistry meters) {
    return new MicrometerOperationListener(Objects.requireNonNull(observations, "observations"),
        Objects.requireNonNull(meters, "meters"));
  }

  @Override
  public OperationObserver operationStarted(OperationStart start) {
    if (observations.isNoop()) {
      return new Counting(start.operation().name());
    }
    String name = start.operation().name();
    String template = start.operation().uriTemplate();
    Observation operation = Observation.createNotStarted(OPERATION, Observation.Context::new, observations)
        .contextualName(name)
        .lowCardinalityKeyValue(KEY_OPERATION, name)
        .lowCardinalityKeyValue(KEY_METHOD, start.method() == null ? NO_VALUE
            : start.method().wireValue().toLowerCase(Locale.ROOT))
        .lowCardinalityKeyValue(KEY_URI, template == null ? start.path() : template)
        .start();
    return new Observing(name, operation, start);
  }

  @Override
  public void waiting(Wait wait) {
    recordWait(wait.operation().name(), wait.reason().tagValue(), wait.duration());
  }

  private void recordWait(String operation, String reason, Duration duration) {
    Timer.builder(WAITS).description("Waits of Blip SDK operations before a retry or a rate-limited send")
        .tag(KEY_OPERATION, operation).tag(KEY_REASON, reason).register(meters).record(duration);
  }

  private void countRetry(String operation, AttemptResult result) {
    Counter.builder(RETRIES).description("Retries of Blip SDK operations, by the outcome that caused them")
        .tag(KEY_OPERATION, operation).tag(KEY_REASON, result.outcome().tagValue()).register(meters).increment();
    Duration wait = result.retryWait();
    if (wait != null) {
      recordWait(operation, result.outcome() == AttemptOutcome.RATE_LIMITED ? "rate_limited" : RETRY_BACKOFF, wait);
    }
  }

  /** With a no-op observation registry: retries and waits are still counted. */
  private final class Counting implements OperationObserver {
    private final String name;

    Counting(String name) {
      this.name = name;
    }

    @Override
    public void attemptEnded(AttemptResult result) {
      if (result.willRetry()) {
        countRetry(name, result);
      }
    }
  }

  /** Follows one operation; the client calls it one event at a time. */
  private final class Observing implements OperationObserver {
    private final String name;
    private final Observation operation;
    private final OperationStart start;
    private Observation attempt = Observation.NOOP;

    Observing(String name, Observation operation, OperationStart start) {
      this.name = name;
      this.operation = operation;
      this.start = start;
    }

    @Override
    public void attemptStarted(int number, PropagationHeaders headers) {
      SenderContext<PropagationHeaders> context = new SenderContext<>(
          (carrier, key, value) -> {
            if (carrier != null) {
              carrier.put(key, value);
            }
          }, Kind.CLIENT);
      context.setCarrier(headers);
      context.setRemoteServiceName("blip");
      context.setRemoteServiceAddress(start.serverAddress());
      attempt = Observation.createNotStarted(ATTEMPT, () -> context, observations)
          .contextualName(name + " attempt")
          .parentObservation(operation)
          .lowCardinalityKeyValue(KEY_OPERATION, name)
          .highCardinalityKeyValue(KEY_ATTEMPT, Integer.toString(number))
          .start();
    }

    @Override
    public void attemptEnded(AttemptResult result) {
      attempt.lowCardinalityKeyValue(KEY_OUTCOME, result.outcome().tagValue())
          .lowCardinalityKeyValue(KEY_STATUS, result.statusCode() == 0 ? NO_VALUE : Integer.toString(result.statusCode()))
          .lowCardinalityKeyValue(KEY_RETRY, Boolean.toString(result.willRetry()));
      attempt.stop();
      attempt = Observation.NOOP;
      if (result.willRetry()) {
        countRetry(name, result);
      }
    }

    @Override
    public void operationEnded(OperationResult result) {
      Throwable error = result.error();
      if (error != null) {
        operation.error(error);
      }
      operation.stop();
    }
  }

  @Override
  public String toString() {
    return "MicrometerOperationListener{observations=" + observations + ", meters=" + meters + "}";
  }
}
