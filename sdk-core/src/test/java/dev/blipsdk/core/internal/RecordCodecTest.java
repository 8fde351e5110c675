package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The streaming record decoder against the tree-based decoder it replaced ({@link TreeRecordCodecOracle}, the
 * previous implementation kept verbatim as the oracle): for every component type and a palette of JSON values
 * (right shapes, wrong shapes, strings holding numbers, nulls, odd cases of names), both give the same value or
 * the same error message. Then the rules the oracle cannot check (raw JSON kept in {@link JsonDocument}
 * components, recursion, caching) one by one.
 */
class RecordCodecTest {

  public enum Status { WAITING, OPEN, CLOSED_CLIENT_INACTIVITY, UNKNOWN }

  public enum Plain { ALPHA, BETA_GAMMA }

  public record Scalars(String s, int i, long l, double d, boolean b, Integer bi, Long bl, Double bd,
      Boolean bb) {}

  public record Enums(Status status, Plain plain, List<Status> statuses, Set<Plain> plains) {}

  public record Times(Instant at, OffsetDateTime odt, LocalDate day, Duration delay) {}

  public record Inner(String name, int n) {}

  public record Collections(List<String> strings, Set<Integer> ints, Map<String, Integer> counts,
      Map<String, List<Status>> byKey, List<Inner> inners, Object any, List<?> wild) {}

  public record Node(String id, Node child, List<Node> children) {}

  public record Positive(int value) {
    public Positive {
      if (value < 0) {
        throw new IllegalArgumentException("value must be >= 0");
      }
    }
  }

  public record Holder(Positive positive, List<Positive> many, StringBuilder unsupported) {}

  public record Raw(String id, JsonDocument doc, List<JsonDocument> docs) {}

  private static final List<String> PALETTE = List.of("null", "\"str\"", "\"\"", "\" \"", "\"12\"", "\" 7 \"",
      "\"1.5\"", "\"abc\"", "\"true\"", "\"FALSE\"", "12", "1.5", "-3", "1e20", "123456789012345678", "true",
      "false", "{}", "[]", "[1,\"2\",null,3.5]", "[\"open\",null,\"Closed_Client-Inactivity\",\"x\",7]",
      "{\"a\":1,\"b\":\"2\",\"c\":null}", "{\"a\":[\"OPEN\",\"waiting\"],\"b\":null}", "{\"name\":\"x\",\"N\":\"4\"}",
      "[{\"name\":\"x\"},{\"n\":\"bad\"},null]", "[{\"name\":\"x\",\"n\":2}]", "\"2021-04-07T14:01:07.034Z\"",
      "\"2021-04-07T14:01:07.034+03:00\"", "\"2021-04-07T14:01:07\"", "\"2021-04-07\"", "\"2021\"",
      "\"01:02:03\"", "\"1.02:03:04.5\"", "\"PT1M\"", "\"x:y:z\"", "\"1:2\"", "1700000000000", "\"Open\"",
      "\"closed client inactivity\"", "\"Teleported\"", "\"beta-gamma\"", "2", "2.0", "{\"value\":-1}",
      "{\"value\":\"5\"}", "[{\"value\":1},{\"value\":-2}]", "{\"id\":\"a\",\"child\":{\"id\":\"b\",\"child\":"
          + "{\"id\":7}}}");

  private static final List<Class<? extends Record>> TYPES = List.of(Scalars.class, Enums.class, Times.class,
      Inner.class, Collections.class, Node.class, Positive.class, Holder.class);

  /** What a decode gives: the value, or the exception's class and message. */
  private static Object outcome(java.util.function.Supplier<Object> decode) {
    try {
      return decode.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static int errors;

  private static void assertSameAsOracle(String json, Class<?> type) {
    Object tree = Json.parseTree(json);
    Object expected = outcome(() -> TreeRecordCodecOracle.decode(tree, type));
    Object streamed = outcome(() -> RecordCodec.decode(json, type));
    Object fromTree = outcome(() -> RecordCodec.decode(tree, type));
    assertEquals(expected, streamed, () -> type.getSimpleName() + " from text " + json);
    assertEquals(expected, fromTree, () -> type.getSimpleName() + " from tree " + json);
    if (expected instanceof String s && s.startsWith("BlipProtocolException: ")) {
      errors++;
    }
  }

  @Test
  void everyComponentAndValueDecodesAsTheTreeDecoderDid() {
    int cases = 0;
    for (Class<? extends Record> type : TYPES) {
      for (var component : type.getRecordComponents()) {
        String name = component.getName();
        for (String nameAsSent : List.of(name, name.toUpperCase(Locale.ROOT), "x" + name)) {
          for (String value : PALETTE) {
            assertSameAsOracle("{\"" + nameAsSent + "\":" + value + ",\"extra\":" + value + "}", type);
            cases++;
          }
        }
      }
      for (String value : PALETTE) {
        assertSameAsOracle(value, type);
        cases++;
      }
    }
    // both outcomes occur often: the palette probes failures as well as successes (the count of cases is the
    // loop's own, so it is not asserted)
    assertTrue(errors > 500 && errors < cases - 500, "errors: " + errors + " of " + cases);
  }

  @Test
  void wholeDocumentsDecodeAsTheTreeDecoderDid() {
    List<String> docs = new ArrayList<>(List.of(
        "{\"s\":\"a\",\"i\":\"3\",\"L\":4,\"d\":\"2.5\",\"B\":\"TRUE\",\"bi\":null,\"bl\":\"9\",\"bd\":1,\"bb\":false}",
        "{\"STATUS\":\"waiting\",\"status\":\"open\",\"plain\":\"nope\",\"statuses\":[\"open\",null],"
            + "\"plains\":[\"alpha\",\"ALPHA\",\"beta_gamma\"]}",
        "{\"at\":1700000000000,\"odt\":\"2021-04-07T14:01:07+03:00\",\"day\":\"2021-04-07T10:00:00Z\","
            + "\"delay\":90.5}",
        "{\"strings\":[\"a\",1,true,null],\"ints\":[1,1,\"2\"],\"counts\":{\"x\":\"1\",\"y\":null},"
            + "\"byKey\":{\"k\":[\"Open\",\"?\"]},\"inners\":[{\"NAME\":\"n\",\"n\":1.9}],"
            + "\"any\":{\"deep\":[1,{\"x\":null}]},\"wild\":[1,\"a\",{}]}",
        "{\"id\":\"r\",\"children\":[{\"id\":\"c1\",\"children\":[{\"id\":\"c2\"}]},null],\"child\":null}",
        "{\"positive\":{\"value\":1},\"many\":[{\"value\":2},{\"value\":-5}]}",
        "{\"positive\":{\"value\":1},\"many\":[],\"unsupported\":\"x\"}",
        "{\"positive\":{\"value\":1},\"many\":[],\"unsupported\":null}",
        "{\"inners\":[{\"name\":\"a\"},{\"name\":{\"no\":1}}]}",
        "{\"byKey\":{\"first\":[\"open\"],\"second\":[\"open\",[]]}}"));
    for (String doc : docs) {
      for (Class<? extends Record> type : TYPES) {
        assertSameAsOracle(doc, type);
      }
    }
  }

  @Test
  void errorsNameThePathWithComponentNamesAndIndexes() {
    BlipProtocolException e = assertThrows(BlipProtocolException.class,
        () -> RecordCodec.decode("{\"INNERS\":[{\"name\":\"a\"},{\"N\":\"x\"}]}", Collections.class));
    assertEquals("cannot read int at $.inners[1].n: For input string: \"x\"", e.getMessage());
    assertTrue(e.getCause() instanceof NumberFormatException);
    e = assertThrows(BlipProtocolException.class,
        () -> RecordCodec.decode("{\"byKey\":{\"my key\":[\"open\",{}]}}", Collections.class));
    assertEquals("expected a string at $.byKey.my key[1] but got an object", e.getMessage());
    e = assertThrows(BlipProtocolException.class,
        () -> RecordCodec.decode("{\"many\":[{\"value\":1},{\"value\":-1}]}", Holder.class));
    assertEquals("invalid Positive at $.many[1]: value must be >= 0", e.getMessage());
    e = assertThrows(BlipProtocolException.class, () -> RecordCodec.decode("null", Inner.class));
    assertEquals("expected Inner at $ but got null", e.getMessage());
  }

  @Test
  void documentComponentsKeepTheRawJson() {
    Raw raw = RecordCodec.decode("{\"id\":\"r\",\"doc\":{ \"n\" : 1.0, \"big\":123456789012345678 },"
        + "\"docs\":[[1 ,2],null,\"s\"]}", Raw.class);
    assertEquals("{ \"n\" : 1.0, \"big\":123456789012345678 }", raw.doc().json());
    assertEquals(List.of("[1 ,2]", "null", "\"s\""), raw.docs().stream().map(JsonDocument::json).toList());
    Raw missing = RecordCodec.decode("{\"doc\":null}", Raw.class);
    assertEquals("null", missing.doc().json());
    assertNull(RecordCodec.decode("{}", Raw.class).doc());
    Raw fromTree = RecordCodec.decode(Json.parseTree("{\"doc\":{\"a\":[true]}}"), Raw.class);
    assertEquals(Map.of("a", List.of(true)), fromTree.doc().tree());
  }

  @Test
  void firstMatchingMemberWinsAndUnknownMembersAreSkipped() {
    Inner inner = RecordCodec.decode("{\"skip\":{\"name\":\"no\",\"deep\":[[{}]]},\"NAME\":\"first\","
        + "\"name\":\"second\",\"n\":null,\"N\":5}", Inner.class);
    assertEquals(new Inner("first", 0), inner);
  }

  @Test
  void enumsMatchLooselyAndFallBackToUnknownOrNull() {
    for (int round = 0; round < 2; round++) { // the second round reads the cached wire values
      Enums e = RecordCodec.decode("{\"status\":\"closed-client_inactivity\",\"plain\":\"Teleported\","
          + "\"statuses\":[\"OPEN\",\"open\",\"Teleported\"],\"plains\":[\"beta gamma\",\"nope\"]}", Enums.class);
      assertSame(Status.CLOSED_CLIENT_INACTIVITY, e.status());
      assertNull(e.plain());
      assertEquals(List.of(Status.OPEN, Status.OPEN, Status.UNKNOWN), e.statuses());
      assertEquals(Set.of(Plain.BETA_GAMMA), e.plains());
    }
    assertEquals(Status.UNKNOWN, RecordCodec.decode("{}", Enums.class).status());
  }

  @Test
  void durationsAndDatesInEveryWrittenForm() {
    Times t = RecordCodec.decode("{\"at\":\"2021-04-07T14:01:07\",\"odt\":\"2021-04-07T14:01:07-03:00\","
        + "\"day\":\"2021-04-07T23:59:59Z\",\"delay\":\"1.02:03:04.5\"}", Times.class);
    assertEquals(Instant.parse("2021-04-07T14:01:07Z"), t.at());
    assertEquals(LocalDate.of(2021, 4, 7), t.day());
    assertEquals(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusMillis(4500), t.delay());
    assertEquals(Duration.ofMinutes(1), RecordCodec.decode("{\"delay\":\"PT1M\"}", Times.class).delay());
    assertEquals(Duration.ofMillis(1500), RecordCodec.decode("{\"delay\":1.5}", Times.class).delay());
    BlipProtocolException e = assertThrows(BlipProtocolException.class,
        () -> RecordCodec.decode("{\"delay\":\"1:2\"}", Times.class));
    assertEquals("cannot read a duration at $.delay: 1:2", e.getMessage());
  }

  @Test
  void recursiveRecordsDecode() {
    Node n = RecordCodec.decode("{\"id\":\"a\",\"child\":{\"id\":\"b\"},\"children\":[{\"id\":\"c\","
        + "\"children\":[{\"id\":\"d\"}]}]}", Node.class);
    assertEquals("b", n.child().id());
    assertEquals("d", n.children().get(0).children().get(0).id());
    assertEquals(List.of(), n.child().children());
  }

  @Test
  void decodesFromManyThreadsWhileDecodersAreBuilt() throws Exception {
    record Fresh(String a, List<Inner> inners, Status status) {}
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        try {
          for (int i = 0; i < 200; i++) {
            Fresh f = RecordCodec.decode("{\"a\":\"x\",\"inners\":[{\"name\":\"" + i + "\"}],\"status\":\"open\"}",
                Fresh.class);
            assertEquals(String.valueOf(i), f.inners().get(0).name());
            assertSame(Status.OPEN, f.status());
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), errors);
  }
}
