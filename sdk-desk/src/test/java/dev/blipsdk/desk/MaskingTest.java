package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No public value of the desk module prints a phone number, an e-mail, a name or a message in toString. */
class MaskingTest {
  private static final String PHONE = "5531999998888";
  private static final Identity CUSTOMER = Identity.parse(PHONE + "@wa.gw.msging.net");
  private static final Identity AGENT = Agents.identityOf("ana.souza@acme.com");

  private static void assertMasked(Object value, String... secrets) {
    String text = value.toString();
    for (String secret : secrets) {
      assertFalse(text.contains(secret), () -> value.getClass().getSimpleName() + " leaks " + secret + ": " + text);
    }
  }

  @Test
  void valuesOfTheActiveMessageFlow() {
    ActiveMessageRequest request = ActiveMessageRequest.builder().agent(AGENT)
        .template(TemplateMessage.of("order_update", "pt_BR").body("Maria Secreta", "#123"))
        .to(PhoneNumber.parse("+" + PHONE)).build();
    assertMasked(request, PHONE, "ana.souza", "Maria Secreta");
    ActiveMessageSend send = new ActiveMessageSend("m-1", AGENT, CUSTOMER, Instant.EPOCH);
    assertMasked(send, PHONE, "ana.souza");
    assertMasked(new ActiveMessageOutcome.Sent(send), PHONE, "ana.souza");
    assertMasked(new ActiveMessageOutcome.AgentNotOnline(AGENT, AgentStatus.PAUSE), "ana.souza");
    Ticket ticket = dev.blipsdk.core.envelope.JsonDocument.of(Map.of("id", "t-1", "customerIdentity",
        CUSTOMER.value(), "agentIdentity", AGENT.value(), "closedBy", AGENT.value(), "status", "Open"))
        .decode(Ticket.class);
    assertMasked(ticket, PHONE, "ana.souza");
    assertMasked(new ActiveMessageOutcome.RefusedOpenTicket(ticket), PHONE, "ana.souza");
    assertMasked(new TicketTransfer("t-0", ticket), PHONE, "ana.souza");
    assertMasked(new ActiveMessageStatus(send, ActiveMessageState.IN_PROGRESS,
        dev.blipsdk.whatsapp.MessageStatus.READ, null, ticket, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH),
        PHONE, "ana.souza");
  }

  @Test
  void deskRecords() {
    assertMasked(Contact.builder(CUSTOMER).name("Maria Secreta").email("maria@x.com").phoneNumber("+" + PHONE)
        .extra("cpf", "12345678900").build(), PHONE, "Maria", "maria@x.com", "12345678900");
    assertMasked(ContactUpdate.of(CUSTOMER).name("Maria Secreta").extra("cpf", "12345678900").build(),
        PHONE, "Maria", "12345678900");
    assertMasked(ContactFilter.byName("Maria Secreta"), "Maria");
    assertMasked(TicketQuery.builder().customer(CUSTOMER).agent(AGENT).build(), PHONE, "ana.souza");
    assertMasked(new ContactComment("c-1", null, "ligar para Maria no " + PHONE, null, null), PHONE, "Maria");
    assertMasked(new Agent(AGENT, "Ana Souza", "ana.souza@acme.com", List.of("Sales"), AgentStatus.ONLINE, "Online",
        null, null, null, null, null), "ana.souza", "Ana Souza");
    assertMasked(new AgentMetrics(AGENT, AgentStatus.ONLINE, "Online", 1, 2, Duration.ZERO, null, null), "ana.souza");
    assertMasked(new MonitoredTicket("t-1", 1L, CUSTOMER, AGENT, null, "Sales", Duration.ZERO, null, null, null), PHONE, "ana.souza");
    assertMasked(new TicketMessage("m-1", null, TicketMessage.Direction.RECEIVED, "received", "text/plain",
        dev.blipsdk.core.envelope.JsonDocument.text("meu cpf é 12345678900"), null, null, null, null, null),
        "12345678900");
  }
}
