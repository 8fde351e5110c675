package dev.blipsdk.core.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one reader's tolerance rules, each on the shape Blip really sends it in. Sources are named per test: the
 * Blip docs repository (takenet/blip-docs, {@code source/includes/en/extensions/desk.md} and the
 * {@code documents/*.md} tables) and the WhatsApp integration page ({@code integrations/whatsapp.md}).
 */
class ReaderRulesTest {

  public enum Status { WAITING, OPEN, CLOSED_ATTENDANT, UNKNOWN }

  public record Ticket(String id, long sequentialId, Status status, String rawStatus, Instant storageDate,
      String customerDomain, JsonDocument customerInput, List<String> tags, JsonDocument raw) {}

  public record Numbers(long big, Long boxed, int small, String asText, double ratio, BigDecimal exact,
      Boolean flag, Integer blank) {}

  public record Times(Instant iso, Instant offset, Instant noZone, Instant millis, Instant seconds,
      Instant millisText, Instant secondsText, Duration span, Duration days, Duration iso8601, Duration number) {}

  public record Texts(String empty, String blank, Identity agent, Node from, Map<String, String> metadata,
      Optional<String> missing, Set<String> tags) {}

  /** Blip docs, desk.md "Create a new ticket" response: names in any case, exact case wins, unknowns kept. */
  @Test
  void namesIgnoreCaseExactWinsAndEverythingIsKept() {
    String json = "{\"id\":\"76f5bc38-b476-4895-a0c6-016ed1288ba0\",\"sequentialId\":138,\"sequentialSuffix\":\"SFX\","
        + "\"ownerIdentity\":\"demobot@msging.net\",\"customerIdentity\":\"2627641447@messenger.gw.msging.net\","
        + "\"CustomerDomain\":\"messenger.gw.msging.net\",\"provider\":\"Lime\",\"Status\":\"Open\",\"status\":\"Waiting\","
        + "\"storageDate\":\"2019-12-04T13:45:25.664Z\",\"externalId\":\"76f5bc38-b476-4895-a0c6-016ed1288ba0\","
        + "\"rating\":0,\"team\":\"Default\",\"unreadMessages\":0,\"closed\":false,\"customerInput\":{},\"priority\":0}";
    Ticket t = JsonDocument.parse(json).decode(Ticket.class);
    assertEquals(Status.WAITING, t.status(), "the exact-case 'status' wins over 'Status'");
    assertEquals("Waiting", t.rawStatus());
    assertEquals("messenger.gw.msging.net", t.customerDomain());
    assertEquals(138L, t.sequentialId());
    assertEquals(Instant.parse("2019-12-04T13:45:25.664Z"), t.storageDate());
    assertTrue(t.customerInput().isObject());
    assertEquals(json, t.raw().json(), "raw is the whole object, byte for byte");
    assertEquals("\"Lime\"", t.raw().member("PROVIDER").orElseThrow().json());
    assertTrue(t.raw().member("tags").isEmpty(), "absent list: raw tells it from an empty one");
    assertEquals(List.of(), t.tags());
  }

  /** An unknown enum value reads as UNKNOWN and keeps its text; a status sent as a number keeps the number. */
  @Test
  void unknownEnumValuesKeepTheirText() {
    Ticket t = JsonDocument.parse("{\"id\":\"1654804277843415\",\"status\":\"OnHold\"}").decode(Ticket.class);
    assertEquals(Status.UNKNOWN, t.status());
    assertEquals("OnHold", t.rawStatus());
    Ticket n = JsonDocument.parse("{\"id\":\"x\",\"status\":3}").decode(Ticket.class);
    assertEquals("3", n.rawStatus());
    assertEquals(Status.UNKNOWN, n.status());
  }

  /** Numbers as strings, strings as numbers, longs above 2^53 exact, "" for a number is absent. */
  @Test
  void numbersAreExactAndMixedWithStrings() {
    Numbers n = JsonDocument.parse("{\"big\":9007199254740993,\"boxed\":\"9223372036854775807\",\"small\":\" 7 \","
        + "\"asText\":12.50,\"ratio\":\"0.25\",\"exact\":123456789012345678901234.5,\"flag\":\"TRUE\",\"blank\":\"\"}")
        .decode(Numbers.class);
    assertEquals(9007199254740993L, n.big(), "2^53 + 1 does not go through a double");
    assertEquals(Long.MAX_VALUE, n.boxed());
    assertEquals(7, n.small());
    assertEquals("12.50", n.asText(), "a number read as text keeps its text as written");
    assertEquals(0.25, n.ratio());
    assertEquals(new BigDecimal("123456789012345678901234.5"), n.exact());
    assertEquals(Boolean.TRUE, n.flag());
    assertNull(n.blank());
    BlipProtocolException overflow = assertThrows(BlipProtocolException.class,
        () -> JsonDocument.parse("{\"small\":3000000000}").decode(Numbers.class));
    assertTrue(overflow.getMessage().contains("$.small"), overflow.getMessage());
  }

  /** Dates as Blip writes them (desk.md, ticket and monitoring examples) and TimeSpans with seven digits. */
  @Test
  void datesAndTimeSpans() {
    Times t = JsonDocument.parse("{\"iso\":\"2019-12-04T13:45:25.664Z\",\"offset\":\"2019-12-04T10:45:25.664-03:00\","
        + "\"noZone\":\"2019-12-04T13:45:25.6640000\",\"millis\":1575467125664,\"seconds\":1575467125,"
        + "\"millisText\":\"1575467125664\",\"secondsText\":\"1575467125\",\"span\":\"00:11:29\","
        + "\"days\":\"2.00:58:27.3058952\",\"iso8601\":\"PT1M30S\",\"number\":90.5}").decode(Times.class);
    Instant expected = Instant.parse("2019-12-04T13:45:25.664Z");
    assertEquals(expected, t.iso());
    assertEquals(expected, t.offset());
    assertEquals(expected, t.noZone());
    assertEquals(expected, t.millis());
    assertEquals(expected.minusMillis(664), t.seconds());
    assertEquals(expected, t.millisText());
    assertEquals(expected.minusMillis(664), t.secondsText());
    assertEquals(Duration.ofMinutes(11).plusSeconds(29), t.span());
    assertEquals(Duration.ofDays(2).plusMinutes(58).plusSeconds(27).plusNanos(305_895_200), t.days(),
        "seven fractional digits are exact");
    assertEquals(Duration.ofSeconds(90), t.iso8601());
    assertEquals(Duration.ofMillis(90_500), t.number());
  }

  /** "" stays "", JSON null metadata stays a null entry, identities and nodes parse, blanks are absent. */
  @Test
  void blanksAndNullsAreKept() {
    Texts t = JsonDocument.parse("{\"empty\":\"\",\"blank\":\"  \",\"agent\":\"john%40email.net@blip.ai\","
        + "\"from\":\"postmaster@desk.msging.net/#az-iris7\",\"metadata\":{\"#command.uri\":\"lime://x@msging.net/t\","
        + "\"#wa.timestamp\":null,\"n\":5},\"tags\":[\"a\",null,\"a\",\"b\"]}").decode(Texts.class);
    assertEquals("", t.empty());
    assertEquals("  ", t.blank());
    assertEquals("john@email.net", t.agent().decodedName());
    assertEquals("#az-iris7", t.from().instance());
    assertTrue(t.metadata().containsKey("#wa.timestamp"));
    assertNull(t.metadata().get("#wa.timestamp"));
    assertEquals(List.of("#command.uri", "#wa.timestamp", "n"), new ArrayList<>(t.metadata().keySet()));
    assertEquals("5", t.metadata().get("n"));
    assertEquals(Optional.empty(), t.missing());
    assertEquals(List.of("a", "b"), new ArrayList<>(t.tags()));
    Texts blankIdentity = JsonDocument.parse("{\"agent\":\"\"}").decode(Texts.class);
    assertNull(blankIdentity.agent(), "a blank identity is no identity; raw keeps the \"\"");
  }

  /** A shape mismatch names the path; malformed JSON is refused by the strict reader. */
  @Test
  void errorsNameThePath() {
    BlipProtocolException e = assertThrows(BlipProtocolException.class,
        () -> JsonDocument.parse("{\"items\":[{\"id\":\"a\"},{\"id\":\"b\",\"storageDate\":\"yesterday\"}]}")
            .asCollection(Ticket.class));
    assertTrue(e.getMessage().contains("$.items[1].storageDate"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse("{\"a\":1,}"));
    assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse("{\"a\":\"tab\there\"}"));
    assertThrows(IllegalArgumentException.class, () -> JsonDocument.parse("[1] 2"));
  }

  /** Collections decode in one pass, with a total sent as text (desk.md "Get all closed tickets" has none). */
  @Test
  void typedCollections() {
    DocumentCollection<Ticket> page = JsonDocument.parse("{\"total\":\"2\",\"itemType\":"
        + "\"application/vnd.iris.ticket+json\",\"items\":[{\"id\":\"a\",\"status\":\"Open\"},null,{\"id\":\"b\"}]}")
        .asCollection(Ticket.class);
    assertEquals(2L, page.total());
    assertEquals(List.of("a", "b"), page.items().stream().map(Ticket::id).toList());
    assertEquals("{\"id\":\"a\",\"status\":\"Open\"}", page.items().get(0).raw().json());
    DocumentCollection<Ticket> empty = JsonDocument.parse("{\"itemType\":\"application/vnd.iris.ticket+json\","
        + "\"items\":[]}").asCollection(Ticket.class);
    assertNull(empty.total());
    assertTrue(empty.items().isEmpty());
  }

  /** A decoded record written back keeps what it did not model, JSON nulls and exact numbers included. */
  @Test
  void recordsWriteBackWhatTheyDidNotModel() {
    String json = "{\"id\":\"t\",\"status\":\"Waiting\",\"queuePosition\":null,\"big\":9007199254740993,"
        + "\"distribution\":{\"mode\":\"Redis\"}}";
    Ticket t = JsonDocument.parse(json).decode(Ticket.class);
    Map<String, JsonDocument> written = JsonDocument.of(t).fields();
    assertEquals("null", written.get("queuePosition").json());
    assertEquals("9007199254740993", written.get("big").json());
    assertEquals("{\"mode\":\"Redis\"}", written.get("distribution").json());
    assertEquals("\"WAITING\"", written.get("status").json());
    assertFalse(written.containsKey("raw"));
    assertFalse(written.containsKey("rawStatus"));
    Ticket unknown = JsonDocument.parse("{\"id\":\"t\",\"status\":\"OnHold\"}").decode(Ticket.class);
    assertEquals("\"OnHold\"", JsonDocument.of(unknown).fields().get("status").json(),
        "an UNKNOWN enum is written back as the text it came with");
  }

  /** What JsonDocument.of encodes, and the typed error for anything else (a Jackson tree is an Iterable). */
  @Test
  void encodingRefusesForeignObjectsNamingTheType() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agent", Identity.parse("john%40email.net@blip.ai"));
    m.put("when", Instant.parse("2019-12-04T13:45:25.664Z"));
    m.put("nothing", null);
    m.put("maybe", Optional.of(3));
    m.put("list", List.of(1.5, 2.0, "x"));
    assertEquals("{\"agent\":\"john%40email.net@blip.ai\",\"when\":\"2019-12-04T13:45:25.664Z\",\"nothing\":null,"
        + "\"maybe\":3,\"list\":[1.5,2,\"x\"]}", JsonDocument.of(m).json());
    Iterable<Object> jacksonLike = new FakeObjectNode();
    BlipValidationException e = assertThrows(BlipValidationException.class,
        () -> JsonDocument.of(Map.of("resource", Map.of("node", jacksonLike))));
    assertTrue(e.getMessage().contains(FakeObjectNode.class.getName()), e.getMessage());
    assertEquals("$.resource.node", e.field());
    assertThrows(BlipValidationException.class, () -> JsonDocument.of(Double.NaN));
    assertThrows(BlipValidationException.class, () -> JsonDocument.of(new Object()));
  }

  /** Stands for Jackson's ObjectNode: an Iterable of its values, which used to be written as [[],[]]. */
  static final class FakeObjectNode implements Iterable<Object> {
    @Override
    public java.util.Iterator<Object> iterator() {
      return List.<Object>of(List.of(), List.of()).iterator();
    }
  }

  /** Envelopes decode too (the items of {@code /notifications}), and a document is not re-parsed per read. */
  @Test
  void envelopesAndDocuments() {
    Notification n = JsonDocument.parse("{\"id\":\"m1\",\"from\":\"5531@wa.gw.msging.net\",\"event\":\"received\","
        + "\"metadata\":{\"#wa.timestamp\":null}}").decode(Notification.class);
    assertEquals(NotificationEvent.RECEIVED, n.event());
    assertTrue(n.metadata().containsKey("#wa.timestamp"));
    JsonDocument doc = JsonDocument.parse("{\"a\":[1,{\"b\":null}]}");
    assertSame(doc, JsonDocument.of(doc));
    assertEquals("[1,{\"b\":null}]", doc.member("A").orElseThrow().json());
  }
}
