package dev.blipsdk.core.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"postmaster@msging.net/#az-iris4", "5531999998888@wa.gw.msging.net",
      "agent%40mail.com@blip.ai", "1654804277843415%40messenger.gw.msging.net@desk.msging.net",
      "bot@msging.net/instance/with/slashes", "msging.net", "551100001111@0mn.io/4ac58r6e3"})
  void roundTrips(String text) {
    assertEquals(text, Node.parse(text).value());
  }

  @Test
  void splitsNameDomainInstance() {
    Node node = Node.parse("postmaster@msging.net/#az-iris4");
    assertEquals("postmaster", node.name());
    assertEquals("msging.net", node.domain());
    assertEquals("#az-iris4", node.instance());
    assertEquals(Identity.parse("postmaster@msging.net"), node.identity());
  }

  @Test
  void domainOnlyNodeHasNoName() {
    Node node = Node.parse("msging.net");
    assertNull(node.name());
    assertEquals("msging.net", node.domain());
  }

  @Test
  void percentEncodedNamesDecode() {
    Identity agent = Identity.parse("agent%40mail.com@blip.ai");
    assertEquals("agent%40mail.com", agent.name());
    assertEquals("agent@mail.com", agent.decodedName());
    assertEquals(agent, Identity.of("agent@mail.com", "blip.ai"));
    assertEquals("+5531@x.y", Identity.of("+5531", "x.y").value());
  }

  @Test
  void malformedInputIsRejectedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Node.parse("")).getMessage().contains("empty"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Node.parse("@msging.net")).getMessage()
        .contains("name"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Node.parse("bot@")).getMessage()
        .contains("domain"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Node.parse("a b@msging.net")).getMessage()
        .contains("white space"));
    assertThrows(IllegalArgumentException.class, () -> Identity.parse("bot@msging.net/instance"));
    assertThrows(IllegalArgumentException.class, () -> new Identity("a@b", "c.d"));
  }

  @Test
  void toStringMasksPhoneNumbersAndEmails() {
    Node phone = Node.parse("5531999998888@wa.gw.msging.net/x");
    assertFalse(phone.toString().contains("5531999998888"), phone.toString());
    assertTrue(phone.toString().endsWith("@wa.gw.msging.net/x"));
    Identity agent = Identity.parse("agent%40mail.com@blip.ai");
    assertFalse(agent.toString().contains("agent"), agent.toString());
    assertEquals("postmaster@msging.net", Identity.parse("postmaster@msging.net").toString());
  }
}
