package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.AuthenticationException;
import dev.blipsdk.core.exception.BlipCommandException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Drives the fake with the sdk-core client. */
@ExtendWith(FakeBlipExtension.class)
class CoreClientTest {
  @Test
  void getContactThroughTheClient(FakeBlip blip) {
    blip.seedContact("5531999998888@wa.gw.msging.net", "John");
    try (BlipClient client = blip.client()) {
      Command r = client.execute(Command.get("/contacts/5531999998888%40wa.gw.msging.net")
          .to("postmaster@crm.msging.net").build());
      assertTrue(r.isSuccess());
      assertEquals("John", r.requireResource().asMap().get("name"));
      assertEquals("lime://fakebot@msging.net/contacts/5531999998888%40wa.gw.msging.net",
          r.metadata().get("#command.uri"));
    }
  }

  @Test
  void setThenFailureBecomesTypedException(FakeBlip blip) {
    try (BlipClient client = blip.client()) {
      client.execute(Command.set("/contacts", "application/vnd.lime.contact+json",
          JsonDocument.of(Map.of("identity", "a@wa.gw.msging.net", "name", "A"))).to("postmaster@crm.msging.net").build());
      assertEquals("A", blip.bot().contact("a@wa.gw.msging.net").get("name"));
      BlipCommandException e = assertThrows(BlipCommandException.class,
          () -> client.execute(Command.get("/contacts/missing%40wa.gw.msging.net").build()));
      assertEquals(67, e.reasonCode());
    }
  }

  @Test
  void pingAnswersWithTheBotsKeyAndRejectsAWrongOne(FakeBlip blip) throws Exception {
    try (BlipClient client = blip.client()) {
      assertTrue(client.ping().toNanos() > 0);
      assertTrue(client.pingAsync().get().toNanos() > 0);
      Command raw = client.execute(Command.get("/ping").build());
      assertEquals("application/vnd.lime.ping+json", raw.type());
    }
    try (BlipClient wrong = BlipClient.builder().baseUrl(blip.baseUrl())
        .credentials(blip.identifier(), "not-the-key").build()) {
      assertThrows(AuthenticationException.class, wrong::ping);
    }
    assertEquals("/ping", blip.receivedEnvelopes().get(0).field("uri"));
  }
}
