package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.exception.WebhookVerificationException.Failure;
import dev.blipsdk.core.exception.WebhookCallbackException;
import dev.blipsdk.core.exception.WebhookParseException;
import static org.junit.jupiter.api.Assertions.*;

import dev.blipsdk.core.exception.BlipException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private static final WebhookSigner SIGNER = WebhookSigner.staticHeader("X-Blip-Token", "tok");
  private final List<WebhookEvent> seen = new CopyOnWriteArrayList<>();
  private final List<BlipException> errors = new CopyOnWriteArrayList<>();

  private WebhookReceiver.Builder builder() {
    return WebhookReceiver.builder()
        .verifier(WebhookVerifier.staticHeader("X-Blip-Token", "tok"))
        .onMessage(seen::add).onStatus(seen::add).onTicket(seen::add).onUnknown(seen::add)
        .onError(errors::add);
  }

  private static WebhookHeaders signed(byte[] body) {
    return WebhookHeaders.fromMap(SIGNER.headersFor(body));
  }

  @Test
  void dispatchesEachKindToItsListenerAndAnswers200() {
    WebhookReceiver r = builder().build();
    WebhookResponse ok = r.handle("POST", signed(Vectors.BODY), Vectors.BODY);
    assertEquals(200, ok.statusCode());
    assertTrue(ok.isSuccess());
    assertEquals("ok", ok.body());
    assertEquals(WebhookResponse.CONTENT_TYPE, ok.headers().get("Content-Type"));
    assertEquals(200, r.handle("POST", signed(Vectors.NOTIFICATION), Vectors.NOTIFICATION).statusCode());
    assertInstanceOf(InboundMessage.class, seen.get(0));
    assertInstanceOf(StatusNotification.class, seen.get(1));
    assertTrue(errors.isEmpty());
  }

  @Test
  void typedListenersSeeOnlyTheirKind() {
    List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    WebhookReceiver r = WebhookReceiver.builder().verifier(WebhookVerifier.staticHeader("X-Blip-Token", "tok"))
        .onMessage(messages::add).build();
    assertEquals(200, r.handle("POST", signed(Vectors.NOTIFICATION), Vectors.NOTIFICATION).statusCode(),
        "an event with no listener is accepted and dropped");
    assertTrue(messages.isEmpty());
    r.handle("POST", signed(Vectors.BODY), Vectors.BODY);
    assertEquals(1, messages.size());
  }

  @Test
  void statusCodes() {
    WebhookReceiver r = builder().parser(WebhookParser.builder().maxBodyBytes(1000).build()).build();
    WebhookResponse get = r.handle("GET", signed(Vectors.BODY), Vectors.BODY);
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().get("Allow"));
    assertEquals(405, r.handle("PUT", signed(Vectors.BODY), Vectors.BODY).statusCode());

    WebhookResponse unauthorized = r.handle("POST", WebhookHeaders.empty(), Vectors.BODY);
    assertEquals(401, unauthorized.statusCode());
    assertEquals("unauthorized", unauthorized.body());
    Verifications.failure(Failure.MISSING_HEADER, errors.get(errors.size() - 1));
    assertEquals(401, r.handle("POST", WebhookHeaders.of("X-Blip-Token", "nope"), Vectors.BODY).statusCode());
    Verifications.failure(Failure.TOKEN_REJECTED, errors.get(errors.size() - 1));

    byte[] big = new byte[1001];
    assertEquals(413, r.handle("POST", signed(big), big).statusCode());
    byte[] bad = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    WebhookResponse badResponse = r.handle("POST", signed(bad), bad);
    assertEquals(400, badResponse.statusCode());
    assertEquals("bad request: malformed_json", badResponse.body());
    assertEquals(WebhookParseException.Failure.MALFORMED_JSON,
        ((WebhookParseException) errors.get(errors.size() - 1)).failure());
    assertEquals(400, r.handle("POST", signed(new byte[0]), new byte[0]).statusCode());
    assertTrue(seen.isEmpty(), "nothing reached a listener");
  }

  @Test
  void sizeIsCheckedBeforeVerification() {
    WebhookReceiver r = builder().parser(WebhookParser.builder().maxBodyBytes(10).build()).build();
    assertEquals(413, r.handle("POST", WebhookHeaders.empty(), new byte[11]).statusCode());
  }

  @Test
  void signatureIsCheckedBeforeParsing() {
    WebhookReceiver r = WebhookReceiver.builder()
        .verifier(WebhookVerifier.metaHubSignature256(Vectors.META_SECRET)).onError(errors::add).build();
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    assertEquals(401, r.handle("POST", WebhookHeaders.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)),
        garbage).statusCode());
    Verifications.failure(Failure.SIGNATURE_MISMATCH, errors.get(0));
    WebhookHeaders meta = WebhookHeaders.of("X-Hub-Signature-256", "sha256=" + Vectors.META_NOTIFICATION_HEX);
    assertEquals(200, r.handle("POST", meta, Vectors.NOTIFICATION).statusCode());
  }

  @Test
  void aThrowingListenerAnswers500AndIsReported() {
    WebhookReceiver r = builder().onMessage(m -> {
      throw new IllegalStateException("database down");
    }).build();
    WebhookResponse response = r.handle("POST", signed(Vectors.BODY), Vectors.BODY);
    assertEquals(500, response.statusCode());
    assertFalse(response.body().contains("database"), "internals are not echoed to the caller");
    WebhookCallbackException e = assertInstanceOf(WebhookCallbackException.class, errors.get(0));
    assertEquals("99cf454e-f25d-4ebd-831f-e48a1c612cd4:message", e.deduplicationKey());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(1, seen.size(), "the listener added before the failing one ran");
  }

  @Test
  void aThrowingCustomVerifierOrErrorListenerDoesNotEscape() {
    WebhookReceiver r = WebhookReceiver.builder().verifier((headers, body) -> {
      throw new IllegalStateException("token store down");
    }).onError(e -> {
      throw new IllegalStateException("metrics down");
    }).build();
    assertEquals(500, r.handle("POST", WebhookHeaders.empty(), Vectors.BODY).statusCode());
  }

  @Test
  void nullsAreAnswersNotExceptions() {
    WebhookReceiver r = builder().build();
    assertEquals(405, r.handle(null, null, null).statusCode());
    assertEquals(401, r.handle("POST", null, null).statusCode());
    WebhookReceiver open = WebhookReceiver.builder().build();
    assertEquals(400, open.handle("POST", null, null).statusCode());
  }

  @Test
  void executorModeAnswers202AndDispatchesLater() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch done = new CountDownLatch(1);
      WebhookReceiver r = builder().executor(pool).onMessage(m -> done.countDown()).build();
      WebhookResponse response = r.handle("POST", signed(Vectors.BODY), Vectors.BODY);
      assertEquals(202, response.statusCode());
      assertTrue(done.await(5, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    WebhookReceiver rejecting = builder().executor(task -> {
      throw new RejectedExecutionException("full");
    }).build();
    assertEquals(503, rejecting.handle("POST", signed(Vectors.BODY), Vectors.BODY).statusCode());
  }

  @Test
  void oneReceiverServesManyThreads() throws Exception {
    WebhookReceiver r = builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 400; i++) {
        byte[] body = ("{\"id\":\"m" + i + "\",\"event\":\"received\"}").getBytes(StandardCharsets.UTF_8);
        results.add(pool.submit(() -> r.handle("POST", signed(body), body).statusCode()));
      }
      for (java.util.concurrent.Future<Integer> f : results) {
        assertEquals(200, f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400, seen.stream().map(WebhookEvent::deduplicationKey).distinct().count());
  }
}
