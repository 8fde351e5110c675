package dev.blipsdk.testing;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transport fault to inject with {@link FakeBlip#inject(Fault)}: added latency, an HTTP error status (429 with
 * or without {@code Retry-After}, 500, 502, 503, 504...), a connection dropped before or after the request was
 * processed, a response that never comes, or a truncated response body.
 *
 * <p>A fault applies to every route unless narrowed with {@link #onPath(String)} ({@code /commands},
 * {@code /messages}, {@code /notifications}) or {@link #onCommandUri(String)}; it fires {@link #once()} by
 * default, or {@link #times(int)}, or {@link #always()}.
 *
 * <p>What a fault does to state: {@linkplain #status(int) status} faults and {@link #dropBeforeRead()} answer
 * without processing the envelope (nothing changes); {@link #dropAfterRead()}, {@link #noResponse()} and
 * {@link #truncatedBody()} process it first (the message is sent, the contact saved) and then break the response,
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
    TRUNCATED_BODY
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

  private Fault(Kind kind, int status, @Nullable Duration retryAfter, Duration latency, @Nullable String path,
      @Nullable String commandUriPrefix, int times) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.latency = latency;
    this.path = path;
    this.commandUriPrefix = commandUriPrefix;
    this.times = times;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, 0, null, Duration.ZERO, null, null, 1);
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
    return new Fault(kind, status, retryAfter, latency, Objects.requireNonNull(httpPath), commandUriPrefix, times);
  }

  /**
   * Only on commands whose uri starts with this prefix (e.g. {@code /contacts} or
   * {@code lime://wa.gw.msging.net/accounts}); implies {@code /commands}.
   *
   * @param uriPrefix the uri prefix
   * @return a copy narrowed to the uri
   */
  public Fault onCommandUri(String uriPrefix) {
    return new Fault(kind, status, retryAfter, latency, "/commands", Objects.requireNonNull(uriPrefix), times);
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
    return new Fault(kind, status, retryAfter, latency, path, commandUriPrefix, n);
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
        + "]";
  }
}
