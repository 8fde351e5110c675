package dev.blipsdk.core.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.BlipProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  public enum Status { WAITING, OPEN, CLOSED_CLIENT_INACTIVITY, UNKNOWN }

  public record Queue(String id, String name, boolean isActive, int priority, Instant storageDate) {}

  public record Ticket(String id, int sequentialId, Status status, List<String> tags, Map<String, String> extras,
      Duration queueTime, JsonDocument customerInput) {}

  @Test
  void decodesRecordsTolerantly() {
    JsonDocument doc = JsonDocument.parse("{\"id\":\"queuename\",\"ownerIdentity\":\"demobot@msging.net\","
        + "\"name\":\"Queue name\",\"isActive\":\"true\",\"storageDate\":\"2021-04-07T14:01:07.034Z\","
        + "\"Priority\":\"0\",\"unknown\":{\"a\":[1]}}");
    Queue q = doc.decode(Queue.class);
    assertEquals(new Queue("queuename", "Queue name", true, 0, Instant.parse("2021-04-07T14:01:07.034Z")), q);
  }

  @Test
  void decodesEnumsListsMapsDurations() {
    Ticket t = JsonDocument.parse("{\"id\":\"t\",\"sequentialId\":138,\"status\":\"ClosedClientInactivity\","
        + "\"tags\":[\"a\",\"b\"],\"extras\":{\"plan\":\"Gold\",\"n\":3},\"queueTime\":\"01:02:03\","
        + "\"customerInput\":{\"type\":\"text/plain\",\"value\":\"hi\"}}").decode(Ticket.class);
    assertEquals(Status.CLOSED_CLIENT_INACTIVITY, t.status());
    assertEquals(List.of("a", "b"), t.tags());
    assertEquals(Map.of("plan", "Gold", "n", "3"), t.extras());
    assertEquals(Duration.ofHours(1).plusMinutes(2).plusSeconds(3), t.queueTime());
    assertEquals("hi", t.customerInput().asMap().get("value"));
    Ticket odd = JsonDocument.parse("{\"status\":\"Teleported\"}").decode(Ticket.class);
    assertEquals(Status.UNKNOWN, odd.status());
    assertEquals(List.of(), odd.tags());
    assertNull(odd.id());
  }

  @Test
  void shapeMismatchNamesThePath() {
    BlipProtocolException e = assertThrows(BlipProtocolException.class,
        () -> JsonDocument.parse("{\"tags\":\"not a list\"}").decode(Ticket.class));
    assertTrue(e.getMessage().contains("$.tags"), e.getMessage());
    assertThrows(BlipProtocolException.class, () -> JsonDocument.parse("[1]").decode(Queue.class));
    assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse("{bad"));
  }

  @Test
  void collectionsWithAndWithoutTotal() {
    DocumentCollection<JsonDocument> withTotal = JsonDocument.parse("{\"total\":2,\"itemType\":"
        + "\"application/vnd.lime.contact+json\",\"items\":[{\"name\":\"a\"},{\"name\":\"b\"}]}").asCollection();
    assertEquals(2L, withTotal.total());
    assertEquals(MediaTypes.CONTACT, withTotal.itemType());
    assertEquals(2, withTotal.items().size());

    DocumentCollection<JsonDocument> noTotal = JsonDocument.parse("{\"items\":[]}").asCollection();
    assertNull(noTotal.total());
    assertTrue(noTotal.items().isEmpty());

    assertEquals(1, JsonDocument.parse("{\"data\":[{\"name\":\"t\"}],\"paging\":{}}").asCollection().items().size());
    assertEquals(1, JsonDocument.parse("{\"documents\":[{\"name\":\"t\"}]}").asCollection().items().size());
    assertEquals(List.of("x"), JsonDocument.parse("[{\"id\":\"x\"}]").asCollection()
        .map(d -> d.asMap().get("id")).items());
  }

  @Test
  void encodesRecordsMapsAndText() {
    assertEquals("{\"id\":\"q\",\"name\":\"Q\",\"isActive\":true,\"priority\":0,\"storageDate\":"
        + "\"2021-04-07T14:01:07Z\"}", JsonDocument.of(new Queue("q", "Q", true, 0,
        Instant.parse("2021-04-07T14:01:07Z"))).json());
    assertEquals("\"a \\\"b\\\"\"", JsonDocument.text("a \"b\"").json());
    java.util.Map<String, Object> numbers = new java.util.LinkedHashMap<>();
    numbers.put("n", 1.5);
    numbers.put("i", 2);
    assertEquals("{\"n\":1.5,\"i\":2}", JsonDocument.of(numbers).json());
    assertFalse(JsonDocument.text("secret").toString().contains("secret"));
  }

  @Test
  void documentsReadOffTheWireKeepBytesButBehaveLikeText() {
    String resource = "{\"id\":\"q\",\"name\":\"Fila \u00e7\u00e3o \u2713 \ud83d\ude00\",\"isActive\":true,"
        + "\"priority\":\"2\"}";
    byte[] body = ("{\"id\":\"1\",\"method\":\"get\",\"status\":\"success\",\"resource\": " + resource
        + " ,\"type\":\"application/json\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Command c = dev.blipsdk.core.internal.json.EnvelopeReader.readResponse(body, null);
    JsonDocument wire = c.requireResource();
    JsonDocument text = JsonDocument.parse(resource);
    assertEquals(resource, wire.json());
    assertEquals(text, wire);
    assertEquals(text.hashCode(), wire.hashCode());
    assertTrue(wire.isObject());
    assertFalse(wire.isString());
    assertEquals(text.tree(), wire.tree());
    assertEquals(new Queue("q", "Fila \u00e7\u00e3o \u2713 \ud83d\ude00", true, 2, null), wire.decode(Queue.class));
    assertEquals(text.toString(), wire.toString());
    // written back (a command echoing it) byte for byte
    Command echo = Command.set("/queues", "application/json", wire).build();
    String written = new String(dev.blipsdk.core.internal.EnvelopeCodec.toBytes(echo),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(written.contains("\"resource\":" + resource), written);
    DocumentCollection<JsonDocument> page = JsonDocument.parse("{\"items\":[" + resource + ", \"\u00e9\"]}")
        .asCollection();
    assertEquals(List.of(text, JsonDocument.text("\u00e9")), page.items());
    assertTrue(page.items().get(1).isString());
    assertEquals("\u00e9", page.items().get(1).asString());
  }
}
