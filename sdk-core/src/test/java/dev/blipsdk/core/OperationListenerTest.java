package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BadRequestException;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationResult;
import dev.blipsdk.core.observation.OperationStart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an {@link OperationListener} sees of real calls over loopback HTTP. */
class OperationListenerTest {
  private static final String PHONE = "5531988887777";
  private static final String OK = "{\"id\":\"x\",\"method\":\"get\",\"status\":\"success\","
      + "\"type\":\"application/vnd.lime.contact+json\",\"resource\":{\"name\":\"Ana\"}}";
  private static final Operation CONTACT_GET = Operation.of("test.contacts.get", "/contacts/{identity}");

  private MockWebServer server;
  private final RecordingListener listener = new RecordingListener();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private BlipClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = builder(server.url("/").toString()).build();
  }

  private BlipClient.Builder builder(String url) {
    return BlipClient.builder().baseUrl(url).credentials("mybot", "s3cr3t-key").sleeper(sleeper)
        .operationListener(listener);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static Command contact() {
    return Command.get("/contacts/" + PHONE + "@wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  private static RequestOptions named() {
    return RequestOptions.builder().operation(CONTACT_GET).build();
  }

  @Test
  void eachAttemptWithItsRetryReasonAndWaitThenTheEnd() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, OK));

    client.execute(contact(), named());

    assertEquals(List.of(
        "start test.contacts.get /contacts/{identity} GET /commands",
        "attempt 1", "attempt 1 rate_limited 429 retry in PT2S",
        "attempt 2", "attempt 2 server_error 503 retry in " + sleeper.waits.get(1),
        "attempt 3", "attempt 3 success 200",
        "end 3 none"), listener.events);
    OperationResult end = listener.results.get(0);
    assertTrue(end.succeeded());
    assertTrue(end.duration().compareTo(listener.attempts.get(2).duration()) >= 0);
  }

  @Test
  void typedExecuteAndFailuresEndWithTheErrorType() {
    server.enqueue(json(200, "{\"id\":\"x\",\"method\":\"get\",\"status\":\"failure\","
        + "\"reason\":{\"code\":67,\"description\":\"not found\"}}"));
    assertThrows(BlipCommandException.class, () -> client.execute(contact(), Contact.class, named()));
    server.enqueue(json(400, ""));
    assertThrows(BadRequestException.class, () -> client.sendMessage(
        Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "Hi")));

    assertEquals(List.of(
        "start test.contacts.get /contacts/{identity} GET /commands", "attempt 1",
        "attempt 1 command_failure 200", "end 1 BlipCommandException",
        "start blip.messages.send null /messages", "attempt 1", "attempt 1 client_error 400",
        "end 1 BadRequestException"), listener.events);
  }

  record Contact(String name) {}

  @Test
  void aResponseThatIsNotJsonClosesTheAttemptAsAProtocolError() {
    // a get answered by something that is not a command is asked again (issue 12): every attempt is reported
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "<html>"));
    }
    assertThrows(BlipProtocolException.class, () -> client.execute(contact(), named()));
    assertEquals(List.of("start test.contacts.get /contacts/{identity} GET /commands", "attempt 1",
        "attempt 1 protocol_error 200 retry in " + sleeper.waits.get(0), "attempt 2",
        "attempt 2 protocol_error 200 retry in " + sleeper.waits.get(1), "attempt 3",
        "attempt 3 protocol_error 200", "end 3 BlipProtocolException"), listener.events);
  }

  @Test
  void connectFailuresAreRetriedThenReported() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (BlipClient unreachable = builder("http://127.0.0.1:" + closedPort + "/")
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
      assertThrows(BlipConnectionException.class, () -> unreachable.execute(contact(), named()));
    }
    assertEquals(AttemptOutcome.CONNECT_FAILURE, listener.attempts.get(0).outcome());
    assertEquals(sleeper.waits.get(0), listener.attempts.get(0).retryWait());
    assertEquals(AttemptOutcome.CONNECT_FAILURE, listener.attempts.get(1).outcome());
    assertNull(listener.attempts.get(1).retryWait());
    assertEquals("end 2 BlipConnectionException", listener.events.get(listener.events.size() - 1));
  }

  @Test
  void aReadTimeoutIsATimeoutAttempt() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    try (BlipClient slow = builder(server.url("/").toString()).readTimeout(Duration.ofMillis(200))
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThrows(BlipTimeoutException.class, () -> slow.execute(contact(), named()));
    }
    assertEquals(AttemptOutcome.TIMEOUT, listener.attempts.get(0).outcome());
    assertEquals("end 1 BlipTimeoutException", listener.events.get(3));
  }

  @Test
  void asyncCallsReportTheSameEvents() throws Exception {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(json(200, OK));

    client.executeAsync(contact(), named()).get(10, TimeUnit.SECONDS);

    assertEquals(List.of(
        "start test.contacts.get /contacts/{identity} GET /commands",
        "attempt 1", "attempt 1 server_error 502 retry in " + sleeper.waits.get(0),
        "attempt 2", "attempt 2 success 200", "end 2 none"), listener.ended.thenApply(r -> listener.events)
        .get(10, TimeUnit.SECONDS));
  }

  @Test
  void cancellingAnAsyncCallEndsItsAttemptAndTheOperationOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Command> f = client.executeAsync(contact(), named());
    server.takeRequest(10, TimeUnit.SECONDS); // the attempt is in flight

    f.cancel(true);

    OperationResult end = listener.ended.get(10, TimeUnit.SECONDS);
    assertInstanceOf(CancellationException.class, end.error());
    assertEquals(1, end.attempts());
    assertEquals(AttemptOutcome.CANCELLED, listener.attempts.get(0).outcome());
    assertEquals(1, listener.results.size());
  }

  @Test
  void anObserverPutsTraceHeadersOnEveryAttemptButNotTheSdksOwn() throws Exception {
    List<String> rejected = new ArrayList<>();
    listener.onAttempt = (n, headers) -> {
      headers.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333" + n + "-01");
      for (String reserved : List.of("Authorization", "User-Agent", "content-type", "Host")) {
        try {
          headers.put(reserved, "x");
        } catch (IllegalArgumentException e) {
          rejected.add(reserved);
        }
      }
    };
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, OK));

    client.execute(contact(), named());

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", first.getHeaders().get("traceparent"));
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203332-01", second.getHeaders().get("traceparent"));
    assertTrue(second.getHeaders().get("Authorization").startsWith("Key "));
    assertEquals(List.of("Authorization", "User-Agent", "content-type", "Host",
        "Authorization", "User-Agent", "content-type", "Host"), rejected);
  }

  @Test
  void aHeaderPutForOneAttemptIsNotSentWithTheNext() throws Exception {
    listener.onAttempt = (n, headers) -> {
      if (n == 1) {
        headers.put("x-first-only", "1");
      }
    };
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(200, OK));

    client.execute(contact(), named());

    assertEquals("1", server.takeRequest().getHeaders().get("x-first-only"));
    assertEquals(null, server.takeRequest().getHeaders().get("x-first-only"));
  }

  @Test
  void aThrowingListenerNeverChangesTheResult() {
    try (BlipClient c = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", "k")
        .operationListener(start -> new OperationObserver() {
          @Override
          public void attemptEnded(dev.blipsdk.core.observation.AttemptResult result) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void operationEnded(OperationResult result) {
            throw new IllegalStateException("boom");
          }
        }).build()) {
      server.enqueue(json(200, OK));
      assertEquals("Ana", c.execute(contact()).requireResource().asMap().get("name"));
    }
    try (BlipClient c = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", "k")
        .operationListener(start -> {
          throw new IllegalStateException("boom");
        }).build()) {
      server.enqueue(json(200, OK));
      assertEquals("Ana", c.execute(contact()).requireResource().asMap().get("name"));
    }
  }

  @Test
  void compositeListenersEachSeeEverything() {
    RecordingListener second = new RecordingListener();
    try (BlipClient c = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", "k")
        .operationListener(OperationListener.composite(listener, second)).build()) {
      server.enqueue(json(200, OK));
      c.execute(contact(), named());
    }
    assertEquals(4, listener.events.size());
    assertEquals(listener.events, second.events);
  }

  @Test
  void derivedClientsKeepTheListener() {
    try (BlipClient derived = client.newBuilder().credentials("other", "k2").build()) {
      server.enqueue(json(200, OK));
      derived.execute(contact(), named());
    }
    assertEquals("end 1 none", listener.events.get(3));
  }

  /** Every value a listener is given, for calls full of phone numbers, e-mails and filter values. */
  @Test
  void nothingPersonalReachesTheListener() {
    String email = "ana.souza@example.com";
    String filter = "Joana Dark";
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(200, OK));
    }
    client.execute(contact());
    client.execute(Command.get(CommandUri.path("/contacts").query("$filter", "name eq '" + filter + "'").build())
        .build());
    client.execute(Command.get("/" + email + "/contacts").build());
    client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "secret text"));

    List<String> seen = new ArrayList<>();
    for (OperationStart s : listener.starts) {
      seen.add(s.operation().name());
      seen.add(String.valueOf(s.operation().uriTemplate()));
      seen.add(String.valueOf(s.method()));
      seen.add(s.path());
    }
    listener.attempts.forEach(a -> seen.add(a.outcome().tagValue()));
    listener.results.forEach(r -> seen.add(r.errorType()));
    assertEquals(List.of("/contacts/{path}", "/contacts", "/{path}", "null"),
        listener.starts.stream().map(s -> String.valueOf(s.operation().uriTemplate())).toList());
    for (String value : seen) {
      assertFalse(value.contains("55") || value.contains("@") || value.contains("ana") || value.contains("Joana")
          || value.contains("secret") || value.contains("mybot"), value);
    }
    assertEquals(CommandMethod.GET, listener.starts.get(0).method());
  }

  @Test
  void pingSendsGetPingAndReturnsItsLatency() throws Exception {
    server.enqueue(json(200, "{\"id\":\"x\",\"method\":\"get\",\"status\":\"success\","
        + "\"type\":\"application/vnd.lime.ping+json\",\"resource\":{}}"));
    Duration latency = client.ping();

    assertFalse(latency.isNegative() || latency.isZero());
    RecordedRequest request = server.takeRequest();
    assertEquals("/commands", request.getUrl().encodedPath());
    String body = request.getBody().utf8();
    assertTrue(body.contains("\"method\":\"get\"") && body.contains("\"uri\":\"/ping\""), body);
    assertEquals("start blip.ping /ping GET /commands", listener.events.get(0));
  }

  @Test
  void pingTellsBadCredentialsFromAnUnreachableBlip() throws Exception {
    server.enqueue(json(401, ""));
    assertThrows(AuthenticationException.class, () -> client.ping());
    server.enqueue(json(401, ""));
    CompletableFuture<Duration> async = client.pingAsync();
    assertInstanceOf(AuthenticationException.class,
        assertThrows(java.util.concurrent.ExecutionException.class, () -> async.get(10, TimeUnit.SECONDS)).getCause());

    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    try (BlipClient unreachable = builder("http://127.0.0.1:" + closedPort + "/").build()) {
      assertThrows(BlipConnectionException.class,
          () -> unreachable.ping(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()));
    }
  }

  @Test
  void pingAsyncReturnsLatency() throws Exception {
    server.enqueue(json(200, "{\"id\":\"x\",\"method\":\"get\",\"status\":\"success\"}"));
    Duration latency = client.pingAsync(RequestOptions.builder().deadline(Duration.ofSeconds(5)).build())
        .get(10, TimeUnit.SECONDS);
    assertTrue(latency.toNanos() > 0);
  }
}
