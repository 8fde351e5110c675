package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.ReceivedEnvelope;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Desk active-message story of seeds 000/003/004, end to end against FakeBlip over HTTP. */
class ActiveMessagesHttpTest {
  private final DeskFixture f = new DeskFixture();
  private final Identity ana = Agents.identityOf("ana@acme.com");
  private final Identity customer = Identity.parse("5531999998888@wa.gw.msging.net");
  private final PhoneNumber phone = PhoneNumber.parse("+5531999998888");
  private final TemplateMessage template = TemplateMessage.of("order_update", "pt_BR").body("Ana", "#123");

  @BeforeEach
  void seed() {
    f.fake.seedTemplate(FakeTemplate.of("order_update", "pt_BR", "Olá {{1}}, seu pedido {{2}} saiu"));
    f.fake.bot().addQueue("Default");
    f.fake.bot().addAgent(ana.value(), "Online", "Default");
    f.fake.script(customer.value(), MessageScript.read().withStepDelay(Duration.ofSeconds(1)));
  }

  @AfterEach
  void close() {
    f.close();
  }

  private ActiveMessageSend sendToPhone() {
    ActiveMessageOutcome outcome = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(phone).build());
    return assertInstanceOf(ActiveMessageOutcome.Sent.class, outcome).send();
  }

  @Test
  void sendDeliveredReadAnsweredInProgressForTheSendingAgent() {
    ActiveMessageSend send = sendToPhone();
    assertEquals(customer, send.recipient(), "the phone number was resolved to its WhatsApp identity");
    ReceivedEnvelope sent = f.fake.bot().sentMessages(customer.value()).get(0);
    assertTrue(sent.json().contains("\"#desk.agentIdentity\":\"ana%40acme.com@blip.ai\""), sent.json());
    assertEquals(FakeBlip.DESK_AGENT_METADATA, DeskActiveMessages.AGENT_METADATA);

    DeskActiveMessages am = f.desk.activeMessages();
    assertEquals(ActiveMessageState.SENDING, am.status(send).state());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(ActiveMessageState.SENT, am.status(send).state());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(ActiveMessageState.DELIVERED, am.status(send).state());
    f.clock.advance(Duration.ofSeconds(1));
    ActiveMessageStatus read = am.status(send);
    assertEquals(ActiveMessageState.READ, read.state());
    assertEquals(send.sentAt().plus(Duration.ofHours(24)), read.expiresAt());
    assertEquals(send.sentAt().plus(Duration.ofHours(72)), read.visibleUntil());

    f.clock.advance(Duration.ofHours(3));
    f.fake.simulateCustomerReply(customer.value(), "Oi! Quero falar sobre o pedido");
    ActiveMessageStatus answered = am.status(send);
    assertEquals(ActiveMessageState.IN_PROGRESS, answered.state());
    assertEquals(MessageStatus.READ, answered.deliveryStatus());
    Ticket ticket = answered.ticket();
    assertEquals(ana, ticket.agentIdentity());
    assertEquals(Tickets.DIRECT_TRANSFER_TEAM, ticket.team());
    assertEquals(TicketStatus.OPEN, ticket.status());
    assertEquals("answered: ticket " + ticket.displayNumber() + ", in progress", answered.describe());

    f.desk.tickets().closeAsAgent(ticket.id());
    assertEquals(ActiveMessageState.TICKET_CLOSED, am.status(send).state(), "found among closed tickets too");
  }

  @Test
  void answerWaitsInTheQueueForTheAgentWhenTheAgentIsOffline() {
    ActiveMessageSend send = sendToPhone();
    f.fake.bot().setAgentStatus(ana.value(), "Invisible");
    f.clock.advance(Duration.ofMinutes(5));
    f.fake.simulateCustomerReply(customer.value(), "Oi");
    ActiveMessageStatus s = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.WAITING_FOR_AGENT, s.state());
    assertEquals(ana, s.ticket().agentIdentity());
    assertEquals(TicketStatus.WAITING, s.ticket().status());
  }

  @Test
  void refusedWithATypedOutcomeNamingTheOpenTicket() {
    String ticketId = f.fake.bot().openTicket(customer.value(), "Default");
    int sentBefore = f.fake.bot().sentMessages(customer.value()).size();
    ActiveMessageOutcome outcome = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(phone).build());
    ActiveMessageOutcome.RefusedOpenTicket refused = assertInstanceOf(ActiveMessageOutcome.RefusedOpenTicket.class,
        outcome);
    assertEquals(ticketId, refused.ticket().id());
    assertEquals(TicketStatus.WAITING, refused.ticket().status());
    assertFalse(outcome.isSent());
    assertEquals(sentBefore, f.fake.bot().sentMessages(customer.value()).size(), "nothing was sent");
  }

  @Test
  void noAnswerFor25HoursExpiresAndALaterAnswerGoesToTheNormalQueue() {
    ActiveMessageSend send = sendToPhone();
    f.clock.advance(Duration.ofSeconds(5));
    assertEquals(ActiveMessageState.READ, f.desk.activeMessages().status(send).state());
    f.clock.advance(Duration.ofHours(25));
    ActiveMessageStatus expired = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.EXPIRED, expired.state());
    assertEquals(MessageStatus.READ, expired.deliveryStatus());

    f.fake.simulateCustomerReply(customer.value(), "Oi, vi só agora");
    ActiveMessageStatus later = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.EXPIRED, later.state());
    assertNull(later.ticket());
    Ticket normal = f.desk.tickets().openTicketOf(customer).orElseThrow();
    assertNull(normal.agentIdentity(), "the routing to the agent lapsed");
    assertEquals("Default", normal.team());
    assertEquals(TicketStatus.WAITING, normal.status());
  }

  @Test
  void failedDeliveryReadsFailedWithTheReason() {
    f.fake.script(customer.value(), MessageScript.failed(81, "Message failed to send because of an unknown error"));
    ActiveMessageSend send = sendToPhone();
    f.clock.advance(Duration.ofSeconds(5));
    ActiveMessageStatus s = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.FAILED, s.state());
    assertTrue(s.describe().startsWith("failed"));
    f.clock.advance(Duration.ofHours(30));
    assertEquals(ActiveMessageState.FAILED, f.desk.activeMessages().status(send).state(), "a failure never expires");
  }

  @Test
  void sendToAnExistingContactAndListTheAgentsVisibleSends() {
    f.desk.contacts().replace(Contact.builder(customer).name("Ana Cliente").build());
    Contact contact = f.desk.contacts().search(ContactFilter.byName("Ana C")).iterator().next();
    ActiveMessageOutcome first = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(contact).build());
    ActiveMessageSend a = assertInstanceOf(ActiveMessageOutcome.Sent.class, first).send();
    Identity other = Identity.parse("5531888887777@wa.gw.msging.net");
    f.clock.advance(Duration.ofHours(1));
    ActiveMessageSend b = assertInstanceOf(ActiveMessageOutcome.Sent.class, f.desk.activeMessages().send(
        ActiveMessageRequest.builder().agent(ana).template(template).to(other).build())).send();
    ActiveMessageSend someoneElses = new ActiveMessageSend("x-1", Agents.identityOf("bob@acme.com"), other,
        f.clock.instant());

    List<ActiveMessageStatus> visible = f.desk.activeMessages().sentBy(ana, List.of(a, someoneElses, b));
    assertEquals(List.of(b.messageId(), a.messageId()), visible.stream().map(s -> s.send().messageId()).toList());

    f.clock.advance(Duration.ofHours(72).minusMinutes(30));
    assertEquals(List.of(b.messageId()), f.desk.activeMessages().sentBy(ana, List.of(a, b)).stream()
        .map(s -> s.send().messageId()).toList(), "24 h + 48 h after the send it leaves the list");
    assertEquals(ActiveMessageState.EXPIRED, f.desk.activeMessages().sentBy(ana, List.of(b)).get(0).state());
  }

  @Test
  void notOnWhatsAppAndInvalidTemplateSendNothing() {
    f.fake.bot().markNotOnWhatsApp("+5531777776666");
    ActiveMessageOutcome outcome = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(PhoneNumber.parse("+5531777776666")).build());
    assertInstanceOf(ActiveMessageOutcome.NotOnWhatsApp.class, outcome);
    assertThrows(BlipValidationException.class, () -> f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(TemplateMessage.of("order_update", "pt_BR").headerImage("not a url")).to(phone).build()));
    assertTrue(f.fake.bot().sentMessages().isEmpty());
  }

  @Test
  void masterStateRoutingSetsTheContextBeforeSending() {
    BlipClient blip = BlipClient.builder().baseUrl(f.fake.baseUrl())
        .credentials(f.fake.identifier(), f.fake.accessKey()).clock(f.clock).retryPolicy(RetryPolicy.none()).build();
    DeskClient desk = DeskClient.builder(blip).activeMessageRouting(ActiveMessageRouting.MASTER_STATE)
        .serviceBot(Identity.parse("deskbot@msging.net")).build();
    ActiveMessageOutcome outcome = desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(customer).build());
    assertTrue(outcome.isSent());
    assertEquals("deskbot@msging.net", f.fake.bot().context(customer.value(), "Master-State"));
    List<ReceivedEnvelope> all = f.fake.receivedEnvelopes();
    int contextAt = -1;
    int messageAt = -1;
    for (int i = 0; i < all.size(); i++) {
      if (String.valueOf(all.get(i).field("uri")).contains("/Master-State?expiration=86400000")) {
        contextAt = i;
      }
      if ("/messages".equals(all.get(i).endpoint()) || all.get(i).endpoint().contains("messages")) {
        messageAt = i;
      }
    }
    assertTrue(contextAt >= 0 && contextAt < messageAt, "context set, with the 24 h expiry, before the send");
    f.clock.advance(java.time.Duration.ofHours(24).plusMinutes(1));
    assertEquals(null, f.fake.bot().context(customer.value(), "Master-State"), "the routing expires with the window");
    assertThrows(IllegalStateException.class,
        () -> DeskClient.builder(blip).activeMessageRouting(ActiveMessageRouting.MASTER_STATE).build());
    blip.close();
  }

  @Test
  void anAgentWhoIsNotOnlineCannotSendAndNothingIsLookedUp() {
    for (String status : List.of("Offline", "Pause", "Invisible")) {
      f.fake.bot().setAgentStatus(ana.value(), status);
      int before = f.fake.receivedEnvelopes().size();
      ActiveMessageOutcome outcome = f.desk.activeMessages().send(ActiveMessageRequest.builder()
          .agent(ana).template(template).to(phone).build());
      ActiveMessageOutcome.AgentNotOnline refused = assertInstanceOf(ActiveMessageOutcome.AgentNotOnline.class,
          outcome, status);
      assertEquals(ana, refused.agent());
      assertEquals(AgentStatus.fromWire(status), refused.status());
      assertTrue(refused.isAgentOfTheBot());
      List<ReceivedEnvelope> calls = f.fake.receivedEnvelopes().subList(before, f.fake.receivedEnvelopes().size());
      assertEquals(List.of("/attendants?$skip=0&$take=100"), calls.stream().map(e -> e.field("uri")).toList(),
          "only the agent's status was read: no accounts lookup, no ticket query, no send");
    }
    assertTrue(f.fake.bot().sentMessages().isEmpty());

    ActiveMessageOutcome stranger = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(Agents.identityOf("nobody@acme.com")).template(template).to(customer).build());
    ActiveMessageOutcome.AgentNotOnline unknown = assertInstanceOf(ActiveMessageOutcome.AgentNotOnline.class,
        stranger);
    assertNull(unknown.status());
    assertFalse(unknown.isAgentOfTheBot());
    assertTrue(f.fake.bot().sentMessages().isEmpty());
  }

  @Test
  void withTheCheckOffAnOfflineAgentSendsAndTheAnswerWaitsForThatAgentOnly() {
    f.fake.bot().addAgent(Agents.identityOf("bob@acme.com").value(), "Online", "Default");
    f.fake.bot().setAgentStatus(ana.value(), "Offline");
    ActiveMessageOutcome outcome = f.desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(ana).template(template).to(phone).requireAgentOnline(false).build());
    ActiveMessageSend send = assertInstanceOf(ActiveMessageOutcome.Sent.class, outcome).send();
    assertTrue(f.fake.receivedEnvelopes().stream().noneMatch(e -> String.valueOf(e.field("uri")).startsWith("/attendants")),
        "no status read when the check is off");

    f.clock.advance(Duration.ofMinutes(30));
    f.fake.simulateCustomerReply(customer.value(), "Oi");
    ActiveMessageStatus s = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.WAITING_FOR_AGENT, s.state());
    assertEquals(ana, s.ticket().agentIdentity(), "waits for the sending agent, not for Bob who is Online");
    assertEquals(Tickets.DIRECT_TRANSFER_TEAM, s.ticket().team());
    assertEquals("answered: ticket " + s.ticket().displayNumber() + ", waiting in the queue for the agent",
        s.describe());
    assertEquals(0, f.desk.tickets().list(TicketQuery.builder().agent(Agents.identityOf("bob@acme.com")).build())
        .stream().count(), "Bob, Online in the same queue, does not get it");

    f.desk.agents().changeStatus(ana, AgentStatus.ONLINE, null);
    ActiveMessageStatus later = f.desk.activeMessages().status(send);
    assertEquals(ActiveMessageState.IN_PROGRESS, later.state(), "it opens for Ana when she comes Online");
    assertEquals(s.ticket().id(), later.ticket().id());
    assertEquals("answered: ticket " + s.ticket().displayNumber() + ", in progress", later.describe());
  }
}
