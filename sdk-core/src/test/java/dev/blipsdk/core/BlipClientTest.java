package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BadRequestException;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.exception.GatewayTimeoutException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.exception.ServerException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlipClientTest {
  private static final String SUCCESS = "{\"id\":\"c1\",\"method\":\"get\",\"status\":\"success\","
      + "\"from\":\"postmaster@msging.net/#az-iris4\",\"to\":\"bot@msging.net\","
      + "\"type\":\"application/vnd.lime.contact+json\",\"resource\":{\"name\":\"Ana\",\"extras\":{\"plan\":\"Gold\"}},"
      + "\"metadata\":{\"#command.uri\":\"lime://bot@msging.net/contacts/x\",\"traceparent\":\"00-ab\"}}";

  private MockWebServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private BlipClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = newClient().build();
  }

  private BlipClient.Builder newClient() {
    return BlipClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials("mybot", "s3cr3t-key")
        .sleeper(sleeper)
        .envelopeIdSupplier(counter());
  }

  private static java.util.function.Supplier<String> counter() {
    AtomicInteger n = new AtomicInteger();
    return () -> "env-" + n.incrementAndGet();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static Command getContact() {
    return Command.get("/contacts/5531999998888@wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  @Test
  void executeSendsAuthorizedCommandAndParsesResponse() throws Exception {
    server.enqueue(json(200, SUCCESS));
    Command response = client.execute(getContact());

    assertEquals(CommandStatus.SUCCESS, response.status());
    assertEquals("Ana", response.requireResource().asMap().get("name"));
    assertEquals("00-ab", response.metadata().get("traceparent"));
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/commands", request.getUrl().encodedPath());
    String expectedKey = Base64.getEncoder().encodeToString("mybot:s3cr3t-key".getBytes(StandardCharsets.UTF_8));
    assertEquals("Key " + expectedKey, request.getHeaders().get("Authorization"));
    assertTrue(request.getHeaders().get("User-Agent").startsWith("blip-sdk-java/"));
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    Map<String, Object> sent = JsonDocument.parse(request.getBody().utf8()).asMap();
    assertEquals("env-1", sent.get("id"));
    assertEquals("get", sent.get("method"));
    assertEquals("postmaster@crm.msging.net", sent.get("to"));
    assertEquals("/contacts/5531999998888@wa.gw.msging.net", sent.get("uri"));
  }

  @Test
  void readyKeyValueIsSentAsIs() throws Exception {
    server.enqueue(json(200, SUCCESS));
    try (BlipClient keyed = BlipClient.builder().baseUrl(server.url("/").toString())
        .authorizationKey("Key bXlib3Q6c2VjcmV0").build()) {
      keyed.execute(getContact());
    }
    assertEquals("Key bXlib3Q6c2VjcmV0", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void sendMessageGetsIdAndAccepts202() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    Message sent = client.sendMessage(Message.text(Node.parse("5531999998888@wa.gw.msging.net"), "Olá"));

    assertEquals("env-1", sent.id());
    RecordedRequest request = server.takeRequest();
    assertEquals("/messages", request.getUrl().encodedPath());
    Map<String, Object> body = JsonDocument.parse(request.getBody().utf8()).asMap();
    assertEquals("text/plain", body.get("type"));
    assertEquals("Olá", body.get("content"));
    assertEquals("5531999998888@wa.gw.msging.net", body.get("to"));
  }

  @Test
  void sendNotificationPostsToNotifications() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    client.sendNotification(Notification.about("m-1", Node.parse("5531999998888@wa.gw.msging.net"),
        NotificationEvent.CONSUMED, null));
    RecordedRequest request = server.takeRequest();
    assertEquals("/notifications", request.getUrl().encodedPath());
    Map<String, Object> body = JsonDocument.parse(request.getBody().utf8()).asMap();
    assertEquals("consumed", body.get("event"));
    assertEquals("m-1", body.get("id"));
  }

  @Test
  void failureInsideHttp200IsCommandException() {
    server.enqueue(json(200, "{\"method\":\"get\",\"status\":\"failure\",\"reason\":{\"code\":67,"
        + "\"description\":\"The requested resource was not found\"},\"id\":\"env-1\","
        + "\"from\":\"postmaster@crm.msging.net/#x\",\"to\":\"bot@msging.net\"}"));
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(getContact()));
    assertEquals(67, e.reasonCode());
    assertEquals("The requested resource was not found", e.description());
    assertEquals("env-1", e.commandId());
    assertEquals("/contacts/5531999998888@wa.gw.msging.net", e.uri());
    assertTrue(e.isNotFound());
    assertFalse(e.isRetryable());
    assertEquals(1, server.getRequestCount(), "a failed command is never retried");
    assertFalse(e.toString().contains("5531999998888"), e.toString());
  }

  @Test
  void failureWithoutReasonCodeKeepsDescription() {
    server.enqueue(json(200, "{\"method\":\"get\",\"status\":\"failure\",\"reason\":{\"description\":"
        + "\"The take parameter can not be greater than 100\"},\"id\":\"env-1\"}"));
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(getContact()));
    assertNull(e.reasonCode());
    assertEquals("The take parameter can not be greater than 100", e.description());
  }

  @Test
  void failureWithoutReasonAtAllIsStillTyped() {
    server.enqueue(json(200, "{\"method\":\"get\",\"status\":\"failure\",\"id\":\"env-1\"}"));
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(getContact()));
    assertNull(e.reasonCode());
    assertFalse(e.description().isEmpty());
  }

  @Test
  void httpErrorsMapToTypes() {
    server.enqueue(json(400, "{\"error\":\"bad\"}"));
    BadRequestException bad = assertThrows(BadRequestException.class, () -> client.execute(getContact()));
    assertEquals(400, bad.statusCode());
    assertEquals("{\"error\":\"bad\"}", bad.bodyExcerpt());
    assertFalse(bad.isRetryable());

    server.enqueue(json(401, ""));
    AuthenticationException auth = assertThrows(AuthenticationException.class, () -> client.execute(getContact()));
    assertFalse(auth.isRetryable());
    assertFalse(auth.toString().contains("s3cr3t"), auth.toString());

    server.enqueue(json(404, "x".repeat(2000)));
    BlipHttpException other = assertThrows(BlipHttpException.class, () -> client.execute(getContact()));
    assertEquals(404, other.statusCode());
    assertEquals(BlipHttpException.MAX_EXCERPT, other.bodyExcerpt().length());
  }

  @Test
  void serverErrorsOfGetAreRetriedThenTyped() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "busy"));
    }
    ServerException e = assertThrows(ServerException.class, () -> client.execute(getContact()));
    assertEquals(503, e.statusCode());
    assertEquals(3, e.attempts());
    assertTrue(e.isRetryable());
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.waits.size());
  }

  @Test
  void gatewayTimeoutOfSetIsNotRetriedUnlessIdempotent() {
    Command set = Command.set("/contacts", MediaTypes.CONTACT, JsonDocument.of(Map.of("identity", "a@b.c")))
        .to("postmaster@crm.msging.net").build();
    server.enqueue(json(504, ""));
    GatewayTimeoutException e = assertThrows(GatewayTimeoutException.class, () -> client.execute(set));
    assertFalse(e.isRetryable());
    assertEquals(1, server.getRequestCount());

    server.enqueue(json(504, ""));
    server.enqueue(json(200, "{\"id\":\"x\",\"method\":\"set\",\"status\":\"success\"}"));
    Command ok = client.execute(set, RequestOptions.builder().idempotent(true).build());
    assertTrue(ok.isSuccess());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retriesOn429HonouringRetryAfterSeconds() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build());
    server.enqueue(json(200, SUCCESS));
    Command response = client.execute(getContact());
    assertTrue(response.isSuccess());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
  }

  @Test
  void retryAfterHttpDateIsReadAgainstTheClock() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    BlipClient clocked = newClient().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(5),
        ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date).build());
    server.enqueue(json(200, SUCCESS));
    clocked.execute(getContact());
    assertEquals(List.of(Duration.ofSeconds(5)), sleeper.waits);
  }

  @Test
  void messageSendIsRetriedOn429BecauseBlipDidNotTakeIt() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    Message sent = client.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "hi"));
    assertEquals(2, server.getRequestCount());
    assertEquals("env-1", sent.id());
  }

  @Test
  void rateLimitPersistingIsTypedWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    }
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.execute(getContact()));
    assertEquals(Duration.ofSeconds(1), e.retryAfter());
    assertEquals(3, e.attempts());
    assertTrue(e.isRetryable());
  }

  @Test
  void retryAfterBeyondDeadlineFailsAtOnce() {
    BlipClient shortDeadline = newClient().deadline(Duration.ofSeconds(2)).build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
    RateLimitException e = assertThrows(RateLimitException.class, () -> shortDeadline.execute(getContact()));
    assertEquals(1, e.attempts());
    assertTrue(sleeper.waits.isEmpty(), "never sleeps past the deadline");
  }

  @Test
  void messageSendIsNotRetriedAfterReadTimeout() throws InterruptedException {
    BlipClient impatient = newClient().readTimeout(Duration.ofMillis(200)).build();
    server.enqueue(new MockResponse.Builder().code(202).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    BlipTimeoutException e = assertThrows(BlipTimeoutException.class,
        () -> impatient.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "hi")));
    assertFalse(e.isRetryable());
    assertEquals(1, e.attempts());
    // the call has returned after its only attempt: once the server has read that request, nothing else can come
    assertNotNull(server.takeRequest(10, TimeUnit.SECONDS), "the message reached the server");
    assertEquals(1, server.getRequestCount(), "the message reached the server once and only once");
    assertTrue(e.getMessage().contains("not safe to repeat"), e.getMessage());
  }

  @Test
  void messageSendIsRetriedAfterReadTimeoutWhenCallerOptsIn() throws InterruptedException {
    BlipClient impatient = newClient().readTimeout(Duration.ofMillis(300)).build();
    // the first request the server reads is answered too late, every later one at once: on a loaded machine the
    // retry may be read before the first attempt's request (another connection), which then costs one attempt more
    server.setDispatcher(new Dispatcher() {
      private final AtomicInteger seen = new AtomicInteger();

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return seen.incrementAndGet() == 1
            ? new MockResponse.Builder().code(202).headersDelay(3, TimeUnit.SECONDS).build()
            : new MockResponse.Builder().code(202).build();
      }
    });
    Message sent = impatient.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "hi"),
        RequestOptions.builder().idempotent(true).build());
    assertTrue(server.getRequestCount() >= 2, "retried after the read timeout");
    assertEquals("env-1", sent.id(), "a resend keeps the envelope id so it is recognisable");
    for (int i = server.getRequestCount(); i > 0; i--) {
      assertTrue(server.takeRequest(10, TimeUnit.SECONDS).getBody().utf8().contains("\"id\":\"env-1\""), "every attempt sends the same id");
    }
  }

  @Test
  void getIsRetriedAfterReadTimeout() {
    BlipClient impatient = newClient().readTimeout(Duration.ofMillis(200)).build();
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(json(200, SUCCESS));
    assertTrue(impatient.execute(getContact()).isSuccess());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void messageSendIsNotRetriedWhenConnectionDropsAfterRequest() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    BlipConnectionException e = assertThrows(BlipConnectionException.class,
        () -> client.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "hi")));
    assertFalse(e.isRetryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void deadlineCoversAllAttempts() {
    BlipClient quick = newClient().deadline(Duration.ofMillis(300)).build();
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).body(SUCCESS).build());
    long start = System.nanoTime();
    BlipTimeoutException e = assertThrows(BlipTimeoutException.class, () -> quick.execute(getContact()));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ms < 3000, "gave up after " + ms + " ms");
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
  }

  @Test
  void connectFailureIsRetriedAndTyped() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    BlipClient nowhere = BlipClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/")
        .credentials("mybot", "key").sleeper(sleeper).build();
    BlipConnectionException e = assertThrows(BlipConnectionException.class,
        () -> nowhere.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "hi")));
    assertTrue(e.isRetryable(), "nothing was sent, so even a message may be retried");
    assertEquals(3, e.attempts());
    nowhere.close();
  }

  @Test
  void unparseableResponseIsProtocolErrorAfterEveryAttemptOfASafeCommand() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "<html>oops</html>"));
    }
    BlipProtocolException e = assertThrows(BlipProtocolException.class, () -> client.execute(getContact()));
    assertEquals(3, e.attempts(), "a get answered by a page that is not JSON is asked again");
    assertTrue(e.isRetryable());
    assertNotNull(e.envelopeId());
    server.enqueue(json(200, "{\"id\":\"1\",\"method\":\"set\",\"status\":\"success\""));
    BlipProtocolException once = assertThrows(BlipProtocolException.class, () -> client.execute(
        Command.set("/contacts", "application/json", JsonDocument.parse("{}")).build()));
    assertEquals(1, once.attempts(), "a set is not repeated: it may have taken effect");
    assertFalse(once.isRetryable());
  }

  @Test
  void asyncCompletesAndFailsWithTypedExceptions() throws Exception {
    server.enqueue(json(200, SUCCESS));
    assertTrue(client.executeAsync(getContact()).get(5, TimeUnit.SECONDS).isSuccess());

    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    Message sent = client.sendMessageAsync(Message.text(Node.parse("a@wa.gw.msging.net"), "hi"))
        .get(5, TimeUnit.SECONDS);
    assertNotNull(sent.id());
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);

    server.enqueue(json(401, ""));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.executeAsync(getContact()).get(5, TimeUnit.SECONDS));
    assertInstanceOf(AuthenticationException.class, e.getCause());
  }

  @Test
  void asyncDeadlineFailsTheFutureWithATimeoutAndFreesTheCall() throws Exception {
    BlipClient quick = newClient().deadline(Duration.ofMillis(300)).build();
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body(SUCCESS).build());
    long start = System.nanoTime();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> quick.executeAsync(getContact()).get(5, TimeUnit.SECONDS));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    BlipTimeoutException timeout = assertInstanceOf(BlipTimeoutException.class, e.getCause());
    assertTrue(timeout.getMessage().contains("exceeded its deadline of 300 ms"), timeout.getMessage());
    assertFalse(timeout.isRetryable());
    assertTrue(ms >= 300 && ms < 3000, "failed after " + ms + " ms");
    OkHttpClientProbe.awaitIdle(quick, Duration.ofSeconds(3));
  }

  @Test
  void deadlinePassingWhileTheBodyIsReadIsATimeout() {
    BlipClient quick = newClient().deadline(Duration.ofMillis(300)).build();
    // headers at once, then the body trickles for seconds: the deadline covers the body too
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(SUCCESS).throttleBody(1, 1, TimeUnit.SECONDS).build());
    long start = System.nanoTime();
    BlipTimeoutException e = assertThrows(BlipTimeoutException.class, () -> quick.execute(getContact()));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    assertTrue(ms < 3000, "gave up after " + ms + " ms");
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body(SUCCESS).build());
    CompletableFuture<Command> future = client.executeAsync(getContact());
    RecordedRequest arrived = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(arrived, "request reached the server");
    long start = System.nanoTime();
    assertTrue(future.cancel(true));
    assertTrue(future.isCancelled());
    // the OkHttp call is cancelled: the dispatcher frees up instead of waiting 10 s
    OkHttpClientProbe.awaitIdle(client, Duration.ofSeconds(3));
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
  }

  @Test
  void buildFailsNamingWhatIsMissing() {
    IllegalStateException both = assertThrows(IllegalStateException.class, () -> BlipClient.builder().build());
    assertTrue(both.getMessage().contains("contract(id) or baseUrl(url)"), both.getMessage());
    assertTrue(both.getMessage().contains("credentials"), both.getMessage());
    IllegalStateException creds = assertThrows(IllegalStateException.class,
        () -> BlipClient.builder().contract("acme").build());
    assertFalse(creds.getMessage().contains("baseUrl(url)"), creds.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().contract("bad host!"));
    assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().baseUrl("not a url"));
    assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().credentials("a:b", "k"));
    assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().authorizationKey("Key ***"));
    assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().deadline(Duration.ZERO));
  }

  @Test
  void contractBuildsTheDocumentedHost() {
    try (BlipClient c = BlipClient.builder().contract("acme-01").credentials("bot", "k").build()) {
      assertEquals("https://acme-01.http.msging.net/", c.baseUrl());
    }
  }

  @Test
  void toStringNeverShowsCredentials() {
    assertFalse(client.toString().contains("s3cr3t-key"));
    String key = Base64.getEncoder().encodeToString("mybot:s3cr3t-key".getBytes(StandardCharsets.UTF_8));
    assertFalse(client.toString().contains(key));
    assertFalse(newClient().toString().contains("s3cr3t-key"));
  }

  @Test
  void requestsWithInvalidArgumentsFailBeforeSending() {
    Message noRecipient = new Message(null, null, null, null, "text/plain", JsonDocument.text("x"), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.sendMessage(noRecipient));
    assertTrue(e.getMessage().contains("to"));
    assertEquals(0, server.getRequestCount());
    CompletableFuture<Message> f = client.sendMessageAsync(noRecipient);
    assertTrue(f.isCompletedExceptionally());
  }

  @Test
  void newBuilderDerivesAClientSharingThePool() throws Exception {
    server.enqueue(json(200, SUCCESS));
    server.enqueue(json(200, SUCCESS));
    BlipClient other = client.newBuilder().credentials("otherbot", "other-key").build();
    client.execute(getContact());
    other.execute(getContact());
    String first = server.takeRequest().getHeaders().get("Authorization");
    String second = server.takeRequest().getHeaders().get("Authorization");
    assertTrue(first.endsWith(Base64.getEncoder().encodeToString("mybot:s3cr3t-key".getBytes(StandardCharsets.UTF_8))));
    assertTrue(second.endsWith(Base64.getEncoder().encodeToString("otherbot:other-key".getBytes(StandardCharsets.UTF_8))));
    other.close(); // must not shut the shared pool down
    server.enqueue(json(200, SUCCESS));
    assertTrue(client.execute(getContact()).isSuccess());
  }

  @Test
  void closeLeavesAUserSuppliedHttpClientAlone() {
    OkHttpClient shared = new OkHttpClient();
    BlipClient c = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("b", "k")
        .httpClient(shared).build();
    c.close();
    assertFalse(shared.dispatcher().executorService().isShutdown());
    shared.dispatcher().executorService().shutdown();
  }

  @Test
  void oneClientServesManyThreadsWithDistinctIds() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String id = JsonDocument.parse(request.getBody().utf8()).asMap().get("id").toString();
        return json(200, "{\"id\":\"" + id + "\",\"method\":\"get\",\"status\":\"success\",\"resource\":\"" + id + "\","
            + "\"type\":\"text/plain\"}");
      }
    });
    BlipClient shared = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("b", "k").build();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        futures.add(pool.submit(() -> {
          Command r = shared.execute(getContact());
          assertEquals(r.id(), r.requireResource().asString(), "each thread gets its own response");
          return r.id();
        }));
      }
      Set<String> ids = ConcurrentHashMap.newKeySet();
      for (Future<String> f : futures) {
        ids.add(f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(400, ids.size());
      assertEquals(400, server.getRequestCount());
    } finally {
      pool.shutdownNow();
      shared.close();
    }
  }

  @Test
  void everyErrorIsABlipException() {
    server.enqueue(json(502, ""));
    server.enqueue(json(502, ""));
    server.enqueue(json(502, ""));
    BlipException e = assertThrows(BlipException.class, () -> client.execute(getContact()));
    assertInstanceOf(ServerException.class, e);
  }

  @Test
  void runsSixteenAsyncCallsToTheOneHostAtOnce() throws Exception {
    // OkHttp's default dispatcher would hold all but 5 of these in its queue: the server only answers once
    // 16 requests are in, so with a limit below 16 this would time out.
    java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(16);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        allIn.countDown();
        return allIn.await(5, TimeUnit.SECONDS) ? new MockResponse.Builder().code(202).build()
            : new MockResponse.Builder().code(500).build();
      }
    });
    List<CompletableFuture<Message>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(client.sendMessageAsync(Message.text(Node.parse("a" + i + "@wa.gw.msging.net"), "hi")));
    }
    for (CompletableFuture<Message> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    assertEquals(16, server.getRequestCount());
  }
}
