package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BadRequestException;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.exception.ClientClosedException;
import dev.blipsdk.core.exception.GatewayTimeoutException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.exception.ServerException;
import dev.blipsdk.core.internal.Attempt.Body;
import dev.blipsdk.core.internal.Transport.Endpoint;
import dev.blipsdk.core.observation.AttemptOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Decides what one attempt means: the call's result, a failure another attempt may fix, or a failure for good,
 * with the typed exception to throw. A pure function of what was asked ({@link Asked}) and what happened
 * ({@link Attempt}); the only place that knows which requests are safe to repeat ({@link #safeToRepeat}). The
 * attempt loop ({@link Exchange}) then applies the retry policy and the deadline to a {@link Outcome.Retry}.
 *
 * <p>The rules, as a table (docs/architecture.md shows the same; {@code ClassifierTest} checks every row):
 * <pre>
 * what happened                               safe to repeat        not safe to repeat
 * not sent: connect failure                   retry (connection)    retry (connection)
 * not sent: the client was closed             fail (closed)         fail (closed)
 * broken: deadline passed                     fail (timeout)        fail (timeout)
 * broken: cancelled by the caller             fail (connection)     fail (connection)
 * broken: read timeout                        retry (timeout)       fail (timeout)
 * broken: dropped, reset, bad status line     retry (connection)    fail (connection)
 * 2xx message or notification                 success               success
 * 2xx command, decoded                        success               success
 * 2xx command, status failure                 fail (command)        fail (command)
 * 2xx command, resource of the wrong shape    fail (protocol)       fail (protocol)
 * 2xx command, body cut: deadline passed      fail (timeout)        fail (timeout)
 * 2xx command, body cut                       retry (connection)    fail (connection)
 * 2xx command, body malformed or empty        retry (protocol)      fail (protocol)
 * 400 / 401                                   fail                  fail
 * 429                                         retry (Retry-After)   retry (Retry-After)
 * 502, 503, 500 and other 5xx                 retry (server)        fail (server)
 * 504                                         retry (gateway)       fail (gateway)
 * other status                                fail (http)           fail (http)
 * </pre>
 * A 429 is repeated even when unsafe: Blip refused the request without taking it.
 */
final class Classifier {
  private Classifier() {}

  /**
   * What was asked, as far as classifying needs it.
   *
   * @param endpoint where it went
   * @param safeToRepeat {@link #safeToRepeat}
   * @param envelopeId the envelope id
   * @param method a command's method, or null
   * @param uri a command's uri, or null
   * @param deadlineMillis the call's deadline, for messages
   */
  record Asked(Endpoint endpoint, boolean safeToRepeat, @Nullable String envelopeId, @Nullable CommandMethod method,
      @Nullable String uri, long deadlineMillis) {

    String path() {
      return "/" + endpoint.path;
    }

    /** How messages name the call: method, path, masked uri. Made only when a message or a log line needs it. */
    String what() {
      return method != null ? "POST /commands " + method.wireValue() + " " + Redaction.uri(uri)
          : "POST /" + endpoint.path;
    }
  }

  /**
   * Whether a request may be sent again after it may have reached Blip: what the caller declared, or else
   * {@code get} commands and notifications (repeating one about the same message and event is harmless).
   *
   * @param endpoint the endpoint
   * @param envelope the envelope
   * @param declared {@code RequestOptions.idempotent()}, or null
   * @return true when safe to repeat
   */
  static boolean safeToRepeat(Endpoint endpoint, Envelope envelope, @Nullable Boolean declared) {
    if (declared != null) {
      return declared;
    }
    return switch (endpoint) {
      case NOTIFICATIONS -> true;
      case COMMANDS -> envelope instanceof Command c && c.method() == CommandMethod.GET;
      case MESSAGES -> false;
    };
  }

  /**
   * Classifies one attempt.
   *
   * @param asked what was asked
   * @param attempt the attempt's number, from 1
   * @param happened what happened
   * @param now the time, for a {@code Retry-After} given as an HTTP-date
   * @return the outcome
   */
  static Outcome classify(Asked asked, int attempt, Attempt happened, Instant now) {
    String id = asked.envelopeId();
    boolean safe = asked.safeToRepeat();
    String unsafeNote = safe ? "" : "; not retried: the request may have reached Blip and is not safe to repeat";
    if (happened instanceof Attempt.NotSent n) {
      if (n.clientClosed()) {
        return new Outcome.Failure(closed(asked.what(), attempt - 1, id, n.cause()));
      }
      return new Outcome.Retry(new BlipConnectionException(asked.what() + " could not connect to Blip: "
          + n.cause().getMessage() + " (nothing was sent)", n.cause(), true, attempt, id), null);
    }
    if (happened instanceof Attempt.Broken b) {
      if (b.deadlinePassed()) {
        return new Outcome.Failure(deadlineExceeded(asked, attempt, null, b.cause()));
      }
      if (b.cancelled()) {
        return new Outcome.Failure(new BlipConnectionException(asked.what() + " was cancelled",
            new CancellationException(b.cause().getMessage()), false, attempt, id));
      }
      BlipException e = b.cause() instanceof SocketTimeoutException
          ? new BlipTimeoutException(asked.what() + " timed out waiting for Blip's response" + unsafeNote, b.cause(),
              safe, attempt, id)
          : new BlipConnectionException(asked.what() + " lost the connection to Blip: " + b.cause().getMessage()
              + unsafeNote, b.cause(), safe, attempt, id);
      return retryIf(safe, e, null);
    }
    Attempt.Answered a = (Attempt.Answered) happened;
    int code = a.status();
    Body body = a.body();
    if (code >= 200 && code < 300) {
      return answered(asked, attempt, a, unsafeNote);
    }
    String excerpt = body instanceof Body.Excerpt x ? x.text() : "";
    String path = asked.path();
    return switch (code) {
      case 400 -> new Outcome.Failure(new BadRequestException(asked.what() + " was rejected with 400 Bad Request: the"
          + " envelope is malformed or has bad fields", path, excerpt, attempt, id));
      case 401 -> new Outcome.Failure(new AuthenticationException(asked.what() + " was rejected with 401 Unauthorized:"
          + " check the bot identifier and access key (or the 'Key ...' value) from the portal", path, excerpt,
          attempt, id));
      case 429 -> {
        Duration retryAfter = retryAfter(a.retryAfter(), now);
        yield new Outcome.Retry(new RateLimitException(asked.what() + " was rate limited (429); the plan's throughput"
            + " limit was exceeded" + (retryAfter == null ? "" : ", server asked to wait " + retryAfter), path,
            excerpt, retryAfter, attempt, id), retryAfter);
      }
      case 504 -> retryIf(safe, new GatewayTimeoutException(asked.what() + " got 504: Blip had no response within its"
          + " 60 s limit; the request may have taken effect" + (safe ? "" : " (not retried: not safe to repeat)"),
          path, excerpt, safe, attempt, id), null);
      default -> {
        if (code >= 500) {
          // 502/503 come from a gateway that may or may not have passed the request on; 500 and the rest from
          // Blip: either way the request may have taken effect
          boolean gateway = code == 502 || code == 503;
          yield retryIf(safe, new ServerException(asked.what() + " got HTTP " + code + (gateway ? " from Blip's gateway"
              : " from Blip") + (safe ? "" : "; not retried: not safe to repeat (it may have taken effect)"), code,
              path, excerpt, safe, attempt, id), null);
        }
        yield new Outcome.Failure(new BlipHttpException(asked.what() + " got unexpected HTTP " + code, code, path,
            excerpt, false, attempt, id));
      }
    };
  }

  private static Outcome answered(Asked asked, int attempt, Attempt.Answered a, String unsafeNote) {
    String id = asked.envelopeId();
    boolean safe = asked.safeToRepeat();
    Body body = a.body();
    if (body instanceof Body.Decoded d) {
      return new Outcome.Success(d.value());
    }
    if (body instanceof Body.CommandFailed f) {
      Reason reason = f.reason() == null ? new Reason(null, "the server reported a failure without a reason")
          : f.reason();
      // the uri the server reports (#command.uri, absolute) when it says one, else the request's
      String uri = f.serverUri() == null || f.serverUri().isBlank() ? asked.uri() : f.serverUri();
      return new Outcome.Failure(new BlipCommandException(reason, id,
          asked.method() == null ? "?" : asked.method().wireValue(), uri, attempt));
    }
    if (body instanceof Body.WrongResource w) {
      return new Outcome.Failure(new BlipProtocolException(w.message(), w.cause(), false, attempt, id));
    }
    if (body instanceof Body.Cut c) {
      if (a.deadlinePassed()) {
        return new Outcome.Failure(deadlineExceeded(asked, attempt, null, c.cause()));
      }
      BlipException e = c.cause() instanceof SocketTimeoutException
          ? new BlipTimeoutException(asked.what() + " timed out reading Blip's response" + unsafeNote, c.cause(), safe,
              attempt, id)
          : new BlipConnectionException(asked.what() + " lost the connection while reading Blip's response: "
              + c.cause().getMessage() + unsafeNote, c.cause(), safe, attempt, id);
      return retryIf(safe, e, null);
    }
    String problem = body instanceof Body.Malformed m ? m.problem() : "no body";
    Throwable cause = body instanceof Body.Malformed m ? m.cause() : null;
    return retryIf(safe, new BlipProtocolException(asked.what() + " got a response that is not a command: " + problem
        + unsafeNote, cause, safe, attempt, id), null);
  }

  /**
   * How the operation listener names an attempt's outcome.
   *
   * @param happened what happened
   * @param outcome what the classifier made of it
   * @return the listener's outcome
   */
  static AttemptOutcome kind(Attempt happened, Outcome outcome) {
    if (outcome instanceof Outcome.Success) {
      return AttemptOutcome.SUCCESS;
    }
    BlipException e = outcome instanceof Outcome.Retry r ? r.error() : ((Outcome.Failure) outcome).error();
    if (e instanceof BlipCommandException) {
      return AttemptOutcome.COMMAND_FAILURE;
    }
    if (e instanceof RateLimitException) {
      return AttemptOutcome.RATE_LIMITED;
    }
    if (e instanceof ServerException || e instanceof GatewayTimeoutException) {
      return AttemptOutcome.SERVER_ERROR;
    }
    if (e instanceof BlipHttpException h) {
      return h.statusCode() >= 400 && h.statusCode() < 500 ? AttemptOutcome.CLIENT_ERROR
          : AttemptOutcome.PROTOCOL_ERROR;
    }
    if (e instanceof BlipProtocolException) {
      return AttemptOutcome.PROTOCOL_ERROR;
    }
    if (happened instanceof Attempt.NotSent n) {
      return n.clientClosed() ? AttemptOutcome.CANCELLED : AttemptOutcome.CONNECT_FAILURE;
    }
    boolean deadline = happened instanceof Attempt.Broken b ? b.deadlinePassed()
        : happened instanceof Attempt.Answered a && a.deadlinePassed();
    if (deadline) {
      return AttemptOutcome.DEADLINE_EXCEEDED;
    }
    if (happened instanceof Attempt.Broken b && b.cancelled()) {
      return AttemptOutcome.CANCELLED;
    }
    return e instanceof BlipTimeoutException ? AttemptOutcome.TIMEOUT : AttemptOutcome.CONNECTION_LOST;
  }

  private static Outcome retryIf(boolean retry, BlipException e, @Nullable Duration retryAfter) {
    return retry ? new Outcome.Retry(e, retryAfter) : new Outcome.Failure(e);
  }

  /**
   * The failure of a call whose client was closed.
   *
   * @param what the call
   * @param attempts attempts made before
   * @param id the envelope id
   * @param cause the refusal, or null
   * @return the exception
   */
  static ClientClosedException closed(String what, int attempts, @Nullable String id, @Nullable Throwable cause) {
    return new ClientClosedException(what + (attempts == 0 ? " was not sent: the client is closed"
        : " was not attempted again: the client was closed (attempts made: " + attempts + ")"), cause, attempts, id);
  }

  /**
   * The failure of a call whose deadline passed.
   *
   * @param asked the call
   * @param attempts attempts made
   * @param last the last attempt's error, or null
   * @param io the I/O failure the deadline caused, or null
   * @return the exception
   */
  static BlipTimeoutException deadlineExceeded(Asked asked, int attempts, @Nullable BlipException last,
      @Nullable Throwable io) {
    return new BlipTimeoutException(asked.what() + " exceeded its deadline of " + asked.deadlineMillis()
        + " ms after " + attempts + " attempt(s)" + (last == null ? "" : "; last error: " + last.getMessage()),
        last != null ? last : io, false, attempts, asked.envelopeId());
  }

  /**
   * Whether an I/O failure means no byte was sent: the connection was never made.
   *
   * @param e the failure
   * @return true for a connect failure
   */
  static boolean isConnectFailure(IOException e) {
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
      return true;
    }
    String msg = e.getMessage();
    return e instanceof SocketTimeoutException && msg != null && msg.toLowerCase(Locale.ROOT).contains("connect");
  }

  /**
   * Reads a {@code Retry-After} header: whole seconds, or an HTTP-date relative to {@code now}. Waits beyond a
   * day are kept at a day (the deadline ends the call long before).
   *
   * @param value the header value
   * @param now the time
   * @return the wait, or null when absent or unreadable
   */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    Duration d;
    try {
      long seconds = Long.parseLong(v);
      if (seconds < 0) {
        return null;
      }
      d = Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        d = Duration.between(now, at.toInstant());
        if (d.isNegative()) {
          d = Duration.ZERO;
        }
      } catch (java.time.DateTimeException e2) {
        return null;
      }
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  /** The longest {@code Retry-After} kept. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
}
