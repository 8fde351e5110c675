package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.exception.ServerException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every fault kind the SDK claims to survive can be injected, and does what its javadoc says on the wire. */
class NewFaultKindsTest {
  private static final Node ANA = Node.parse(FaultInjectionTest.CUSTOMER);

  private static Command getContacts() {
    return Command.get("/contacts").to("postmaster@crm.msging.net").build();
  }

  private static BlipClient noRetry(FakeBlip blip) {
    return blip.client().newBuilder().retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void bodiesThatAreNotCommandsAreRetriedForAGetAndReportedForASet() throws IOException {
    try (FakeBlip blip = FakeBlip.start(); BlipClient client = blip.client()) {
      for (Fault f : List.of(Fault.emptyBody(), Fault.malformedBody(), Fault.notAnEnvelope(), Fault.truncatedBody(),
          Fault.resetAfterRead(), Fault.resetBeforeRead(), Fault.garbageStatusLine(), Fault.proxyErrorPage())) {
        int before = blip.httpRequestCount();
        blip.inject(f.onCommandUri("/contacts"));
        client.execute(getContacts());
        assertEquals(before + 2, blip.httpRequestCount(), f + ": one faulted attempt, one answered");
      }
      Wire w = new Wire(blip);
      blip.inject(Fault.notAnEnvelope());
      Wire.Answer raw = w.post("/commands", FaultInjectionTest.CONTACT);
      assertEquals(200, raw.code());
      assertFalse(raw.body().contains("\"method\""), raw.body());
      assertEquals(1, blip.bot().contacts().size(), "processed first");
    }
  }

  @Test
  void aResetIsATcpResetAndAfterReadTheMessageWasSent() {
    try (FakeBlip blip = FakeBlip.start(); BlipClient client = noRetry(blip)) {
      blip.inject(Fault.resetAfterRead().onPath("/messages"));
      BlipConnectionException after = assertThrows(BlipConnectionException.class,
          () -> client.sendMessage(Message.text(ANA, "hi")));
      assertTrue(after.getMessage().toLowerCase(Locale.ROOT).contains("reset")
          || after.getMessage().contains("end of stream"), after.getMessage());
      assertEquals(1, blip.bot().sentMessages().size(), "processed before the reset");
      blip.inject(Fault.resetBeforeRead().onPath("/messages"));
      assertThrows(BlipConnectionException.class, () -> client.sendMessage(Message.text(ANA, "again")));
      assertEquals(1, blip.bot().sentMessages().size(), "a reset before reading processes nothing");
    }
  }

  @Test
  void aStalledBodyEndsInTheDeadline() {
    try (FakeBlip blip = FakeBlip.start(); BlipClient client = noRetry(blip)) {
      blip.inject(Fault.stalledBody().onCommandUri("/contacts"));
      BlipTimeoutException e = assertThrows(BlipTimeoutException.class, () -> client.execute(getContacts(),
          RequestOptions.builder().deadline(Duration.ofMillis(500)).build()));
      assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }
  }

  @Test
  void retryAfterAsAnHttpDateAndAProxyPage() {
    try (FakeBlip blip = FakeBlip.start();
        // the client reads the date on the fake's clock, which stands still: on the system clock the answer would
        // shrink by however long the machine took between the fake's start and the request
        BlipClient client = blip.client().newBuilder().retryPolicy(RetryPolicy.none()).clock(blip.clock()).build()) {
      blip.inject(Fault.tooManyRequestsUntil(Duration.ofSeconds(30)));
      RateLimitException rl = assertThrows(RateLimitException.class, () -> client.execute(getContacts()));
      Duration ra = rl.retryAfter();
      assertTrue(ra != null && ra.compareTo(Duration.ofSeconds(30)) >= 0 && ra.compareTo(Duration.ofSeconds(31)) <= 0,
          "the date (whole seconds, rounded up) is read on the fake's (shared) clock: " + ra);
      blip.inject(Fault.proxyErrorPage());
      ServerException page = assertThrows(ServerException.class, () -> client.execute(getContacts()));
      assertEquals(502, page.statusCode());
      assertTrue(page.bodyExcerpt().contains("Bad Gateway"), page.bodyExcerpt());
      blip.inject(Fault.emptyBody().onPath("/commands"));
      assertInstanceOf(BlipProtocolException.class, assertThrows(BlipException.class,
          () -> client.execute(getContacts())));
    }
  }

  @Test
  void aProbabilityFiresOnASeededShareTheSameWayWhateverTheOrder() throws Exception {
    List<Boolean> first = faulted(42, false);
    assertEquals(first, faulted(42, true), "same seed, same ids, reversed order: same faults");
    assertNotEquals(first, faulted(7, false), "another seed, other faults");
    long hits = first.stream().filter(b -> b).count();
    assertTrue(hits > 20 && hits < 80, "about a quarter of 200: " + hits);
    assertThrows(IllegalArgumentException.class, () -> Fault.emptyBody().withProbability(1.5));
  }

  /** Which of 200 gets (by id) a 25% fault hits, sent in order or in reverse. */
  private static List<Boolean> faulted(long seed, boolean reversed) throws Exception {
    try (FakeBlip blip = FakeBlip.builder().faultSeed(seed).start()) {
      blip.inject(Fault.status(503).withProbability(0.25).always());
      Wire w = new Wire(blip);
      List<Boolean> hit = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        hit.add(false);
      }
      for (int k = 0; k < 200; k++) {
        int i = reversed ? 199 - k : k;
        int code = w.post("/commands", "{\"id\":\"g" + i + "\",\"method\":\"get\",\"uri\":\"/contacts\"}").code();
        hit.set(i, code == 503);
      }
      return hit;
    }
  }
}
