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
