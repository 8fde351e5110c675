package dev.blipsdk.core.internal;

import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BadRequestException;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.exception.GatewayTimeoutException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.exception.ServerException;
import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends envelopes over OkHttp: auth and user-agent headers, the overall deadline, the retry policy,
 * mapping of HTTP and LIME failures to typed exceptions, and the one DEBUG line per call. Blocking calls
 * run on the caller's thread ({@link Call#execute()}); async calls use {@link Call#enqueue}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger("dev.blipsdk.core.BlipClient");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Deadlines longer than this (about 100 years) are kept at it. */
  private static final long MAX_DEADLINE_NANOS = TimeUnit.DAYS.toNanos(36_500);

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
   * @param listener the operation listener, or {@code null}
   */
  public Transport(OkHttpClient http, HttpUrl baseUrl, String authorization, String userAgent, Clock clock,
      Sleeper sleeper, RetryPolicy retryPolicy, Duration deadline, boolean logBodies,
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
    this.listener = listener;
  }

  /** What one call needs to know, fixed before the first attempt. */
  private final class Plan {
    final Endpoint endpoint;
    final Envelope envelope;
    final Request request;
    final boolean safeToRepeat;
    final RetryPolicy policy;
    final long deadlineMillis;
    final long startNanos = System.nanoTime();
    /** When the deadline passes, on the {@link System#nanoTime()} scale. */
    final long deadlineNanos;
    final long startMillis;
    /** For a command whose caller wants its resource decoded: the type; otherwise null. */
    final @Nullable Class<?> resourceType;
    /** Reports to the listener; null when the client has none. */
    final @Nullable OperationTracker tracker;

    Plan(Endpoint endpoint, Envelope envelope, RequestOptions options, @Nullable Class<?> resourceType) {
      this.endpoint = endpoint;
      this.envelope = envelope;
      this.resourceType = resourceType;
      this.policy = options.retryPolicy() == null ? retryPolicy : options.retryPolicy();
      Duration d = options.deadline() == null ? deadline : options.deadline();
      this.deadlineMillis = d.toMillis();
      // saturate: a deadline of centuries is "none", and must not overflow the nanosecond arithmetic
      this.deadlineNanos = startNanos + Math.min(TimeUnit.MILLISECONDS.toNanos(deadlineMillis), MAX_DEADLINE_NANOS);
      this.startMillis = clock.millis();
      boolean getCommand = envelope instanceof Command c && c.method() == CommandMethod.GET;
      this.safeToRepeat = options.idempotent() == null ? getCommand : options.idempotent();
      byte[] body = EnvelopeCodec.toBytes(envelope);
      if (logBodies && LOG.isTraceEnabled()) {
        LOG.trace("{} request body: {}", endpoint.path, new String(body, java.nio.charset.StandardCharsets.UTF_8));
      }
      this.request = new Request.Builder()
          .url(endpoint == Endpoint.MESSAGES ? messagesUrl
              : endpoint == Endpoint.NOTIFICATIONS ? notificationsUrl : commandsUrl)
          .headers(headers)
          .post(new EnvelopeBody(body, !safeToRepeat))
          .build();
      this.tracker = listener == null ? null : OperationTracker.start(listener, operation(options),
          envelope instanceof Command c ? c.method() : null, "/" + endpoint.path, commandsUrl.host(),
          commandsUrl.port(), commandsUrl.scheme());
    }

    private Operation operation(RequestOptions options) {
      Operation named = options.operation();
      if (named != null) {
        return named;
      }
      return envelope instanceof Command c ? Operation.command(c.uri())
          : endpoint == Endpoint.NOTIFICATIONS ? Operation.NOTIFICATION_SEND : Operation.MESSAGE_SEND;
    }

    Request request(int attempt) {
      return tracker == null ? request : tracker.attemptStarted(attempt, request);
    }

    void attemptEnded(Outcome outcome, @Nullable Duration wait) {
      if (tracker != null) {
        tracker.attemptEnded(outcome.kind(), outcome.status(), wait);
      }
    }

    long remainingMillis() {
      return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    String describe() {
      if (envelope instanceof Command c) {
        return "POST /commands " + c.method().wireValue() + " " + Redaction.uri(c.uri());
      }
      return "POST /" + endpoint.path;
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

  /** The outcome of one attempt: a result, or an error with whether and how long to wait. */
  private record Outcome(@Nullable Object result, @Nullable BlipException error, boolean retry,
      @Nullable Duration retryAfter, AttemptOutcome kind, int status) {
    static Outcome success(Object result, int status) {
      return new Outcome(result, null, false, null, AttemptOutcome.SUCCESS, status);
    }
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
    return (Envelope) send(new Plan(endpoint, envelope, options, null));
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
    return (T) send(new Plan(Endpoint.COMMANDS, command, options, type));
  }

  private Object send(Plan plan) {
    OperationTracker tracker = plan.tracker;
    if (tracker == null) {
      return attempts(plan);
    }
    try {
      Object result = attempts(plan);
      tracker.operationEnded(null);
      return result;
    } catch (RuntimeException e) {
      tracker.operationEnded(e);
      throw e;
    }
  }

  private Object attempts(Plan plan) {
    Envelope envelope = plan.envelope;
    BlipException last = null;
    for (int attempt = 1; ; attempt++) {
      long remaining = plan.remainingMillis();
      if (remaining <= 0) {
        throw deadlineExceeded(plan, attempt - 1, last);
      }
      Call call = http.newCall(plan.request(attempt));
      DeadlineWatchdog.Watch watch = DeadlineWatchdog.INSTANCE.watch(call, plan.deadlineNanos);
      long attemptStart = System.nanoTime();
      Outcome outcome;
      try (watch; Response response = call.execute()) {
        outcome = handleResponse(plan, response, attempt);
      } catch (IOException e) {
        outcome = handleFailure(plan, e, attempt, watch.expired(), call.isCanceled());
      }
      log(plan, attempt, attemptStart, outcome);
      Duration wait = outcome.result() != null ? null : nextWait(plan, attempt, outcome);
      plan.attemptEnded(outcome, wait);
      if (outcome.result() != null) {
        return outcome.result();
      }
      last = outcome.error();
      if (wait == null) {
        throw last;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlipConnectionException("interrupted while waiting to retry " + plan.describe(), e, false,
            attempt, envelope.id());
      }
    }
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
  public CompletableFuture<Envelope> sendAsync(Endpoint endpoint, Envelope envelope, RequestOptions options) {
    Plan plan;
    try {
      plan = new Plan(endpoint, envelope, options, null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    AsyncCall async = new AsyncCall(plan);
    OperationTracker tracker = plan.tracker;
    if (tracker != null) {
      async.whenComplete((result, error) -> tracker.operationEnded(error));
    }
    async.attempt(1, null);
    return async;
  }

  private final class AsyncCall extends CompletableFuture<Envelope> {
    private final Plan plan;
    private final AtomicReference<@Nullable Call> current = new AtomicReference<>();

    AsyncCall(Plan plan) {
      this.plan = plan;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call call = current.get();
      if (call != null) {
        call.cancel();
      }
      return cancelled;
    }

    void attempt(int attempt, @Nullable BlipException last) {
      if (isDone()) {
        return;
      }
      long remaining = plan.remainingMillis();
      if (remaining <= 0) {
        completeExceptionally(deadlineExceeded(plan, attempt - 1, last));
        return;
      }
      Call call = http.newCall(plan.request(attempt));
      current.set(call);
      if (isCancelled()) {
        return;
      }
      DeadlineWatchdog.Watch watch = DeadlineWatchdog.INSTANCE.watch(call, plan.deadlineNanos);
      long attemptStart = System.nanoTime();
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          Outcome outcome;
          try (watch; response) {
            outcome = handleResponse(plan, response, attempt);
          } catch (IOException e) {
            outcome = handleFailure(plan, e, attempt, watch.expired(), false);
          } catch (RuntimeException e) {
            completeExceptionally(e);
            return;
          }
          after(attempt, attemptStart, outcome);
        }

        @Override
        public void onFailure(Call c, IOException e) {
          watch.close();
          if (isCancelled()) {
            return;
          }
          after(attempt, attemptStart, handleFailure(plan, e, attempt, watch.expired(), c.isCanceled()));
        }
      });
    }

    private void after(int attempt, long attemptStart, Outcome outcome) {
      log(plan, attempt, attemptStart, outcome);
      Duration wait = outcome.result() != null ? null : nextWait(plan, attempt, outcome);
      plan.attemptEnded(outcome, wait);
      if (outcome.result() != null) {
        complete((Envelope) outcome.result());
        return;
      }
      if (wait == null) {
        completeExceptionally(outcome.error());
        return;
      }
      sleeper.delay(wait).whenComplete((ignored, err) -> {
        if (err != null) {
          completeExceptionally(err);
        } else {
          attempt(attempt + 1, outcome.error());
        }
      });
    }
  }

  private @Nullable Duration nextWait(Plan plan, int attempt, Outcome outcome) {
    if (!outcome.retry() || attempt >= plan.policy.maxAttempts()) {
      return null;
    }
    Duration wait = plan.policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
    if (outcome.retryAfter() != null && plan.policy.honorRetryAfter() && outcome.retryAfter().compareTo(wait) > 0) {
      wait = outcome.retryAfter();
    }
    // A wait that would pass the deadline cannot lead anywhere: fail now with the real error.
    if (wait.toMillis() >= plan.remainingMillis()) {
      return null;
    }
    return wait;
  }

  private Outcome handleResponse(Plan plan, Response response, int attempt) throws IOException {
    int code = response.code();
    String id = plan.envelope.id();
    if (code >= 200 && code < 300) {
      if (plan.endpoint != Endpoint.COMMANDS) {
        return Outcome.success(plan.envelope, code);
      }
      ResponseBody body = response.body();
      Command command;
      boolean traceBodies = logBodies && LOG.isTraceEnabled();
      if (plan.resourceType != null && !traceBodies) {
        // The body's bytes, kept for the fallback. Not Buffer.copy() or source.peek(): both share okio
        // segments, and a shared segment is never returned to okio's pool (measured: +7 KiB a call).
        byte[] bytes = body.bytes();
        Object resource = EnvelopeCodec.readCommandResource(new okio.Buffer().write(bytes), plan.resourceType);
        if (resource != null) {
          return Outcome.success(resource, code);
        }
        // the two-step read below gives the same result, or exception and message, as execute + decode
        command = EnvelopeCodec.readCommand(new okio.Buffer().write(bytes));
      } else if (traceBodies) {
        String text = body.string();
        LOG.trace("commands response body: {}", text);
        command = EnvelopeCodec.readCommand(new okio.Buffer().writeUtf8(text));
      } else {
        command = EnvelopeCodec.readCommand(body.source());
      }
      if (command.status() == CommandStatus.FAILURE) {
        Command request = (Command) plan.envelope;
        Reason reason = command.reason() == null
            ? new Reason(null, "the server reported a failure without a reason") : command.reason();
        return new Outcome(null, new BlipCommandException(reason, id, request.method().wireValue(),
            request.uri(), attempt), false, null, AttemptOutcome.COMMAND_FAILURE, code);
      }
      if (plan.resourceType != null) {
        return Outcome.success(command.requireResource().decode(plan.resourceType), code);
      }
      return Outcome.success(command, code);
    }
    String excerpt = excerpt(response);
    String what = plan.describe();
    return switch (code) {
      case 400 -> new Outcome(null, new BadRequestException(what + " was rejected with 400 Bad Request: the"
          + " envelope is malformed or has bad fields", "/" + plan.endpoint.path, excerpt, attempt, id), false,
          null, AttemptOutcome.CLIENT_ERROR, code);
      case 401 -> new Outcome(null, new AuthenticationException(what + " was rejected with 401 Unauthorized:"
          + " check the bot identifier and access key (or the 'Key ...' value) from the portal",
          "/" + plan.endpoint.path, excerpt, attempt, id), false, null, AttemptOutcome.CLIENT_ERROR, code);
      case 429 -> {
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        yield new Outcome(null, new RateLimitException(what + " was rate limited (429); the plan's throughput"
            + " limit was exceeded" + (retryAfter == null ? "" : ", server asked to wait " + retryAfter),
            "/" + plan.endpoint.path, excerpt, retryAfter, attempt, id), true, retryAfter,
            AttemptOutcome.RATE_LIMITED, code);
      }
      case 502, 503 -> serverError(plan, code, excerpt, attempt, true);
      case 504 -> {
        boolean retry = plan.safeToRepeat;
        yield new Outcome(null, new GatewayTimeoutException(what + " got 504: Blip had no response within its"
            + " 60 s limit; the request may have taken effect" + (retry ? "" : " (not retried: not safe to repeat)"),
            "/" + plan.endpoint.path, excerpt, retry, attempt, id), retry, null, AttemptOutcome.SERVER_ERROR, code);
      }
      default -> code >= 500 ? serverError(plan, code, excerpt, attempt, false)
          : new Outcome(null, new BlipHttpException(what + " got unexpected HTTP " + code, code,
              "/" + plan.endpoint.path, excerpt, false, attempt, id), false, null,
              code >= 400 ? AttemptOutcome.CLIENT_ERROR : AttemptOutcome.PROTOCOL_ERROR, code);
    };
  }

  private Outcome serverError(Plan plan, int code, String excerpt, int attempt, boolean gatewayError) {
    // 502/503 come from a gateway that may or may not have passed the request on: only safe requests
    // are repeated. 500 and other 5xx are repeated only for safe requests as well.
    boolean retry = plan.safeToRepeat;
    return new Outcome(null, new ServerException(plan.describe() + " got HTTP " + code
        + (gatewayError ? " from Blip's gateway" : " from Blip") + (retry ? "" : "; not retried: not safe to"
        + " repeat (it may have taken effect)"), code, "/" + plan.endpoint.path, excerpt, retry, attempt,
        plan.envelope.id()), retry, null, AttemptOutcome.SERVER_ERROR, code);
  }

  private static String excerpt(Response response) {
    try {
      return response.peekBody(BlipHttpException.MAX_EXCERPT).string();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private Outcome handleFailure(Plan plan, IOException e, int attempt, boolean deadlinePassed,
      boolean cancelled) {
    String id = plan.envelope.id();
    String what = plan.describe();
    if (deadlinePassed) {
      // the watchdog cancelled the call: the deadline, not the caller
      return new Outcome(null, deadlineExceeded(plan, attempt, null, e), false, null,
          AttemptOutcome.DEADLINE_EXCEEDED, 0);
    }
    if (cancelled) {
      return new Outcome(null, new BlipConnectionException(what + " was cancelled", new CancellationException(
          e.getMessage()), false, attempt, id), false, null, AttemptOutcome.CANCELLED, 0);
    }
    if (isConnectFailure(e)) {
      return new Outcome(null, new BlipConnectionException(what + " could not connect to Blip: " + e.getMessage()
          + " (nothing was sent)", e, true, attempt, id), true, null, AttemptOutcome.CONNECT_FAILURE, 0);
    }
    boolean retry = plan.safeToRepeat;
    String note = retry ? "" : "; not retried: the request may have reached Blip and is not safe to repeat";
    if (e instanceof SocketTimeoutException) {
      return new Outcome(null, new BlipTimeoutException(what + " timed out waiting for Blip's response" + note,
          e, retry, attempt, id), retry, null, AttemptOutcome.TIMEOUT, 0);
    }
    return new Outcome(null, new BlipConnectionException(what + " lost the connection to Blip: "
        + e.getMessage() + note, e, retry, attempt, id), retry, null, AttemptOutcome.CONNECTION_LOST, 0);
  }

  private static boolean isConnectFailure(IOException e) {
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
      return true;
    }
    String msg = e.getMessage();
    return e instanceof SocketTimeoutException && msg != null && msg.toLowerCase(java.util.Locale.ROOT)
        .contains("connect");
  }

  private BlipTimeoutException deadlineExceeded(Plan plan, int attempts, @Nullable BlipException last) {
    return deadlineExceeded(plan, attempts, last, null);
  }

  private BlipTimeoutException deadlineExceeded(Plan plan, int attempts, @Nullable BlipException last,
      @Nullable Throwable io) {
    return new BlipTimeoutException(plan.describe() + " exceeded its deadline of " + plan.deadlineMillis
        + " ms after " + attempts + " attempt(s)" + (last == null ? "" : "; last error: " + last.getMessage()),
        last != null ? last : io, false, attempts, plan.envelope.id());
  }

  /**
   * Parses a {@code Retry-After} header: seconds, or an HTTP-date relative to the clock.
   *
   * @param value the header value
   * @return the wait, or {@code null} when absent or unreadable
   */
  public @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private void log(Plan plan, int attempt, long attemptStartNanos, Outcome outcome) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attemptStartNanos);
    String result;
    if (outcome.result() != null && plan.resourceType != null) {
      result = "success";
    } else if (outcome.result() instanceof Command c) {
      result = "success";
      if (c.status() != CommandStatus.SUCCESS) {
        result = String.valueOf(c.status()).toLowerCase(java.util.Locale.ROOT);
      }
    } else if (outcome.result() != null) {
      result = "accepted";
    } else {
      BlipException e = outcome.error();
      result = e == null ? "?" : e.getClass().getSimpleName()
          + (e instanceof BlipHttpException h ? " " + h.statusCode() : "")
          + (e instanceof BlipCommandException ce ? " code " + ce.reasonCode() : "");
    }
    LOG.debug("{} -> {} (attempt {}, {} ms, id {}){}", plan.describe(), result, attempt, ms, plan.envelope.id(),
        outcome.retry() ? ", will retry" : "");
  }
}
