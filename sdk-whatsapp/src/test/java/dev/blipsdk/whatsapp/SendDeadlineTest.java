package dev.blipsdk.whatsapp;

import static dev.blipsdk.whatsapp.FakeBlipSupport.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defect 3: one deadline covers a whole send to a phone number (the lookup and the message), blocking
 * and async. Before, the lookup ignored the send's deadline and the message got a fresh full one.
 */
class SendDeadlineTest {
  private static final TemplateMessage WELCOME = TemplateMessage.of("welcome", "pt_BR").body("Ana");
  /** Room for a loaded machine; still under the 3.5 s the two calls took one after the other. */
  private static final Duration SLACK = Duration.ofMillis(1_000);

  private FakeBlip fake;

  @BeforeEach
  void start() {
    fake = FakeBlip.start();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private WhatsAppClient whatsApp(Duration clientDeadline) {
    BlipClient blip = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock()).retryPolicy(RetryPolicy.none()).deadline(clientDeadline).build();
    return WhatsAppClient.of(blip);
  }

  private void slowLookup(Duration latency) {
    fake.inject(Fault.latency(latency).onCommandUri("lime://wa.gw.msging.net/accounts").always());
  }

  @Test
  void theSendsDeadlineBoundsTheLookupToo() throws Exception {
    WhatsAppClient wa = whatsApp(Duration.ofSeconds(60));
    slowLookup(Duration.ofMillis(1_500));
    SendOptions oneSecond = SendOptions.builder()
        .requestOptions(RequestOptions.builder().deadline(Duration.ofSeconds(1)).build()).build();
    assertThrows(BlipTimeoutException.class,
        () -> wa.send(Recipient.of(WhatsAppClientIntegrationTest.ANA), WELCOME, oneSecond));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> wa.sendAsync(Recipient.of(WhatsAppClientIntegrationTest.ANA), WELCOME, oneSecond)
            .get(30, TimeUnit.SECONDS));
    assertInstanceOf(BlipTimeoutException.class, async.getCause());
    assertTrue(messages(fake).isEmpty(), "the deadline passed during the lookup: nothing was sent");
  }

  @Test
  void theClientsDeadlineCoversLookupAndMessageTogether() throws Exception {
    WhatsAppClient wa = whatsApp(Duration.ofSeconds(2));
    slowLookup(Duration.ofMillis(1_500));
    fake.inject(Fault.latency(Duration.ofSeconds(5)).onPath("/messages").always());
    long start = System.nanoTime();
    assertThrows(BlipTimeoutException.class, () -> wa.send(WhatsAppClientIntegrationTest.ANA, WELCOME));
    Duration blocking = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(blocking.compareTo(Duration.ofSeconds(2).plus(SLACK)) < 0, "took " + blocking);
    start = System.nanoTime();
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> wa.sendAsync(Recipient.of(WhatsAppClientIntegrationTest.ANA), WELCOME).get(30, TimeUnit.SECONDS));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertInstanceOf(BlipTimeoutException.class, async.getCause());
    assertTrue(took.compareTo(Duration.ofSeconds(2).plus(SLACK)) < 0, "took " + took);
  }

  @Test
  void aSendWithinItsDeadlineGoesThrough() {
    WhatsAppClient wa = whatsApp(Duration.ofSeconds(10));
    slowLookup(Duration.ofMillis(200));
    SendReceipt r = wa.send(WhatsAppClientIntegrationTest.ANA, WELCOME);
    assertEquals(r.envelopeId(), messages(fake).get(0).field("id"));
  }
}
