package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.whatsapp.Campaign;
import dev.blipsdk.whatsapp.CampaignRecipient;
import dev.blipsdk.whatsapp.CampaignRequest;
import dev.blipsdk.whatsapp.ReplyRouting;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reply to a campaign routed to a Desk queue opens a ticket whose CampaignId leads back to the campaign. */
class CampaignLinkHttpTest {
  private final DeskFixture f = new DeskFixture();
  private final Identity customer = Identity.parse("5531999998888@wa.gw.msging.net");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aTicketBornFromACampaignLinksBackToIt() {
    f.fake.seedTemplate(FakeTemplate.of("oferta", "pt_BR", "Olá {{1}}, temos uma oferta."));
    f.fake.bot().attendanceBlock("flow-1", "atendimento", "Vendas");
    f.fake.bot().script(customer.value(), MessageScript.read().withReply("Quero!", Duration.ofMinutes(2)));
    Campaign campaign = WhatsAppClient.of(f.blip).campaigns().send(
        CampaignRequest.of("oferta-maio", TemplateMessage.of("oferta", "pt_BR"))
            .routing(ReplyRouting.toBlock("flow-1", "atendimento")),
        CampaignRecipient.of("+5531999998888", "Ana"));
    assertTrue(f.desk.tickets().openTicketOf(customer).isEmpty());

    f.clock.advance(Duration.ofMinutes(2));
    f.fake.awaitIdle();
    Ticket ticket = f.desk.tickets().openTicketOf(customer).orElseThrow();
    assertEquals("Vendas", ticket.team());
    assertEquals(campaign.id(), ticket.campaignId());
    assertEquals("oferta-maio", f.desk.campaignOf(ticket).orElseThrow().name());

    Ticket plain = f.desk.tickets().create(Identity.parse("5511988887777@wa.gw.msging.net"));
    assertTrue(f.desk.campaignOf(plain).isEmpty());
  }
}
