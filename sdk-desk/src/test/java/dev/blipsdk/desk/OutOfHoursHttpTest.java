package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.WebhookDelivery;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Out-of-hours contacts from the thread history and from webhooks, and the active messages sent to them. */
class OutOfHoursHttpTest {
  private final DeskFixture f = new DeskFixture();   // Monday 2024-05-06 12:00Z = 09:00 in São Paulo
  private final BusinessHours hours = BusinessHours.parse(ZoneId.of("America/Sao_Paulo"), "seg-sex: 08:00-18:00");
  private final Identity ana = Agents.identityOf("ana@acme.com");
  private final Identity a = Identity.parse("5511911110000@wa.gw.msging.net");
  private final Identity b = Identity.parse("5511922220000@wa.gw.msging.net");
  private final Identity c = Identity.parse("5511933330000@wa.gw.msging.net");
  private final Identity d = Identity.parse("5511944440000@wa.gw.msging.net");
  private final Identity e = Identity.parse("5511955550000@wa.gw.msging.net");
  private final TemplateMessage retorno = TemplateMessage.of("retorno", "pt_BR");

  @BeforeEach
  void seed() {
    f.fake.seedTemplate(FakeTemplate.builder(Escalation.UNAVAILABLE_TEMPLATE, "pt_BR")
        .body("Estamos fora do horário. Quer ser avisado quando abrirmos?").quickReplies("Sim", "Não").build());
    f.fake.seedTemplate(FakeTemplate.of("retorno", "pt_BR", "Olá! Vimos sua mensagem e estamos à disposição."));
    f.fake.bot().addQueue("Default");
    f.fake.bot().addAgent(ana.value(), "Online", "Default");
  }

  @AfterEach
  void close() {
    f.close();
  }

  private void advanceTo(String offsetDateTime) {
    f.clock.advance(Duration.between(f.clock.instant(), BusinessHoursTest.at(offsetDateTime)));
  }

  /** The story of Go Personal's page: who wrote out of hours, who asked for a callback, who got a message. */
  private void story() {
    advanceTo("2024-05-06T20:00:00-03:00");
    f.fake.simulateCustomerReply(d.value(), "Olá");                                  // out of hours, 12 days ago
    advanceTo("2024-05-14T20:00:00-03:00");
    f.fake.simulateCustomerReply(b.value(), "Preciso de ajuda");                     // Tuesday night
    Escalation.ClosedUntil closed = (Escalation.ClosedUntil) Escalation.decide(b, "Default", hours, f.clock.instant());
    WhatsAppClient.of(f.blip).send(b, closed.unavailableMessage("pt_BR"));           // the offer
    f.clock.advance(Duration.ofMinutes(1));
    f.fake.simulateCustomerReply(b.value(), "Sim");                                   // the button's answer
    advanceTo("2024-05-15T10:00:00-03:00");
    f.fake.simulateCustomerReply(a.value(), "Bom dia");                              // in hours
    advanceTo("2024-05-17T21:00:00-03:00");
    f.fake.simulateCustomerReply(e.value(), "Oi");                                   // Friday night...
    f.fake.bot().openTicket(e.value(), "Default");                                   // ...and in a ticket since
    advanceTo("2024-05-18T10:00:00-03:00");
    f.fake.simulateCustomerReply(c.value(), "Vocês abrem hoje?");                    // Saturday
    f.clock.advance(Duration.ofHours(1));
    assertInstanceOf(ActiveMessageOutcome.Sent.class, f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(retorno).to(c).build()));
    f.clock.advance(Duration.ofMinutes(5));
  }

  @Test
  void theLastSevenDaysFromTheThreadHistory() {
    story();
    List<OutOfHoursContact> list = f.desk.outOfHours().list(hours);
    assertEquals(List.of(c, e, b), list.stream().map(OutOfHoursContact::customer).toList());
    OutOfHoursContact cc = list.get(0);
    assertEquals(CallbackRequest.NOT_OFFERED, cc.callback());
    assertTrue(cc.activeMessageSent());
    assertEquals(BusinessHoursTest.at("2024-05-18T11:00:00-03:00"), cc.activeMessageSentAt());
    OutOfHoursContact bb = list.get(2);
    assertEquals(CallbackRequest.REQUESTED, bb.callback());
    assertFalse(bb.activeMessageSent(), "the offer is not an active message");
    assertEquals(2, bb.messages());
    assertEquals(BusinessHoursTest.at("2024-05-14T20:00:00-03:00"), bb.firstContactAt());
    assertFalse(cc.toString().contains("5511933330000"), cc.toString());
    // a longer window reaches back to D
    assertEquals(List.of(c, e, b, d), f.desk.outOfHours().list(hours, Duration.ofDays(14)).stream()
        .map(OutOfHoursContact::customer).toList());
  }

  @Test
  void oneCallSendsEachAnActiveMessageAndAnOpenTicketStillRefuses() {
    story();
    List<OutOfHoursContact> list = f.desk.outOfHours().list(hours);
    List<OutOfHoursSend> sends = f.desk.outOfHours().sendActiveMessages(list, ana, contact -> retorno);
    assertTrue(sends.get(0).isSkipped(), "C already got an active message");
    ActiveMessageOutcome.RefusedOpenTicket refused = assertInstanceOf(ActiveMessageOutcome.RefusedOpenTicket.class,
        sends.get(1).outcome());
    assertEquals(e, refused.ticket().customerIdentity());
    assertTrue(sends.get(2).isSent());
    assertTrue(f.fake.bot().sentMessages(b.value()).get(1).json().contains("\"#desk.agentIdentity\""));
    assertEquals(0, f.fake.bot().sentMessages(e.value()).size());
    OutOfHoursContact after = f.desk.outOfHours().list(hours).get(2);
    assertEquals(b, after.customer());
    assertTrue(after.activeMessageSent());
  }

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private void write(Identity customer, String text) throws InterruptedException {
    f.fake.simulateCustomerReply(customer.value(), text);
    assertTrue(f.fake.awaitIdle(Duration.ofSeconds(10)), "the webhook was delivered");
  }

  @Test
  void theListBuiltFromWebhooks() throws Exception {
    String token = "s3cr3t-token-for-tests";
    OutOfHoursLog log = OutOfHoursLog.builder(hours).clock(f.clock).build();
    WebhookReceiver receiver = WebhookReceiver.builder()
        .verifier(WebhookVerifier.staticHeader("X-Blip-Token", token))
        .onMessage(log::record)
        .build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        WebhookResponse r = receiver.handle(request.getMethod(),
            WebhookHeaders.fromMultiMap(request.getHeaders().toMultimap()),
            request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
        return new MockResponse.Builder().code(r.statusCode()).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    f.fake.bot().messageWebhook(server.url("/in").toString())
        .webhookHeaders(Map.of("X-Blip-Token", token));

    // the log times a message when its webhook arrives: let each one arrive before time moves on
    write(a, "Bom dia");                                                              // Monday 09:00: in hours
    advanceTo("2024-05-06T19:30:00-03:00");
    write(b, "Alguém aí?");
    log.offerSent(b, f.clock.instant());
    f.clock.advance(Duration.ofMinutes(2));
    write(b, "não");
    advanceTo("2024-05-11T15:00:00-03:00");
    write(c, "Oi");                                                                   // Saturday
    write(c, "Tem alguém?");
    List<WebhookDelivery> deliveries = f.fake.webhookDeliveries();
    assertEquals(5, deliveries.size());
    assertTrue(deliveries.stream().allMatch(w -> w.statusCode() == 200), deliveries.toString());

    List<OutOfHoursContact> list = log.contacts();
    assertEquals(List.of(c, b), list.stream().map(OutOfHoursContact::customer).toList());
    assertEquals(2, list.get(0).messages());
    assertEquals(CallbackRequest.NOT_OFFERED, list.get(0).callback());
    assertEquals(CallbackRequest.DECLINED, list.get(1).callback());

    // an active message to C, recorded from the send's result
    List<OutOfHoursSend> sends = f.desk.outOfHours().sendActiveMessages(List.of(list.get(0)), ana, x -> retorno);
    log.recordSends(sends);
    assertTrue(log.contacts().get(0).activeMessageSent());
    // a week later they are gone
    f.clock.advance(Duration.ofDays(8));
    assertTrue(log.contacts().isEmpty());
  }
}
