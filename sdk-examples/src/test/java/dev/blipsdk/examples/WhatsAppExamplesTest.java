package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.blipsdk.testing.ReceivedEnvelope;
import dev.blipsdk.whatsapp.BulkResult;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.NotOnWhatsAppException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WhatsAppExamplesTest extends OnTheDemoFake {

  @Test
  void templateWithMediaSendsTheImageHeaderAndVariables() {
    TemplateWithMediaExample.Outcome outcome = TemplateWithMediaExample.run(env);

    assertEquals(ExampleEnvironment.DEMO_IDENTITY, outcome.receipt().recipient().value());
    assertEquals("Olá Ana, seu pedido #4411 saiu para entrega.", outcome.preview().body());
    assertTrue(outcome.preview().header().contains(ExampleEnvironment.DEMO_IMAGE_URL), outcome.preview().header());
    List<ReceivedEnvelope> sent = bot.sentMessages(ExampleEnvironment.DEMO_IDENTITY);
    assertEquals(1, sent.size());
    String body = sent.get(0).json();
    assertTrue(body.contains(outcome.receipt().envelopeId()), body);
    assertTrue(body.contains(ExampleEnvironment.DEMO_IMAGE_URL), body);
    assertTrue(body.contains("#4411"), body);
  }

  @Test
  void campaignStreamsInWavesLeavesTheBadRowOutAndCountsTheOutcomes() {
    CampaignExample.Outcome outcome = CampaignExample.run(env, 24);

    assertEquals(25, outcome.launch().accepted());
    assertEquals(1, outcome.launch().rejected());
    assertEquals(24, outcome.rejected().get(0).position());
    assertEquals("recipient", outcome.rejected().get(0).field());
    assertEquals(3, outcome.launch().campaigns().size(), "waves of 10");
    assertEquals(24, outcome.counts().of(dev.blipsdk.whatsapp.RecipientStatus.READ));
    assertEquals(1, outcome.counts().failed(), "the number not on WhatsApp");
    assertTrue(bot.sentMessages().isEmpty(), "nothing was sent from this process: Blip's engine sent it");
  }

  @Test
  void bulkSendSendsEveryoneButTheNumberNotOnWhatsApp() {
    BulkSendExample.Outcome outcome = BulkSendExample.run(env, 7);

    assertEquals(7, outcome.summary().sent());
    assertEquals(1, outcome.summary().failed());
    assertEquals(8, outcome.results().size());
    List<String> failed = outcome.results().stream().filter(r -> r instanceof BulkResult.Failed)
        .map(r -> r.recipient().reference()).collect(Collectors.toList());
    assertEquals(List.of("c-gone"), failed);
    BulkResult.Failed gone = (BulkResult.Failed) outcome.results().stream()
        .filter(r -> r instanceof BulkResult.Failed).findFirst().orElseThrow();
    assertInstanceOf(NotOnWhatsAppException.class, gone.error());
    assertEquals(7, bot.sentMessages().size());
    // 5 every 250 ms: the 6th and 7th sends wait for the second window
    assertTrue(outcome.summary().duration().toMillis() >= 200, outcome.summary().duration().toString());
  }

  @Test
  void statusAwaitReachesDeliveredThenTimesOutWaitingForRead() {
    StatusAwaitExample.Outcome outcome = StatusAwaitExample.run(env);

    assertEquals(MessageStatus.DELIVERED, outcome.delivered().status());
    assertEquals(List.of("accepted", "dispatched", "received"), outcome.delivered().notifications().stream()
        .map(n -> n.eventName()).collect(Collectors.toList()));
    assertTrue(outcome.afterReadTimeout().isPresent());
    assertEquals(MessageStatus.DELIVERED, outcome.afterReadTimeout().get().status());
    assertEquals(1, bot.sentMessages(ExampleEnvironment.DEMO_IDENTITY_BRUNO).size());
  }
}
