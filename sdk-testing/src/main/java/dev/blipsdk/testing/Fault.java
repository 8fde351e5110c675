package dev.blipsdk.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transport fault to inject with {@link FakeBlip#inject(Fault)}: every fault the SDK claims to survive, so you
 * can test your own code against them. Added latency; an HTTP error status (429 with {@code Retry-After} in
 * seconds, as an HTTP-date or absent; 500, 502, 503, 504...); an HTML 502 page from a proxy; a status line that is
 * not HTTP; a connection dropped or reset (TCP RST) before or after the request was processed; a response that
 * never comes; and a 200 whose body is cut, stalls part-way, is empty, is malformed JSON or is not an envelope.
 *
 * <p>A fault applies to every route unless narrowed with {@link #onPath(String)} ({@code /commands},
 * {@code /messages}, {@code /notifications}) or {@link #onCommandUri(String)}; it fires {@link #once()} by
 * default, or {@link #times(int)}, or {@link #always()}; {@link #withProbability(double)} makes it fire on a
 * seeded share of the matching requests instead ({@link FakeBlip.Builder#faultSeed(long)}), which is how a chaos
 * test spreads every kind over a run and replays the same spread with the same seed.
 *
 * <p>What a fault does to state: {@linkplain #status(int) status} faults, {@link #proxyErrorPage()},
 * {@link #garbageStatusLine()}, {@link #dropBeforeRead()} and {@link #resetBeforeRead()} answer without processing
 * the envelope (nothing changes); {@link #dropAfterRead()}, {@link #resetAfterRead()}, {@link #noResponse()},
 * {@link #truncatedBody()}, {@link #stalledBody()}, {@link #emptyBody()}, {@link #malformedBody()} and
 * {@link #notAnEnvelope()} process it first (the message is sent, the contact saved) and then break the response,
 * which is what makes a blind retry dangerous. Latency delays the response headers on the wire (real time, not
 * the {@link FakeClock}) and combines with the other kinds.
 *
 * <pre>{@code
 * fake.inject(Fault.status(503).onPath("/commands").times(2));
 * fake.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).once());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
  /** The kind of fault. */
  public enum Kind {
    /** Delay the response. */
    LATENCY,
    /** Answer an HTTP status instead of processing. */
    STATUS,
    /** Close the connection without processing the request. */
    DROP_BEFORE_READ,
    /** Process the request, then close the connection without answering. */
    DROP_AFTER_READ,
    /** Process the request and never answer (the socket stays open until the client gives up). */
    NO_RESPONSE,
    /** Process the request and cut the response body halfway. */
    TRUNCATED_BODY,
    /** Reset the connection (TCP RST) without processing the request. */
    RESET_BEFORE_READ,
    /** Process the request, then reset the connection (TCP RST) without answering. */
    RESET_AFTER_READ,
    /** Process the request, send half the response body, then never the rest. */
    STALLED_BODY,
    /** Process the request and answer 200 with an empty body. */
    EMPTY_BODY,
    /** Process the request and answer 200 with JSON that is cut off (it does not parse). */
    MALFORMED_BODY,
    /** Process the request and answer 200 with well-formed JSON that is not an envelope. */
    NOT_AN_ENVELOPE,
    /** Answer a status line that is not HTTP, without processing the request. */
    GARBAGE_STATUS_LINE,
    /** Answer 502 with a proxy's HTML page, without processing the request. */
    PROXY_ERROR_PAGE
  }

  /** Fire forever. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  private final Kind kind;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final Duration latency;
  private final @Nullable String path;
  private final @Nullable String commandUriPrefix;
  private final int times;
  private final boolean retryAfterAsDate;
  private final double probability;

  private Fault(Kind kind, int status, @Nullable Duration retryAfter, Duration latency, @Nullable String path,
      @Nullable String commandUriPrefix, int times) {
    this(kind, status, retryAfter, latency, path, commandUriPrefix, times, false, 1.0);
  }

  private Fault(Kind kind, int status, @Nullable Duration retryAfter, Duration latency, @Nullable String path,
      @Nullable String commandUriPrefix, int times, boolean retryAfterAsDate, double probability) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.latency = latency;
    this.path = path;
    this.commandUriPrefix = commandUriPrefix;
    this.times = times;
    this.retryAfterAsDate = retryAfterAsDate;
    this.probability = probability;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, 0, null, Duration.ZERO, null, null, 1);
  }

  private Fault with(@Nullable String path, @Nullable String uriPrefix, int times, double probability) {
    return new Fault(kind, status, retryAfter, latency, path, uriPrefix, times, retryAfterAsDate, probability);
  }

  /**
   * Delays the response headers by this much (wall-clock time).
   *
   * @param delay the delay
   * @return the fault
   * @throws IllegalArgumentException if the delay is negative
   */
  public static Fault latency(Duration delay) {
    if (Objects.requireNonNull(delay, "delay").isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + delay);
    }
    return new Fault(Kind.LATENCY, 0, null, delay, null, null, 1);
  }

  /**
   * Answers this HTTP status with an empty body, without processing the request.
   *
   * @param httpStatus e.g. 500, 502, 503, 504, 429
   * @return the fault
   * @throws IllegalArgumentException if the status is not 400-599
   */
  public static Fault status(int httpStatus) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    return new Fault(Kind.STATUS, httpStatus, null, Duration.ZERO, null, null, 1);
  }

  /**
   * Answers 429, with {@code Retry-After} in whole seconds when {@code retryAfter} is not null.
   *
   * @param retryAfter the header value, or null for no header
   * @return the fault
   */
  public static Fault tooManyRequests(@Nullable Duration retryAfter) {
    return new Fault(Kind.STATUS, 429, retryAfter, Duration.ZERO, null, null, 1);
  }

  /**
   * Answers 429 with {@code Retry-After} as an HTTP-date ({@code Wed, 01 Jan 2025 00:00:30 GMT}): the fake clock's
   * time plus {@code retryAfter}, rounded up to the whole second.
   *
   * @param retryAfter how far ahead the date is
   * @return the fault
   * @throws IllegalArgumentException if negative
   */
  public static Fault tooManyRequestsUntil(Duration retryAfter) {
    if (Objects.requireNonNull(retryAfter, "retryAfter").isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    return new Fault(Kind.STATUS, 429, retryAfter, Duration.ZERO, null, null, 1, true, 1.0);
  }

  /**
   * Answers 502 with an HTML page, as a proxy in front of Blip does, without processing the request.
   *
   * @return the fault
   */
  public static Fault proxyErrorPage() {
    return of(Kind.PROXY_ERROR_PAGE);
  }

  /**
   * Answers a status line that is not HTTP, without processing the request.
   *
   * @return the fault
   */
  public static Fault garbageStatusLine() {
    return of(Kind.GARBAGE_STATUS_LINE);
  }

  /**
   * Resets the connection (TCP RST) without processing the request.
   *
   * @return the fault
   */
  public static Fault resetBeforeRead() {
    return of(Kind.RESET_BEFORE_READ);
  }

  /**
   * Processes the request, then resets the connection (TCP RST) without answering.
   *
   * @return the fault
   */
  public static Fault resetAfterRead() {
    return of(Kind.RESET_AFTER_READ);
  }

  /**
   * Processes the request, sends the headers and half the body, then nothing more (the socket stays open until
   * the client gives up: its read timeout or deadline).
   *
   * @return the fault
   */
  public static Fault stalledBody() {
    return of(Kind.STALLED_BODY);
  }

  /**
   * Processes the request and answers 200 with an empty body.
   *
   * @return the fault
   */
  public static Fault emptyBody() {
    return of(Kind.EMPTY_BODY);
  }

  /**
   * Processes the request and answers 200 with JSON cut off part-way (it does not parse).
   *
   * @return the fault
   */
  public static Fault malformedBody() {
    return of(Kind.MALFORMED_BODY);
  }

  /**
   * Processes the request and answers 200 with well-formed JSON that is not a LIME envelope.
   *
   * @return the fault
   */
  public static Fault notAnEnvelope() {
    return of(Kind.NOT_AN_ENVELOPE);
  }

  /**
   * Closes the connection without processing the request.
   *
   * @return the fault
   */
  public static Fault dropBeforeRead() {
    return of(Kind.DROP_BEFORE_READ);
  }

  /**
   * Processes the request, then closes the connection without answering.
   *
   * @return the fault
   */
  public static Fault dropAfterRead() {
    return of(Kind.DROP_AFTER_READ);
  }

  /**
   * Processes the request and never answers.
   *
   * @return the fault
   */
  public static Fault noResponse() {
    return of(Kind.NO_RESPONSE);
  }

  /**
   * Processes the request and cuts the response body halfway.
   *
   * @return the fault
   */
  public static Fault truncatedBody() {
    return of(Kind.TRUNCATED_BODY);
  }

  /**
   * Only on this HTTP path.
   *
   * @param httpPath {@code /commands}, {@code /messages} or {@code /notifications}
   * @return a copy narrowed to the path
   */
  public Fault onPath(String httpPath) {
    return with(Objects.requireNonNull(httpPath), commandUriPrefix, times, probability);
  }

  /**
   * Only on commands whose uri starts with this prefix (e.g. {@code /contacts} or
   * {@code lime://wa.gw.msging.net/accounts}); implies {@code /commands}.
   *
   * @param uriPrefix the uri prefix
   * @return a copy narrowed to the uri
   */
  public Fault onCommandUri(String uriPrefix) {
    return with("/commands", Objects.requireNonNull(uriPrefix), times, probability);
  }

  /**
   * Fires for the next {@code n} matching requests.
   *
   * @param n how many times, at least 1
   * @return a copy with the count
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    return with(path, commandUriPrefix, n, probability);
  }

  /**
   * Fires on about this share of the matching requests (and at most {@link #times()} times): each request is
   * drawn from the fake's {@linkplain FakeBlip.Builder#faultSeed(long) fault seed}, the fault and the request's
   * envelope id and attempt, so the same seed and the same requests hit the same faults whatever the order they
   * arrive in.
   *
   * @param share from 0 (never) to 1 (every matching request, the default)
   * @return a copy with the share
   * @throws IllegalArgumentException outside 0..1
   */
  public Fault withProbability(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1, was " + share);
    }
    return with(path, commandUriPrefix, times, share);
  }

  /**
   * The share of matching requests it fires on.
   *
   * @return from 0 to 1
   */
  public double probability() {
    return probability;
  }

  /**
   * Whether a 429's {@code Retry-After} is written as an HTTP-date ({@link #tooManyRequestsUntil(Duration)}).
   *
   * @return true for a date
   */
  public boolean retryAfterAsDate() {
    return retryAfterAsDate;
  }

  /**
   * Fires for the next matching request only (the default).
   *
   * @return a copy firing once
   */
  public Fault once() {
    return times(1);
  }

  /**
   * Fires for every matching request until {@link FakeBlip#clearFaults()}.
   *
   * @return a copy firing always
   */
  public Fault always() {
    return times(ALWAYS);
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status of a {@link Kind#STATUS} fault.
   *
   * @return the status, 0 otherwise
   */
  public int status() {
    return status;
  }

  /**
   * The {@code Retry-After} of a 429 fault.
   *
   * @return the value, or null for none
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * The latency of a {@link Kind#LATENCY} fault.
   *
   * @return the delay
   */
  public Duration latency() {
    return latency;
  }

  /**
   * The HTTP path it is limited to.
   *
   * @return the path, or null for all
   */
  public @Nullable String path() {
    return path;
  }

  /**
   * The command uri prefix it is limited to.
   *
   * @return the prefix, or null for all
   */
  public @Nullable String commandUriPrefix() {
    return commandUriPrefix;
  }

  /**
   * How many times it fires ({@link #ALWAYS} for always).
   *
   * @return the count
   */
  public int times() {
    return times;
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (status != 0 ? " " + status : "") + (path != null ? " on " + path : "")
        + (commandUriPrefix != null ? " uri " + commandUriPrefix : "") + ", times=" + (times == ALWAYS ? "always" : times)
        + (probability < 1 ? ", probability=" + probability : "") + "]";
  }
}
