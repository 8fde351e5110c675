package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.JsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The accounts lookup's answer, from Blip's docs (takenet/blip-docs, {@code integrations/whatsapp.md}, "2. Getting
 * the customer identifier"), with the account fields of {@code documents/account.md} a tenant may add.
 */
class WhatsAppAccountTest {

  @Test
  void documentedAccountReadsWhole() {
    String json = "{\"fullName\":\"John Doe\",\"alternativeAccount\":\"5531988889999@wa.gw.msging.net\","
        + "\"identity\":\"5531988889999@wa.gw.msging.net\",\"phoneNumber\":\"+5531988889999\",\"source\":\"WhatsApp\","
        + "\"culture\":\"pt-BR\",\"timezone\":\"-3\",\"extras\":{\"optIn\":\"true\",\"note\":null},\"isTemporary\":false}";
    WhatsAppAccount a = JsonDocument.parse(json).decode(WhatsAppAccount.class);
    assertEquals("5531988889999@wa.gw.msging.net", a.sendTo().value());
    assertEquals("+5531988889999", a.phoneNumber());
    assertEquals(-3, a.timezone());
    assertTrue(a.extras().containsKey("note"));
    assertEquals("false", a.raw().member("isTemporary").orElseThrow().json());
    assertFalse(a.toString().contains("88889999"), a.toString());
    assertFalse(a.toString().contains("John"), a.toString());
  }

  @Test
  void identityWhenNoAlternativeAccount() {
    WhatsAppAccount a = JsonDocument.parse("{\"identity\":\"5531988889999@wa.gw.msging.net\",\"alternativeAccount\":\"\"}")
        .decode(WhatsAppAccount.class);
    assertEquals("5531988889999@wa.gw.msging.net", a.sendTo().value());
  }
}
