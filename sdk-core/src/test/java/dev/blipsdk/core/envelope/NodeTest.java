package dev.blipsdk.core.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.internal.ShortStrings;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void singlePassParseAgreesWithThePartByPartRulesOnEveryShape() {
    List<String> samples = new ArrayList<>(List.of("postmaster@crm.msging.net/#az-iris5", "a@b/", "a@b//",
        "a/b@c", "a@b@c", "a@b/c@d", "a@b/\t", "\u00e1@\u00e9/\u00ed", "a@b/c\u2003", "a\u001fb@c", "a\u0000@b"));
    // every string of length 1..6 over a small alphabet covers the separators in every position
    samples.addAll(ShortStrings.upTo(new char[] {'a', '@', '/', ' ', '#'}, 6));
    for (String s : samples) {
      String expected;
      try {
        String[] parts = oracleParse(s);
        expected = "ok " + parts[0] + " | " + parts[1] + " | " + parts[2];
      } catch (IllegalArgumentException e) {
        expected = "error " + e.getMessage();
      }
      String actual;
      try {
        Node node = Node.parse(s);
        actual = "ok " + node.name() + " | " + node.domain() + " | " + node.instance();
        assertEquals(node, new Node(node.name(), node.domain(), node.instance()), s);
        assertEquals(node.hashCode(), new Node(node.name(), node.domain(), node.instance()).hashCode(), s);
      } catch (IllegalArgumentException e) {
        actual = "error " + e.getMessage();
      }
      assertEquals(expected, actual, () -> "for '" + s + "'");
    }
  }

  /** The part-by-part parse this class had before its single-pass scan: split, then check each part. */
  private static String[] oracleParse(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("node must not be empty");
    }
    int at = value.indexOf('@');
    int slash = value.indexOf('/', at < 0 ? 0 : at);
    String name = at < 0 ? null : value.substring(0, at);
    String domain = value.substring(at + 1, slash < 0 ? value.length() : slash);
    String instance = slash < 0 ? null : value.substring(slash + 1);
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("node name before '@' must not be empty: "
          + dev.blipsdk.core.internal.Redaction.address(value));
    }
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("node domain must not be empty: "
          + dev.blipsdk.core.internal.Redaction.address(value));
    }
    if (instance != null && instance.isEmpty()) {
      instance = null;
    }
    Node.checkPart("domain", domain, false);
    if (name != null) {
      Node.checkPart("name", name, false);
    }
    if (instance != null) {
      Node.checkPart("instance", instance, true);
    }
    return new String[] {name, domain, instance};
  }

  @Test
  void equalNodesHaveEqualWireForms() {
    Node a = Node.parse("bot@msging.net/x");
    assertEquals(a, new Node("bot", "msging.net", "x"));
    assertEquals(a, Node.of(Identity.parse("bot@msging.net"), "x"));
    assertEquals(Node.parse("bot@msging.net/"), new Node("bot", "msging.net", null));
    assertFalse(a.equals(Node.parse("bot@msging.net")));
    assertEquals("bot@msging.net/x", new Node("bot", "msging.net", "x").value());
  }
}
