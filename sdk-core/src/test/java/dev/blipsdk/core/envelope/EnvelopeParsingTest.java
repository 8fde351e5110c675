package dev.blipsdk.core.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.EnvelopeCodec;
import dev.blipsdk.core.internal.json.EnvelopeReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeParsingTest {

  private static Envelope read(String json) {
    return EnvelopeReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void documentedCommandResponseParses() {
    Command c = (Command) read("{ \"type\": \"application/vnd.lime.account+json\", \"resource\": { \"fullName\":"
        + " \"John Doe\", \"alternativeAccount\": \"5531988889999@wa.gw.msging.net\", \"identity\":"
        + " \"5531988889999@wa.gw.msging.net\", \"phoneNumber\": \"+5531988889999\", \"source\": \"WhatsApp\" },"
        + " \"method\": \"get\", \"status\": \"success\", \"id\": \"abc\", \"from\": \"postmaster@wa.gw.msging.net\","
        + " \"to\": \"bot@msging.net\", \"metadata\": { \"#command.uri\":"
        + " \"lime://wa.gw.msging.net/accounts/+5531988889999\" } }");
    assertEquals(CommandMethod.GET, c.method());
    assertEquals(CommandStatus.SUCCESS, c.status());
    assertEquals("abc", c.id());
    assertEquals("lime://wa.gw.msging.net/accounts/+5531988889999", c.metadata().get("#command.uri"));
    assertEquals(MediaTypes.ACCOUNT, c.type());
    assertEquals("5531988889999@wa.gw.msging.net", c.requireResource().asMap().get("alternativeAccount"));
  }

  @Test
  void unknownFieldsAndValuesNeverBreakParsing() {
    Command c = (Command) read("{\"id\":1,\"method\":\"fly\",\"status\":\"maybe\",\"new\":{\"deep\":[1,2,{}]},"
        + "\"reason\":{\"code\":\"62\",\"description\":\"x\",\"extra\":true},"
        + "\"metadata\":{\"n\":5,\"b\":true,\"o\":{\"k\":\"v\"},\"nul\":null}}");
    assertEquals("1", c.id());
    assertEquals(CommandMethod.UNKNOWN, c.method());
    assertEquals(CommandStatus.UNKNOWN, c.status());
    assertEquals(62, c.reason().code());
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("n", "5");
    expected.put("b", "true");
    expected.put("o", "{\"k\":\"v\"}");
    expected.put("nul", null); // a JSON null stays a null entry, in order
    assertEquals(expected, c.metadata());
    assertEquals(List.of("n", "b", "o", "nul"), List.copyOf(c.metadata().keySet()));
    assertTrue(new String(dev.blipsdk.core.internal.EnvelopeCodec.toBytes(c), java.nio.charset.StandardCharsets.UTF_8)
        .contains("\"nul\":null"), "written back as null");
  }

  @Test
  void notificationEventsKnownAndUnknown() {
    Notification failed = (Notification) read("{\"id\":\"m1\",\"from\":\"postmaster@msging.net/server1\","
        + "\"to\":\"mycontact@msging.net\",\"event\":\"failed\",\"reason\":{\"code\":42,"
        + "\"description\":\"Destination not found\"}}");
    assertEquals(NotificationEvent.FAILED, failed.event());
    assertEquals(Reason.of(42, "Destination not found"), failed.reason());

    Notification odd = (Notification) read("{\"id\":\"m1\",\"event\":\"teleported\"}");
    assertEquals(NotificationEvent.UNKNOWN, odd.event());
    assertEquals("teleported", odd.eventName());
    for (String e : List.of("accepted", "dispatched", "received", "consumed", "validated", "authorized", "deleted")) {
      assertEquals(e, ((Notification) read("{\"id\":\"m\",\"event\":\"" + e + "\"}")).event().wireValue());
    }
  }

  @Test
  void messagesKeepTheirRawContent() {
    Message m = (Message) read("{\"id\":\"99\",\"from\":\"551100001111@0mn.io/4ac58r6e3\","
        + "\"to\":\"blipmessaginghubapp@msging.net\",\"type\":\"text/plain\",\"content\":\"Help\"}");
    assertEquals("Help", m.content().asString());
    Message json = (Message) read("{\"id\":\"1\",\"to\":\"a@b.c\",\"type\":\"application/json\","
        + "\"content\":{\"type\":\"template\",\"template\":{\"name\":\"x\",\"unknown\":[1]}}}");
    assertEquals("{\"type\":\"template\",\"template\":{\"name\":\"x\",\"unknown\":[1]}}", json.content().json());
  }

  @Test
  void malformedInputIsTypedProtocolError() {
    for (String bad : List.of("", "[]", "\"x\"", "{", "{\"id\":\"1\"}", "{\"content\":\"x\"}", "nul",
        "{\"method\":\"get\",\"from\":\"a b@c\"}", "{\"type\":\"\",\"content\":\"x\"}",
        "{\"id\":\"1\",\"event\":\"received\"} {}")) {
      assertThrows(BlipProtocolException.class, () -> read(bad), bad);
    }
  }

  @Test
  void writesRoundTrip() {
    Command request = Command.set("/contacts", MediaTypes.CONTACT,
        JsonDocument.of(Map.of("identity", "5531@wa.gw.msging.net"))).id("c1").to("postmaster@crm.msging.net")
        .metadata("k", "v").build();
    byte[] bytes = EnvelopeCodec.toBytes(request);
    Command back = (Command) EnvelopeReader.read(bytes);
    assertEquals(request, back);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"method\":\"set\""), text);
    assertFalse(text.contains("status"), "a request carries no status: " + text);

    Notification n = Notification.about("m1", Node.parse("a@b.c"), NotificationEvent.FAILED, Reason.of(1, "x"));
    assertEquals(n, EnvelopeReader.read(EnvelopeCodec.toBytes(n)));
    Message m = Message.text(Node.parse("a@b.c"), "héllo \"quoted\"").withId("x");
    assertEquals(m, EnvelopeReader.read(EnvelopeCodec.toBytes(m)));
  }

  @Test
  void envelopesDoNotPrintContentOrFullAddresses() {
    Message m = Message.text(Node.parse("5531999998888@wa.gw.msging.net"), "my secret text").withId("x");
    assertFalse(m.toString().contains("secret"), m.toString());
    assertFalse(m.toString().contains("5531999998888"), m.toString());
    Command c = Command.get("lime://wa.gw.msging.net/accounts/+5531999998888").build();
    assertFalse(c.toString().contains("5531999998888"), c.toString());
  }

  /**
   * Every request shape Blip accepts builds again after parsing: the Postman collection's {@code set} with a
   * resource and no {@code type} (Blip's Postman collection, "Blip API" examples) once threw on
   * {@code toBuilder().build()}.
   */
  @Test
  void everyParsedRequestRoundTrips() {
    List<String> requests = List.of(
        "{\"id\":\"1\",\"to\":\"postmaster@crm.msging.net\",\"method\":\"set\",\"uri\":\"/contacts\","
            + "\"resource\":{\"identity\":\"11121023102013021@messenger.gw.msging.net\",\"name\":\"John\"}}",
        "{\"id\":\"2\",\"method\":\"get\",\"uri\":\"/ping\"}",
        "{\"id\":\"3\",\"to\":\"postmaster@desk.msging.net\",\"method\":\"set\",\"uri\":\"/tickets/change-status\","
            + "\"type\":\"application/vnd.iris.ticket+json\",\"resource\":{\"id\":\"t\",\"status\":\"Open\"},"
            + "\"metadata\":{\"#trace\":null,\"x\":\"1\"}}",
        "{\"id\":\"4\",\"method\":\"delete\",\"uri\":\"/contacts/x@0mn.io\",\"type\":\"application/json\"}",
        "{\"id\":\"5\",\"method\":\"merge\",\"uri\":\"/contacts\",\"resource\":\"text\"}");
    for (String json : requests) {
      Command parsed = (Command) read(json);
      Command rebuilt = parsed.toBuilder().build();
      assertEquals(parsed, rebuilt, json);
      assertEquals(json, new String(dev.blipsdk.core.internal.EnvelopeCodec.toBytes(rebuilt),
          java.nio.charset.StandardCharsets.UTF_8), "written back byte for byte");
    }
  }

  @Test
  void sendingRulesAreChecked() {
    assertThrows(IllegalArgumentException.class,
        () -> Notification.about("m", Node.parse("a@b.c"), NotificationEvent.FAILED, null));
    assertThrows(IllegalStateException.class, () -> Command.builder().uri("/x").build());
    assertThrows(IllegalStateException.class, () -> Command.builder().method(CommandMethod.GET).build());
    assertInstanceOf(Command.class, Command.delete("/x").build());
    assertNull(Command.delete("/x").build().status());
  }
}
