package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
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
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The classifier's table (docs/architecture.md, "Failure model"), row by row, for a request safe to repeat and one
 * that is not: what happened in, the outcome and the typed exception out.
 */
class ClassifierTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  /** One row: what happened, then (for a safe and an unsafe request) the outcome kind and exception type. */
  record Row(String name, Attempt happened, Kind safe, @Nullable Class<? extends BlipException> safeError,
      Kind unsafe, @Nullable Class<? extends BlipException> unsafeError) {
    @Override
    public String toString() {
      return name;
    }
  }

  enum Kind { SUCCESS, RETRY, FAILURE }

  private static Attempt answered(int status, Body body) {
    return new Attempt.Answered(status, null, body, false);
  }

  private static Body excerpt() {
    return new Body.Excerpt("<html>Bad Gateway</html>");
  }

  static Stream<Row> table() {
    IOException refused = new ConnectException("Connection refused");
    IOException rejected = new InterruptedIOException("executor rejected");
    rejected.initCause(new RejectedExecutionException());
    Command ok = Command.get("/x").build();
    Class<BlipConnectionException> conn = BlipConnectionException.class;
    Class<BlipTimeoutException> timeout = BlipTimeoutException.class;
    Class<BlipProtocolException> protocol = BlipProtocolException.class;
    Class<ServerException> server = ServerException.class;
    return Stream.of(
        new Row("not sent: connect failure", new Attempt.NotSent(refused, false),
            Kind.RETRY, conn, Kind.RETRY, conn),
        new Row("not sent: the client was closed", new Attempt.NotSent(rejected, true),
            Kind.FAILURE, ClientClosedException.class, Kind.FAILURE, ClientClosedException.class),
        new Row("broken: deadline passed", new Attempt.Broken(new IOException("Canceled"), true, false),
            Kind.FAILURE, timeout, Kind.FAILURE, timeout),
        new Row("broken: cancelled by the caller", new Attempt.Broken(new IOException("Canceled"), false, true),
            Kind.FAILURE, conn, Kind.FAILURE, conn),
        new Row("broken: read timeout", new Attempt.Broken(new SocketTimeoutException("timeout"), false, false),
            Kind.RETRY, timeout, Kind.FAILURE, timeout),
        new Row("broken: reset", new Attempt.Broken(new SocketException("Connection reset"), false, false),
            Kind.RETRY, conn, Kind.FAILURE, conn),
        new Row("broken: garbage status line",
            new Attempt.Broken(new ProtocolException("Unexpected status line: garbage"), false, false),
            Kind.RETRY, conn, Kind.FAILURE, conn),
        new Row("2xx decoded", answered(200, new Body.Decoded(ok)), Kind.SUCCESS, null, Kind.SUCCESS, null),
        new Row("2xx status failure", answered(200, new Body.CommandFailed(new Reason(67, "not found"), "lime://bot@msging.net/x")),
            Kind.FAILURE, BlipCommandException.class, Kind.FAILURE, BlipCommandException.class),
        new Row("2xx status failure without reason", answered(200, new Body.CommandFailed(null, null)),
            Kind.FAILURE, BlipCommandException.class, Kind.FAILURE, BlipCommandException.class),
        new Row("2xx wrong resource", answered(200, new Body.WrongResource("expected a string", null)),
            Kind.FAILURE, protocol, Kind.FAILURE, protocol),
        new Row("2xx body cut: deadline passed",
            new Attempt.Answered(200, null, new Body.Cut(new SocketException("Socket closed")), true),
            Kind.FAILURE, timeout, Kind.FAILURE, timeout),
        new Row("2xx body cut", answered(200, new Body.Cut(new EOFException("\\n not found"))),
            Kind.RETRY, conn, Kind.FAILURE, conn),
        new Row("2xx body stalled to a read timeout",
            answered(200, new Body.Cut(new SocketTimeoutException("timeout"))),
            Kind.RETRY, timeout, Kind.FAILURE, timeout),
        new Row("2xx body malformed", answered(200, new Body.Malformed("not strict JSON", null)),
            Kind.RETRY, protocol, Kind.FAILURE, protocol),
        new Row("400", answered(400, new Body.Excerpt("bad")),
            Kind.FAILURE, BadRequestException.class, Kind.FAILURE, BadRequestException.class),
        new Row("401", answered(401, new Body.Excerpt("")),
            Kind.FAILURE, AuthenticationException.class, Kind.FAILURE, AuthenticationException.class),
        new Row("429", answered(429, new Body.Excerpt("")),
            Kind.RETRY, RateLimitException.class, Kind.RETRY, RateLimitException.class),
        new Row("500", answered(500, new Body.Excerpt("")), Kind.RETRY, server, Kind.FAILURE, server),
        new Row("502 HTML page from a proxy", answered(502, excerpt()), Kind.RETRY, server, Kind.FAILURE, server),
        new Row("503", answered(503, new Body.Excerpt("")), Kind.RETRY, server, Kind.FAILURE, server),
        new Row("504", answered(504, new Body.Excerpt("")),
            Kind.RETRY, GatewayTimeoutException.class, Kind.FAILURE, GatewayTimeoutException.class),
        new Row("404", answered(404, new Body.Excerpt("")),
            Kind.FAILURE, BlipHttpException.class, Kind.FAILURE, BlipHttpException.class));
  }

  private static Classifier.Asked asked(boolean safe) {
    return new Classifier.Asked(Endpoint.COMMANDS, safe, "id-1", CommandMethod.GET, "/x", 60_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void everyRowOfTheTable(Row row) {
    check(row, Classifier.classify(asked(true), 2, row.happened(), NOW), row.safe(), row.safeError(), true);
    check(row, Classifier.classify(asked(false), 2, row.happened(), NOW), row.unsafe(), row.unsafeError(), false);
  }

  private static void check(Row row, Outcome outcome, Kind kind, @Nullable Class<? extends BlipException> type,
      boolean safe) {
    String where = row.name() + (safe ? " (safe)" : " (unsafe)");
    switch (kind) {
      case SUCCESS -> assertInstanceOf(Outcome.Success.class, outcome, where);
      case RETRY -> {
        Outcome.Retry r = assertInstanceOf(Outcome.Retry.class, outcome, where);
        assertEquals(type, r.error().getClass(), where);
        assertTrue(r.error().isRetryable(), where + ": a retried error says it is retryable");
        assertEquals(2, r.error().attempts(), where);
        assertEquals("id-1", r.error().envelopeId(), where);
      }
      case FAILURE -> {
        Outcome.Failure f = assertInstanceOf(Outcome.Failure.class, outcome, where);
        assertEquals(type, f.error().getClass(), where);
        assertEquals("id-1", f.error().envelopeId(), where);
        if (!(f.error() instanceof ClientClosedException)) {
          assertFalse(f.error().isRetryable(), where);
          assertEquals(2, f.error().attempts(), where);
        } else {
          assertEquals(1, f.error().attempts(), where + ": the refused attempt is not counted");
        }
      }
    }
  }

  @Test
  void theSafeToRepeatRuleLivesHereAlone() {
    Node to = Node.parse("a@wa.gw.msging.net");
    Message message = Message.text(to, "hi");
    Notification notification = new Notification("m1", null, to, null, NotificationEvent.CONSUMED, "consumed", null,
        Map.of());
    Command get = Command.get("/contacts").build();
    Command set = Command.set("/contacts", "application/json", JsonDocument.parse("{}")).build();
    assertFalse(Classifier.safeToRepeat(Endpoint.MESSAGES, message, null));
    assertTrue(Classifier.safeToRepeat(Endpoint.NOTIFICATIONS, notification, null));
    assertTrue(Classifier.safeToRepeat(Endpoint.COMMANDS, get, null));
    assertFalse(Classifier.safeToRepeat(Endpoint.COMMANDS, set, null));
    for (Endpoint e : Endpoint.values()) {
      assertTrue(Classifier.safeToRepeat(e, set, true), "declared idempotent: " + e);
      assertFalse(Classifier.safeToRepeat(e, get, false), "declared not idempotent: " + e);
    }
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDateIsKeptAtADay() {
    assertEquals(Duration.ofSeconds(7), Classifier.retryAfter("7", NOW));
    assertEquals(Duration.ofSeconds(30), Classifier.retryAfter("Wed, 01 Jan 2025 00:00:30 GMT", NOW));
    assertEquals(Duration.ZERO, Classifier.retryAfter("Tue, 31 Dec 2024 23:00:00 GMT", NOW), "a past date");
    assertEquals(Classifier.MAX_RETRY_AFTER, Classifier.retryAfter("99999999999999999", NOW));
    for (String unreadable : List.of("", " ", "-1", "soon", "Wed, 99 Foo 2025")) {
      assertNull(Classifier.retryAfter(unreadable, NOW), unreadable);
    }
    Outcome o = Classifier.classify(asked(false), 1, new Attempt.Answered(429, "Wed, 01 Jan 2025 00:00:30 GMT",
        new Body.Excerpt(""), false), NOW);
    assertEquals(Duration.ofSeconds(30), ((Outcome.Retry) o).retryAfter());
    assertEquals(Duration.ofSeconds(30), ((RateLimitException) ((Outcome.Retry) o).error()).retryAfter());
  }

  @Test
  void messagesSayWhetherTheRequestMayHaveTakenEffect() {
    Outcome unsafe = Classifier.classify(asked(false), 1,
        new Attempt.Broken(new SocketException("Connection reset"), false, false), NOW);
    assertTrue(((Outcome.Failure) unsafe).error().getMessage().contains("may have reached Blip"));
    Outcome notSent = Classifier.classify(asked(false), 1,
        new Attempt.NotSent(new ConnectException("refused"), false), NOW);
    assertTrue(((Outcome.Retry) notSent).error().getMessage().contains("nothing was sent"));
  }
}
