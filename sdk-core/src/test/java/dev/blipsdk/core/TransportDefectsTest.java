package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.exception.ClientClosedException;
import dev.blipsdk.core.exception.RateLimitException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regressions of issue 12's defects 1, 2, 4, 5, 6 (responses) and 7 (core edges): each failed before the
 * transport's one attempt loop and classifier.
 */
public class TransportDefectsTest {
  private static final String CONTACT = "{\"id\":\"c1\",\"method\":\"get\",\"status\":\"success\","
      + "\"type\":\"application/vnd.lime.contact+json\",\"resource\":{\"name\":\"Ana\"}}";
  private static final Node ANA = Node.parse("5531999998888@wa.gw.msging.net");

  private MockWebServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private BlipClient client;

  public record Contact(String name) {}

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = builder().build();
  }

  private BlipClient.Builder builder() {
    return BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", "key").sleeper(sleeper);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse cut(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body)
        .onResponseBody(new SocketEffect.CloseSocket()).build();
  }

  private static Command getContact() {
    return Command.get("/contacts/5531999998888@wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  private static Command setContact() {
    return Command.set("/contacts", "application/vnd.lime.contact+json", JsonDocument.parse("{\"name\":\"Ana\"}"))
        .to("postmaster@crm.msging.net").build();
  }

  private static Throwable cause(CompletableFuture<?> f) throws InterruptedException {
    try {
      f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not end", e);
    }
    throw new AssertionError("the future succeeded");
  }

  // ---- defect 1: a cut, stalled or malformed body ------------------------------------------------------

  @Test
  void aCutBodyOfAGetIsRetriedOnEveryPath() throws Exception {
    server.enqueue(cut(CONTACT));
    server.enqueue(json(CONTACT));
    assertEquals("Ana", client.execute(getContact()).requireResource().asMap().get("name"));
    server.enqueue(cut(CONTACT));
    server.enqueue(json(CONTACT));
    assertEquals("Ana", client.executeAsync(getContact()).get(30, TimeUnit.SECONDS).requireResource().asMap()
        .get("name"));
    server.enqueue(cut(CONTACT));
    server.enqueue(json(CONTACT));
    assertEquals(new Contact("Ana"), client.execute(getContact(), Contact.class));
    assertEquals(6, server.getRequestCount());
  }

  @Test
  void aCutBodyOfASetIsNotRepeatedAndSaysSoWithTheAttemptAndId() {
    server.enqueue(cut(CONTACT));
    BlipConnectionException e = assertThrows(BlipConnectionException.class, () -> client.execute(setContact()));
    assertEquals(1, e.attempts());
    assertFalse(e.isRetryable());
    assertTrue(e.envelopeId() != null && !e.envelopeId().isEmpty());
    assertTrue(e.getMessage().contains("not safe to repeat"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aMalformedBodyOfAGetIsRetried() {
    server.enqueue(json("{\"id\":\"c1\",\"method\":\"get\""));
    server.enqueue(json(""));
    server.enqueue(json(CONTACT));
    assertEquals("Ana", client.execute(getContact()).requireResource().asMap().get("name"));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aDeadlinePassingWhileTheBodyIsReadIsATimeout() throws Exception {
    RequestOptions shortDeadline = RequestOptions.builder().deadline(Duration.ofMillis(300)).build();
    server.enqueue(new MockResponse.Builder().code(200).body(CONTACT)
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());
    BlipTimeoutException e = assertThrows(BlipTimeoutException.class,
        () -> client.execute(getContact(), shortDeadline));
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    assertEquals(1, e.attempts());
    server.enqueue(new MockResponse.Builder().code(200).body(CONTACT)
        .onResponseBody(SocketEffect.Stall.INSTANCE).build());
    assertInstanceOf(BlipTimeoutException.class, cause(client.executeAsync(getContact(), shortDeadline)));
  }

  // ---- defect 2: a failure with only status and reason -------------------------------------------------

  @Test
  void aFailureWithOnlyStatusAndReasonIsACommandException() throws Exception {
    String failure = "{\"status\":\"failure\",\"reason\":{\"code\":67,\"description\":\"Resource not found\"}}";
    server.enqueue(json(failure));
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(getContact()));
    assertTrue(e.isNotFound());
    assertEquals("Resource not found", e.description());
    assertEquals("get", e.method());
    server.enqueue(json("{\"status\":\"failure\",\"reason\":{\"description\":\"gone\"}}"));
    BlipCommandException typed = assertThrows(BlipCommandException.class,
        () -> client.execute(getContact(), Contact.class));
    assertNull(typed.reasonCode());
    assertEquals("gone", typed.description());
    server.enqueue(json(failure));
    assertInstanceOf(BlipCommandException.class, cause(client.executeAsync(getContact())));
  }

  // ---- defect 4: a closed client ------------------------------------------------------------------------

  @Test
  void aClosedClientRefusesEveryCallAtOnceAndSendsNothing() throws Exception {
    BlipClient own = builder().build();
    BlipClient derived = own.newBuilder().build();
    own.close();
    Message text = Message.text(ANA, "hi");
    ClientClosedException blocking = assertThrows(ClientClosedException.class, () -> own.sendMessage(text));
    assertEquals(0, blocking.attempts());
    assertTrue(blocking.getMessage().contains("not sent"), blocking.getMessage());
    assertInstanceOf(ClientClosedException.class, assertThrows(BlipException.class, () -> own.execute(getContact())));
    Throwable async = cause(own.sendMessageAsync(text));
    assertInstanceOf(ClientClosedException.class, async);
    assertFalse(async.getMessage().contains("may have reached"), async.getMessage());
    assertInstanceOf(ClientClosedException.class, cause(own.executeAsync(getContact())));
    assertInstanceOf(ClientClosedException.class, assertThrows(BlipException.class,
        () -> derived.execute(getContact())), "a client sharing the closed one's pool and threads");
    assertEquals(0, server.getRequestCount(), "no request reached the server");
    assertTrue(sleeper.waits.isEmpty(), "nothing was retried");
  }

  @Test
  void closingAGivenOkHttpClientsUserLeavesItWorkingForOthers() {
    BlipClient first = builder().build();
    BlipClient second = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("other", "key")
        .httpClient(new okhttp3.OkHttpClient()).build();
    first.close();
    server.enqueue(new MockResponse.Builder().code(202).build());
    assertEquals("hi", second.sendMessage(Message.text(ANA, "hi")).content().asString());
    second.close();
  }

  // ---- defect 5: durations too large for milliseconds -------------------------------------------------

  @Test
  void foreverMeansNoDeadlineAndNoCapInsteadOfAnArithmeticException() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    BlipClient patient = builder().deadline(forever)
        .retryPolicy(RetryPolicy.builder().baseDelay(forever).maxDelay(forever).build()).build();
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(CONTACT));
    assertEquals("Ana", patient.execute(getContact(), RequestOptions.builder().deadline(forever).build())
        .requireResource().asMap().get("name"));
    assertEquals(1, sleeper.waits.size());
    assertTrue(sleeper.waits.get(0).compareTo(RetryPolicy.MAX_DELAY) <= 0);
    assertEquals(BlipClient.MAX_DEADLINE, RequestOptions.builder().deadline(forever).build().deadline());
    patient.close();
  }

  @Test
  void aHugeRetryAfterIsKeptWithinTheDeadline() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "99999999999999999").build());
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.execute(getContact()));
    assertEquals(1, e.attempts(), "a wait past the deadline ends the call with the real error");
  }

  @Test
  void timeoutsTooLargeForOkHttpNameTheField() {
    Duration century = Duration.ofDays(36_500);
    IllegalArgumentException read = assertThrows(IllegalArgumentException.class,
        () -> BlipClient.builder().readTimeout(century));
    assertTrue(read.getMessage().startsWith("readTimeout"), read.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().connectTimeout(century))
        .getMessage().startsWith("connectTimeout"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BlipClient.builder().writeTimeout(century))
        .getMessage().startsWith("writeTimeout"));
  }

  // ---- defect 6: responses are strict JSON -------------------------------------------------------------

  @Test
  void aResponseWithARawControlCharacterOrAForbiddenEscapeIsAProtocolError() {
    server.enqueue(json("{\"method\":\"set\",\"status\":\"success\",\"resource\":{\"name\":\"A\nna\"}}"));
    BlipProtocolException raw = assertThrows(BlipProtocolException.class, () -> client.execute(setContact()));
    assertTrue(raw.getMessage().contains("RFC 8259"), raw.getMessage());
    assertEquals(1, raw.attempts());
    server.enqueue(json("{\"method\":\"set\",\"status\":\"success\",\"resource\":{\"name\":\"A\\'na\"}}"));
    assertThrows(BlipProtocolException.class, () -> client.execute(setContact()));
  }

  // ---- defect 7: empty uri and empty text are not sent --------------------------------------------------

  @Test
  void anEmptyCommandUriOrTextIsRefusedBeforeAnyRequest() {
    IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
        () -> client.execute(Command.get("").build()));
    assertTrue(uri.getMessage().contains("command.uri"), uri.getMessage());
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> client.sendMessage(Message.text(ANA, "")));
    assertTrue(text.getMessage().contains("message.content"), text.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
