package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ready replies against FakeBlip over HTTP, with Go Personal's limits checked before any request. */
class ReadyRepliesHttpTest {
  private final DeskFixture f = new DeskFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /** The item of "Get a custom reply category" in takenet/blip-docs source/includes/en/extensions/desk.md. */
  static final String DOCS_ITEM = """
      {"id":"9e4a2a6c-e9c0-401f-a1b9-9cb45528a680","category":"Greetings","name":"Hi friend",
       "document":"Some text","type":"text/plain","isDynamicContent":false}""";

  @Test
  void theDocumentedItemDecodes() {
    JsonDocument doc = JsonDocument.parse(DOCS_ITEM);
    ReadyReply r = doc.decode(ReadyReply.class);
    assertEquals("Hi friend", r.title());
    assertEquals("Some text", r.text());
    assertEquals("Greetings", r.category());
    assertFalse(r.toString().contains("Some text"), r.toString());
    Map<String, String> seeded = new LinkedHashMap<>();
    seeded.put("Hi friend", "Some text");
    f.fake.bot().seedReadyReplies("greetings", "Greetings", seeded);
    ReadyReplyCategory c = f.desk.readyReplies().get("greetings");
    assertEquals("Greetings", c.name());
    assertEquals("Some text", c.replies().get(0).text());
    assertTrue(c.replies().get(0).raw().json().contains("\"isDynamicContent\":false"));
  }

  /** The item of "Get custom replies" (one per category) in takenet/blip-docs source/includes/en/extensions/desk.md. */
  static final String DOCS_CATEGORY_ITEM = """
      {"id":"9e4a2a6c-e9c0-401f-a1b9-9cb45528a680","category":"Greetings","isDynamicContent":false}""";

  @Test
  void aCategoryKeepsTheDocumentDeskSentForIt() {
    JsonDocument item = JsonDocument.parse(DOCS_CATEGORY_ITEM);
    ReadyReplyCategory listed = ReadyReplies.category(item);
    assertEquals("9e4a2a6c-e9c0-401f-a1b9-9cb45528a680", listed.id());
    assertEquals("Greetings", listed.name());
    assertEquals(item, listed.raw());
    // the same names in another case (a Newtonsoft client without JsonProperty, as the C# CustomReply of
    // third-party file 28430089560 writes its collection) are the same members
    ReadyReplyCategory pascal = ReadyReplies.category(JsonDocument.parse(
        "{\"Id\":\"b56c9e64-e3bb-4164-a2c7-Feito-Por-MarcosRodriguesViaAPI\",\"Category\":\"Mensagens Ativas\"}"));
    assertEquals("b56c9e64-e3bb-4164-a2c7-Feito-Por-MarcosRodriguesViaAPI", pascal.id(), "an id need not be a UUID");
    assertEquals("Mensagens Ativas", pascal.name());
    assertEquals("{}", new ReadyReplyCategory("c", "C", List.of(), null).raw().json());

    f.fake.bot().seedReadyReplies("greetings", "Greetings", Map.of("Hi friend", "Some text"));
    ReadyReplyCategory fromList = f.desk.readyReplies().categories().get(0);
    assertEquals("false", fromList.raw().member("isDynamicContent").orElseThrow().json(), "the listed item");
    ReadyReplyCategory whole = f.desk.readyReplies().get("greetings");
    assertEquals("\"" + ReadyReplies.TYPE + "\"", whole.raw().member("itemType").orElseThrow().json(),
        "the collection Desk answered");
    assertEquals(whole.raw().asCollection().items().get(0), whole.replies().get(0).raw());
  }

  /**
   * A reply as Desk may hold it: the documented item with its names in another case, and two members the docs do
   * not list (made up here: whatever Desk adds must survive a replace), one a JSON null and one blank.
   */
  static final String READ_REPLY = """
      {"id":"9e4a2a6c-e9c0-401f-a1b9-9cb45528a680","Category":"Greetings","Name":"Hi friend",
       "Document":"Some text","Type":"text/plain","IsDynamicContent":false,"shortcut":null,"tags":""}""";

  @Test
  void replacingWritesBackWhatTheSdkDoesNotModelOnceAndInDesksCase() {
    ReadyReply read = JsonDocument.parse(READ_REPLY).decode(ReadyReply.class);
    assertEquals("Hi friend", read.title());
    assertEquals("Some text", read.text());
    assertEquals("text/plain", read.type());
    f.desk.readyReplies().replace("greetings", "Saudações", List.of(read));

    JsonDocument sent = JsonDocument.parse(f.fake.receivedEnvelopes().stream()
        .filter(e -> "set".equals(e.field("method"))).reduce((a, b) -> b).orElseThrow().json())
        .member("resource").orElseThrow().asCollection().items().get(0);
    assertEquals(List.of("shortcut", "tags", "id", "category", "name", "document", "type", "isDynamicContent"),
        List.copyOf(sent.fields().keySet()), "no member twice, the modelled ones in Desk's case");
    assertTrue(sent.member("shortcut").orElseThrow().isNull(), "a JSON null is kept");
    assertEquals("\"\"", sent.member("tags").orElseThrow().json(), "blank stays blank");
    assertEquals("\"Saudações\"", sent.member("category").orElseThrow().json());

    ReadyReply back = f.desk.readyReplies().get("greetings").replies().get(0);
    assertEquals("\"\"", back.raw().member("tags").orElseThrow().json());
    assertEquals("Some text", back.text());
  }

  @Test
  void replaceListReadAndDeleteACategory() {
    ReadyReplies replies = f.desk.readyReplies();
    ReadyReplyCategory written = replies.replace("horarios", "Horários", List.of(
        ReadyReply.text("Abertura", "Abrimos às 8h."), ReadyReply.text("Fechamento", "Fechamos às 18h.")));
    replies.replace("saudacoes", "Saudações", List.of(ReadyReply.text("Oi", "Olá! Como posso ajudar?")));
    assertEquals(List.of("Horários", "Saudações"), replies.categories().stream().map(ReadyReplyCategory::name).toList());
    ReadyReplyCategory read = replies.get("horarios");
    assertEquals(List.of("Abertura", "Fechamento"), read.replies().stream().map(ReadyReply::title).toList());
    assertEquals(written.replies().get(0).id(), read.replies().get(0).id());
    assertEquals("Horários", f.fake.bot().readyReplies("horarios").get(1).get("category"));

    // replacing keeps what the SDK does not model and changes what it does
    ReadyReply first = read.replies().get(0);
    replies.replace("horarios", "Horários", List.of(first, ReadyReply.text("Sábado", "Sábados, 9h às 13h.")));
    assertEquals(List.of("Abertura", "Sábado"), replies.get("horarios").replies().stream().map(ReadyReply::title)
        .toList());

    replies.delete("saudacoes");
    assertEquals(1, replies.categories().size());
    assertTrue(assertThrows(BlipCommandException.class, () -> replies.get("saudacoes")).isNotFound());
  }

  @Test
  void goPersonalLimitsAreCheckedBeforeAnyRequest() {
    ReadyReplies replies = f.desk.readyReplies();
    int before = f.fake.receivedEnvelopes().size();
    BlipValidationException title = assertThrows(BlipValidationException.class, () -> replies.replace("c", "Cat",
        List.of(ReadyReply.text("ok", "x"), ReadyReply.text("a".repeat(31), "x"))));
    assertEquals("replies[1].name", title.field());
    assertEquals("at most 30 characters", title.rule());
    BlipValidationException category = assertThrows(BlipValidationException.class,
        () -> replies.replace("c", "c".repeat(61), List.of(ReadyReply.text("ok", "x"))));
    assertEquals("name", category.field());
    assertEquals("at most 60 characters", category.rule());
    BlipValidationException type = assertThrows(BlipValidationException.class, () -> replies.replace("c", "Cat",
        List.of(new ReadyReply(null, null, "Logo", "https://x/logo.png", "image/png", false, null))));
    assertEquals("replies[0].type", type.field());
    assertEquals(before, f.fake.receivedEnvelopes().size(), "nothing was sent");
    // the limits count characters, not UTF-16 units or bytes: 30 accented letters and an emoji pass
    replies.replace("c", "ç".repeat(60), List.of(ReadyReply.text("é".repeat(29) + "😀", "ok")));
    assertEquals(30, replies.get("c").replies().get(0).title().codePointCount(0, 31));
  }
}
