package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.AttemptResult;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationResult;
import dev.blipsdk.core.observation.OperationStart;
import dev.blipsdk.core.observation.PropagationHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place {@link Transport} reports to an {@link OperationListener}: created per call only when the
 * client has a listener, and told when each attempt starts and ends and when the call ends. Keeps the
 * listener's contract (order, exactly one end, nothing after it, exceptions logged and ignored) so the
 * transport's loops need only four calls.
 *
 * <p>Thread-safe: an async call's events come from OkHttp's threads, the sleeper's and a cancelling caller's;
 * the methods are synchronized so the observer sees them one at a time.
 */
public final class OperationTracker {
  private static final Logger LOG = LoggerFactory.getLogger(OperationTracker.class);
  /** Headers the SDK owns; a listener may not set them. Lower case. */
  private static final Set<String> RESERVED = Set.of("authorization", "user-agent", "accept", "accept-encoding",
      "content-type", "content-length", "content-encoding", "transfer-encoding", "host", "connection", "cookie",
      "proxy-authorization", "te", "upgrade", "expect", "keep-alive");

  private final OperationObserver observer;
  private final long startNanos = System.nanoTime();
  private int attempts;
  private long attemptStartNanos;
  private boolean attemptOpen;
  private boolean ended;
  /** The headers of the attempt in progress; one per call, emptied for each attempt. */
  private final Headers headers = new Headers();

  private OperationTracker(OperationObserver observer) {
    this.observer = observer;
  }

  /**
   * Starts tracking a call, or returns {@code null} when there is nothing to report to.
   *
   * @param listener the client's listener, or {@code null}
   * @param operation the operation
   * @param method the command method, or {@code null}
   * @param path the HTTP path
   * @param host the server's host
   * @param port the server's port
   * @param scheme the base URL's scheme
   * @return the tracker, or {@code null}
   */
  public static @Nullable OperationTracker start(@Nullable OperationListener listener, Operation operation,
      @Nullable CommandMethod method, String path, String host, int port, String scheme) {
    if (listener == null) {
      return null;
    }
    OperationObserver observer;
    try {
      observer = listener.operationStarted(new OperationStart(operation, method, path, host, port, scheme));
    } catch (RuntimeException e) {
      LOG.warn("operation listener {} failed in operationStarted; ignored", listener.getClass().getName(), e);
      return null;
    }
    return observer == null || observer == OperationObserver.NONE ? null : new OperationTracker(observer);
  }

  /**
   * An attempt starts: the observer may add propagation headers.
   *
   * @param attempt the attempt number
   * @param request the request as built
   * @return the request to send (the same one unless headers were added)
   */
  public synchronized Request attemptStarted(int attempt, Request request) {
    if (ended) {
      return request;
    }
    attempts = attempt;
    attemptOpen = true;
    attemptStartNanos = System.nanoTime();
    headers.open();
    try {
      observer.attemptStarted(attempt, headers);
    } catch (RuntimeException e) {
      LOG.warn("operation observer failed in attemptStarted; ignored", e);
    }
    headers.closed = true;
    List<String> names = headers.names;
    List<String> values = headers.values;
    if (names == null || values == null || names.isEmpty()) {
      return request;
    }
    Request.Builder b = request.newBuilder();
    for (int i = 0; i < names.size(); i++) {
      b.header(names.get(i), values.get(i));
    }
    return b.build();
  }

  /**
   * The attempt in progress ended.
   *
   * @param outcome how
   * @param statusCode the HTTP status, or 0
   * @param retryWait the wait before the next attempt, or {@code null} when none follows
   */
  public synchronized void attemptEnded(AttemptOutcome outcome, int statusCode, @Nullable Duration retryWait) {
    if (ended || !attemptOpen) {
      return;
    }
    endAttempt(outcome, statusCode, retryWait);
  }

  /**
   * The call ended; later events are ignored. An attempt still open (the call was cancelled, or reading the
   * response threw) is closed first with the outcome the error implies.
   *
   * @param error the caller's exception, or {@code null} on success
   */
  public synchronized void operationEnded(@Nullable Throwable error) {
    if (ended) {
      return;
    }
    if (attemptOpen) {
      endAttempt(error == null ? AttemptOutcome.SUCCESS : outcomeOf(error), 0, null);
    }
    ended = true;
    try {
      observer.operationEnded(new OperationResult(attempts, Duration.ofNanos(System.nanoTime() - startNanos), error));
    } catch (RuntimeException e) {
      LOG.warn("operation observer failed in operationEnded; ignored", e);
    }
  }

  private void endAttempt(AttemptOutcome outcome, int statusCode, @Nullable Duration retryWait) {
    attemptOpen = false;
    try {
      observer.attemptEnded(new AttemptResult(attempts, outcome, statusCode,
          Duration.ofNanos(System.nanoTime() - attemptStartNanos), retryWait));
    } catch (RuntimeException e) {
      LOG.warn("operation observer failed in attemptEnded; ignored", e);
    }
  }

  private static AttemptOutcome outcomeOf(Throwable error) {
    if (error instanceof CancellationException
        || (error instanceof BlipConnectionException && error.getCause() instanceof CancellationException)) {
      return AttemptOutcome.CANCELLED;
    }
    if (error instanceof BlipTimeoutException) {
      return AttemptOutcome.DEADLINE_EXCEEDED;
    }
    if (error instanceof BlipProtocolException) {
      return AttemptOutcome.PROTOCOL_ERROR;
    }
    return AttemptOutcome.CONNECTION_LOST;
  }

  /**
   * Collects the headers of one attempt, checking each; open only during {@code attemptStarted} (a listener that
   * keeps it and puts later is told so).
   */
  private static final class Headers implements PropagationHeaders {
    /** Allocated by the first put: most attempts of a listener that propagates nothing need none. */
    @Nullable List<String> names;
    @Nullable List<String> values;
    boolean closed = true;

    /** Opens the collector for a new attempt, empty. */
    void open() {
      if (names != null && values != null) {
        names.clear();
        values.clear();
      }
      closed = false;
    }

    @Override
    public void put(String name, String value) {
      if (closed) {
        throw new IllegalStateException("propagation headers can be set only during attemptStarted");
      }
      if (name == null || value == null) {
        throw new IllegalArgumentException("header name and value must not be null");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("header name must not be empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
          throw new IllegalArgumentException("header name must be an HTTP token, was '" + name + "'");
        }
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower) || lower.startsWith("content-") || lower.startsWith("proxy-")) {
        throw new IllegalArgumentException("header " + name + " is set by the SDK and cannot be set by a listener");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || c >= 0x7f) {
          throw new IllegalArgumentException("header " + name + " value must be printable ASCII");
        }
      }
      if (names == null || values == null) {
        names = new ArrayList<>(2);
        values = new ArrayList<>(2);
      }
      int existing = -1;
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          existing = i;
        }
      }
      if (existing >= 0) {
        values.set(existing, value);
      } else {
        names.add(name);
        values.add(value);
      }
    }
  }
}
