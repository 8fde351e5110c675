package dev.blipsdk.core.internal;

import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.Attempt.Body;
import dev.blipsdk.core.internal.json.EnvelopeReader;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends envelopes over OkHttp: auth and user-agent headers, the overall deadline, the retry policy, typed
 * failures, and the one DEBUG line per attempt.
 *
 * <p><b>One attempt loop.</b> Every call is an {@link Exchange}: before each attempt it checks the client is open
 * and the deadline has not passed; an attempt's answer is read the one way there is ({@link Exchange#answered}:
 * status, {@code Retry-After}, the body as bytes checked by the one strict JSON reader, then the codec); {@link Classifier}
 * turns what happened into an {@link Outcome}; {@link Exchange#next} applies the retry policy and the deadline
 * and says what comes next: done, fail, or wait and attempt again. Two drivers run that same exchange: blocking
 * calls on the caller's thread ({@link Call#execute()}, {@link Sleeper#sleep}), async calls from OkHttp's
 * callbacks ({@link Call#enqueue}, {@link Sleeper#delay}). The operation listener's hooks sit in the exchange:
 * an attempt starts in {@link Exchange#newCall} (propagation headers), ends in {@link Exchange#next} (its outcome
 * and the wait that follows), and the operation ends in the driver.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("dev.blipsdk.core.BlipClient");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** How many bytes of an error response are read for its excerpt. */
  private static final long EXCERPT_BYTES = 4L * BlipHttpException.MAX_EXCERPT;

  /** Which endpoint a call goes to. */
  public enum Endpoint {
    /** {@code POST /messages}. */
    MESSAGES("messages"),
    /** {@code POST /notifications}. */
    NOTIFICATIONS("notifications"),
    /** {@code POST /commands}. */
    COMMANDS("commands");

    final String path;

    Endpoint(String path) {
      this.path = path;
    }
  }

  private final OkHttpClient http;
  private final HttpUrl messagesUrl;
  private final HttpUrl notificationsUrl;
  private final HttpUrl commandsUrl;
  /** Authorization, User-Agent and Accept: checked and built once, shared by every request. */
  private final Headers headers;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryPolicy retryPolicy;
  private final Duration deadline;
  private final boolean logBodies;
  private final BooleanSupplier closed;
  private final @Nullable OperationListener listener;

  /**
   * Creates a transport.
   *
   * @param http the OkHttp client
   * @param baseUrl the base URL
   * @param authorization the full Authorization header value ({@code Key ...})
   * @param userAgent the User-Agent value
   * @param clock the clock
   * @param sleeper the sleeper
   * @param retryPolicy the default retry policy
   * @param deadline the default overall deadline
   * @param logBodies whether envelope bodies may be logged at TRACE
   * @param closed whether the client is closed: then no attempt starts
   * @param listener the operation listener, or {@code null}
   */
  public Transport(OkHttpClient http, HttpUrl baseUrl, String authorization, String userAgent, Clock clock,
      Sleeper sleeper, RetryPolicy retryPolicy, Duration deadline, boolean logBodies, BooleanSupplier closed,
      @Nullable OperationListener listener) {
    this.http = http;
    this.messagesUrl = baseUrl.newBuilder().addPathSegment("messages").build();
    this.notificationsUrl = baseUrl.newBuilder().addPathSegment("notifications").build();
    this.commandsUrl = baseUrl.newBuilder().addPathSegment("commands").build();
    this.headers = new Headers.Builder()
        .add("Authorization", authorization)
        .add("User-Agent", userAgent)
        .add("Accept", "application/json")
        .build();
    this.clock = clock;
    this.sleeper = sleeper;
    this.retryPolicy = retryPolicy;
    this.deadline = deadline;
    this.logBodies = logBodies;
    this.closed = closed;
    this.listener = listener;
  }

  /**
   * The operation listener, or {@code null}.
   *
   * @return the listener
   */
  public @Nullable OperationListener listener() {
    return listener;
  }

  /**
   * The default overall deadline of a call.
   *
   * @return the deadline
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Sends an envelope and waits for the result.
   *
   * @param endpoint the endpoint
   * @param envelope the envelope, with its id set
   * @param options per-call options
   * @return the response command for {@link Endpoint#COMMANDS}, the sent envelope otherwise
   */
  public Envelope send(Endpoint endpoint, Envelope envelope, RequestOptions options) {
    return (Envelope) run(new Exchange(endpoint, envelope, options, null));
  }

  /**
   * Executes a command and returns its resource decoded into {@code type}: the same result, exceptions and
   * retries as {@code (Command) send(COMMANDS, command, options)} followed by
   * {@code requireResource().decode(type)}, but a successful response's resource is decoded in the same pass
   * as the envelope.
   *
   * @param command the command, with its id set
   * @param options per-call options
   * @param type the resource's type
   * @param <T> the resource's type
   * @return the decoded resource
   */
  @SuppressWarnings("unchecked")
  public <T> T sendForResource(Command command, RequestOptions options, Class<T> type) {
    return (T) run(new Exchange(Endpoint.COMMANDS, command, options, type));
  }

  /**
   * Sends an envelope without blocking. Cancelling the future cancels the HTTP call in flight and any
   * retry still to come.
   *
   * @param endpoint the endpoint
   * @param envelope the envelope, with its id set
   * @param options per-call options
   * @return the future result, as {@link #send}
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<Envelope> sendAsync(Endpoint endpoint, Envelope envelope, RequestOptions options) {
    Exchange exchange;
    try {
      exchange = new Exchange(endpoint, envelope, options, null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    AsyncDriver driver = new AsyncDriver(exchange);
    if (exchange.tracker != null) {
      driver.whenComplete((result, error) -> exchange.ended(error));
    }
    driver.attempt();
    return (CompletableFuture<Envelope>) (CompletableFuture<?>) driver;
  }

  /** What the loop does after an attempt. */
  private sealed interface Step {
    record Done(Object value) implements Step {}

    record Fail(BlipException error) implements Step {}

    record Wait(Duration duration) implements Step {}
  }

  /** One request and its attempts: the state machine both drivers run. */
  private final class Exchange {
    final Classifier.Asked asked;
    final Envelope envelope;
    final Request request;
    final RetryPolicy policy;
    /** When the deadline passes, on the {@link System#nanoTime()} scale. */
    final long deadlineNanos;
    /** For a command whose caller wants its resource decoded: the type; otherwise null. */
    final @Nullable Class<?> resourceType;
    final @Nullable CommandMethod method;
    /** Reports each attempt and the end to the client's operation listener; null when it has none. */
    final @Nullable OperationTracker tracker;
    /** Attempts started. */
    int attempts;
    long attemptStartNanos;
    @Nullable BlipException last;

    Exchange(Endpoint endpoint, Envelope envelope, RequestOptions options, @Nullable Class<?> resourceType) {
      long start = System.nanoTime();
      this.envelope = envelope;
      this.resourceType = resourceType;
      this.policy = options.retryPolicy() == null ? retryPolicy : options.retryPolicy();
      Duration d = options.deadline() == null ? deadline : options.deadline();
      this.deadlineNanos = start + d.toNanos(); // at most 100 years (the builders cap it): no overflow
      boolean safe = Classifier.safeToRepeat(endpoint, envelope, options.idempotent());
      Command command = envelope instanceof Command c ? c : null;
      this.method = command == null ? null : command.method();
      this.asked = new Classifier.Asked(endpoint, safe, envelope.id(), method, command == null ? null : command.uri(),
          d.toMillis());
      byte[] body = EnvelopeCodec.toBytes(envelope);
      if (logBodies && LOG.isTraceEnabled()) {
        LOG.trace("{} request body: {}", endpoint.path, new String(body, StandardCharsets.UTF_8));
      }
      this.request = new Request.Builder()
          .url(endpoint == Endpoint.MESSAGES ? messagesUrl
              : endpoint == Endpoint.NOTIFICATIONS ? notificationsUrl : commandsUrl)
          .headers(headers)
          .post(new EnvelopeBody(body, !safe))
          .build();
      Operation named = options.operation();
      this.tracker = listener == null ? null : OperationTracker.start(listener, named != null ? named
          : command != null ? Operation.command(command.uri())
          : endpoint == Endpoint.NOTIFICATIONS ? Operation.NOTIFICATION_SEND : Operation.MESSAGE_SEND,
          method, "/" + endpoint.path, commandsUrl.host(), commandsUrl.port(), commandsUrl.scheme());
    }

    /** Reports the end of the exchange to the listener, if any. */
    void ended(@Nullable Throwable error) {
      if (tracker != null) {
        tracker.operationEnded(error);
      }
    }

    /** The error that ends the exchange before another attempt (closed client, deadline passed), or null. */
    @Nullable BlipException stopBeforeAttempt() {
      if (closed.getAsBoolean()) {
        return Classifier.closed(asked.what(), attempts, envelope.id(), null);
      }
      if (deadlineNanos - System.nanoTime() <= 0) {
        return Classifier.deadlineExceeded(asked, attempts, last, null);
      }
      return null;
    }

    Call newCall() {
      attempts++;
      attemptStartNanos = System.nanoTime();
      return http.newCall(tracker == null ? request : tracker.attemptStarted(attempts, request));
    }

    /** An answer came: the status, {@code Retry-After} and the body, read the one way there is. */
    Attempt answered(Response response, DeadlineWatchdog.Watch watch) {
      int code = response.code();
      boolean ok = code >= 200 && code < 300;
      Body body;
      try {
        if (!ok) {
          byte[] start = bytes(response.body().source(), EXCERPT_BYTES);
          String text = new String(start, StandardCharsets.UTF_8);
          body = new Body.Excerpt(text.length() > BlipHttpException.MAX_EXCERPT
              ? text.substring(0, BlipHttpException.MAX_EXCERPT) : text);
        } else if (asked.endpoint() != Endpoint.COMMANDS) {
          body = new Body.Decoded(envelope); // a 202's body means nothing
        } else {
          body = decode(bytes(response.body().source(), Long.MAX_VALUE));
        }
      } catch (IOException e) {
        body = ok ? new Body.Cut(e) : new Body.Excerpt("");
      }
      return new Attempt.Answered(code, response.header("Retry-After"), body, watch.expired());
    }

    /** No answer came. */
    Attempt failed(IOException e, DeadlineWatchdog.Watch watch, Call call) {
      if (e.getCause() instanceof RejectedExecutionException) {
        // the client's dispatcher was shut down by close(): the call never started
        return new Attempt.NotSent(e, true);
      }
      if (!watch.expired() && !call.isCanceled() && Classifier.isConnectFailure(e)) {
        return new Attempt.NotSent(e, false);
      }
      return new Attempt.Broken(e, watch.expired(), call.isCanceled() && !watch.expired());
    }

    private Body decode(byte[] bytes) {
      if (logBodies && LOG.isTraceEnabled()) {
        LOG.trace("commands response body: {}", new String(bytes, StandardCharsets.UTF_8));
      }
      if (bytes.length == 0) {
        return new Body.Malformed("the body is empty", null);
      }
      if (resourceType != null) {
        // the one-pass read of the common case, by the one reader's strict cursor (it reads the whole body, so a
        // body it decodes is strict RFC 8259 JSON); anything else is checked and read by the two-step path below
        Object resource = EnvelopeCodec.readCommandResource(bytes, resourceType);
        if (resource != null) {
          return new Body.Decoded(resource);
        }
      }
      Command command;
      try {
        // the SDK's one reader, strict to RFC 8259 (no raw control character or \' in a string), as for
        // webhooks: the grammar check and the envelope in one pass
        command = EnvelopeReader.readResponse(bytes, method);
      } catch (BlipProtocolException e) {
        EnvelopeReader.Problem problem = EnvelopeReader.problemOf(e);
        return new Body.Malformed(problem == EnvelopeReader.Problem.MALFORMED
            || problem == EnvelopeReader.Problem.TOO_DEEP ? "not RFC 8259 JSON: " + e.getMessage() : e.getMessage(), e);
      }
      if (command.status() == CommandStatus.FAILURE) {
        return new Body.CommandFailed(command.reason(), command.metadata().get("#command.uri"));
      }
      if (resourceType == null) {
        return new Body.Decoded(command);
      }
      try {
        return new Body.Decoded(command.requireResource().decode(resourceType));
      } catch (RuntimeException e) {
        return new Body.WrongResource(String.valueOf(e.getMessage()), e.getCause());
      }
    }

    /** Classifies the attempt that ended and decides what comes next. */
    Step next(Attempt happened) {
      Outcome outcome = Classifier.classify(asked, attempts, happened, clock.instant());
      Duration wait = outcome instanceof Outcome.Retry r ? waitBeforeRetry(r) : null;
      log(outcome, wait);
      if (tracker != null) {
        // the one place each attempt ends: its outcome and the wait that follows, for the listener
        tracker.attemptEnded(Classifier.kind(happened, outcome),
            happened instanceof Attempt.Answered a ? a.status() : 0, wait);
      }
      if (outcome instanceof Outcome.Success s) {
        return new Step.Done(s.value());
      }
      BlipException error = outcome instanceof Outcome.Retry r ? r.error() : ((Outcome.Failure) outcome).error();
      last = error;
      return wait == null ? new Step.Fail(error) : new Step.Wait(wait);
    }

    /** The wait before the next attempt, or null when none may follow (attempts used up, deadline too near). */
    private @Nullable Duration waitBeforeRetry(Outcome.Retry retry) {
      if (attempts >= policy.maxAttempts() || closed.getAsBoolean()) {
        return null;
      }
      Duration wait = policy.backoff(attempts, ThreadLocalRandom.current().nextDouble());
      Duration retryAfter = retry.retryAfter();
      if (retryAfter != null && policy.honorRetryAfter() && retryAfter.compareTo(wait) > 0) {
        wait = retryAfter;
      }
      // a wait that would pass the deadline cannot lead anywhere: fail now with the real error
      return wait.compareTo(Duration.ofNanos(deadlineNanos - System.nanoTime())) >= 0 ? null : wait;
    }

    private void log(Outcome outcome, @Nullable Duration wait) {
      if (!LOG.isDebugEnabled()) {
        return;
      }
      long ms = (System.nanoTime() - attemptStartNanos) / 1_000_000;
      String result;
      if (outcome instanceof Outcome.Success s) {
        result = s.value() instanceof Command c && c.status() != null && c.status() != CommandStatus.SUCCESS
            ? String.valueOf(c.status()).toLowerCase(Locale.ROOT)
            : asked.endpoint() == Endpoint.COMMANDS ? "success" : "accepted";
      } else {
        BlipException e = outcome instanceof Outcome.Retry r ? r.error() : ((Outcome.Failure) outcome).error();
        result = e.getClass().getSimpleName() + (e instanceof BlipHttpException h ? " " + h.statusCode() : "")
            + (e instanceof BlipCommandException ce ? " code " + ce.reasonCode() : "");
      }
      LOG.debug("{} -> {} (attempt {}, {} ms, id {}){}", asked.what(), result, attempts, ms, envelope.id(),
          wait == null ? "" : ", will retry in " + wait.toMillis() + " ms");
    }
  }

  /** Reads at most {@code limit} bytes of a body: the one way a response body is read. */
  private static byte[] bytes(BufferedSource source, long limit) throws IOException {
    if (limit == Long.MAX_VALUE) {
      return source.readByteArray();
    }
    source.request(limit);
    Buffer buffer = source.getBuffer();
    return buffer.readByteArray(Math.min(limit, buffer.size()));
  }

  /** The blocking driver: the exchange on the caller's thread. */
  private Object run(Exchange x) {
    try {
      Object result = loop(x);
      x.ended(null);
      return result;
    } catch (RuntimeException e) {
      x.ended(e);
      throw e;
    }
  }

  private Object loop(Exchange x) {
    while (true) {
      BlipException stop = x.stopBeforeAttempt();
      if (stop != null) {
        throw stop;
      }
      Call call = x.newCall();
      DeadlineWatchdog.Watch watch = DeadlineWatchdog.INSTANCE.watch(call, x.deadlineNanos);
      Attempt happened;
      try (watch; Response response = call.execute()) {
        happened = x.answered(response, watch);
      } catch (IOException e) {
        happened = x.failed(e, watch, call);
      }
      Step step = x.next(happened);
      if (step instanceof Step.Done done) {
        return done.value();
      }
      if (step instanceof Step.Fail fail) {
        throw fail.error();
      }
      try {
        sleeper.sleep(((Step.Wait) step).duration());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlipConnectionException("interrupted while waiting to retry " + x.asked.what(), e, false,
            x.attempts, x.envelope.id());
      }
    }
  }

  /** The async driver: the same exchange, moved on by OkHttp's callbacks and the sleeper's delays. */
  private final class AsyncDriver extends CompletableFuture<Object> {
    private final Exchange x;
    /** The call or delay in flight, cancelled with this future. */
    private final AtomicReference<@Nullable Object> inFlight = new AtomicReference<>();

    AsyncDriver(Exchange x) {
      this.x = x;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      cancelInFlight();
      return cancelled;
    }

    private void cancelInFlight() {
      Object current = inFlight.get();
      if (current instanceof Call call) {
        call.cancel();
      } else if (current instanceof Future<?> delay) {
        delay.cancel(false);
      }
    }

    void attempt() {
      if (isDone()) {
        return;
      }
      BlipException stop = x.stopBeforeAttempt();
      if (stop != null) {
        completeExceptionally(stop);
        return;
      }
      Call call = x.newCall();
      inFlight.set(call);
      if (isCancelled()) {
        call.cancel();
        return;
      }
      DeadlineWatchdog.Watch watch = DeadlineWatchdog.INSTANCE.watch(call, x.deadlineNanos);
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          Attempt happened;
          try (watch; response) {
            happened = x.answered(response, watch);
          } catch (RuntimeException e) {
            completeExceptionally(e);
            return;
          }
          after(happened);
        }

        @Override
        public void onFailure(Call c, IOException e) {
          watch.close();
          if (isCancelled()) {
            return;
          }
          after(x.failed(e, watch, c));
        }
      });
    }

    private void after(Attempt happened) {
      Step step;
      try {
        step = x.next(happened);
      } catch (RuntimeException e) {
        completeExceptionally(e);
        return;
      }
      if (step instanceof Step.Done done) {
        complete(done.value());
      } else if (step instanceof Step.Fail fail) {
        completeExceptionally(fail.error());
      } else {
        CompletableFuture<Void> delay = sleeper.delay(((Step.Wait) step).duration());
        inFlight.set(delay);
        if (isCancelled()) {
          delay.cancel(false);
          return;
        }
        delay.whenComplete((ignored, error) -> {
          if (error == null) {
            attempt();
          } else if (!isDone()) {
            completeExceptionally(error);
          }
        });
      }
    }
  }

  /** A request body that OkHttp must not silently resend once it started sending it. */
  private static final class EnvelopeBody extends RequestBody {
    private final byte[] bytes;
    private final boolean oneShot;

    EnvelopeBody(byte[] bytes, boolean oneShot) {
      this.bytes = bytes;
      this.oneShot = oneShot;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean isOneShot() {
      return oneShot;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }
}
