package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.exception.BlipValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TemplateMessageTest {

  static Template definition(String json) {
    return Template.fromJson(JsonDocument.parse(json));
  }

  static final Template ORDER = definition("""
      {"id":"1","name":"order_shipped","language":"pt_BR","status":"APPROVED","category":"UTILITY",
       "components":[{"type":"HEADER","format":"IMAGE"},
         {"type":"BODY","text":"Oi {{1}}, seu pedido {{2}} saiu."},
         {"type":"FOOTER","text":"Loja X"},
         {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Sim"},
           {"type":"URL","text":"Rastrear","url":"https://x.com/t/{{1}}"},
           {"type":"PHONE_NUMBER","text":"Ligar","phone_number":"+5531999998888"}]}]}""");

  static BlipValidationException refused(Executable e) {
    return assertThrows(BlipValidationException.class, e);
  }

  @Test
  void producesExactlyTheWireShapeOfTheApiDoc() {
    TemplateMessage m = TemplateMessage.of("order_shipped", "pt_BR").namespace("ns_1")
        .headerImage("https://cdn.x.com/logo.png").body("value1", "value2").quickReply(0, "Sim")
        .urlSuffix(1, "4411");
    assertEquals("{\"type\":\"template\",\"template\":{\"namespace\":\"ns_1\",\"name\":\"order_shipped\","
        + "\"language\":{\"code\":\"pt_BR\",\"policy\":\"deterministic\"},\"components\":["
        + "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.x.com/logo.png\"}}]},"
        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"value1\"},{\"type\":\"text\",\"text\":\"value2\"}]},"
        + "{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":0,\"parameters\":[{\"type\":\"payload\",\"payload\":\"Sim\"}]},"
        + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":1,\"parameters\":[{\"type\":\"text\",\"text\":\"4411\"}]}"
        + "]}}", m.toContent().json());
    Message msg = m.toMessage(Identity.parse("5531999998888@wa.gw.msging.net"));
    assertEquals("application/json", msg.type());
    assertEquals("5531999998888@wa.gw.msging.net", msg.to().value());
  }

  @Test
  void bodyWithoutVariablesSendsEmptyParametersAndNamespaceIsOptional() {
    assertEquals("{\"type\":\"template\",\"template\":{\"name\":\"welcome\",\"language\":{\"code\":\"en\","
        + "\"policy\":\"deterministic\"},\"components\":[{\"type\":\"body\",\"parameters\":[]}]}}",
        TemplateMessage.of("welcome", "en").validate().toContent().json());
  }

  @Test
  void documentVideoAndNamedForms() {
    String doc = TemplateMessage.of("invoice", "en_US").headerDocument("https://x.com/a/inv.pdf", "inv.pdf")
        .bodyVariable("first_name", "Ana").validate().toContent().json();
    assertTrue(doc.contains("{\"type\":\"header\",\"parameters\":[{\"type\":\"document\",\"document\":"
        + "{\"filename\":\"inv.pdf\",\"link\":\"https://x.com/a/inv.pdf\"}}]}"), doc);
    assertTrue(doc.contains("{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ana\"}"), doc);
    String video = TemplateMessage.of("promo", "en").headerVideo("https://x.com/v.mp4").toContent().json();
    assertTrue(video.contains("{\"type\":\"video\",\"video\":{\"link\":\"https://x.com/v.mp4\"}}"), video);
  }

  @Test
  void isImmutable() {
    TemplateMessage base = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://x.com/a.png");
    TemplateMessage ana = base.body("Ana", "1");
    TemplateMessage bia = base.body("Bia", "2");
    assertNotSame(base, ana);
    assertEquals(List.of(), base.bodyValues());
    assertEquals(List.of("Ana", "1"), ana.bodyValues());
    assertEquals(List.of("Bia", "2"), bia.bodyValues());
    assertFalse(ana.toString().contains("Ana"), "toString hides values");
  }

  @Test
  void nameLanguageAndPolicyFormats() {
    assertEquals("name-format", refused(() -> TemplateMessage.of("Order-Shipped", "pt_BR").validate()).rule());
    assertEquals("name-format", refused(() -> TemplateMessage.of("a".repeat(513), "pt_BR").validate()).rule());
    TemplateMessage.of("a".repeat(512), "pt_BR").validate();
    BlipValidationException lang = refused(() -> TemplateMessage.of("x", "pt-br").validate());
    assertEquals("template.language", lang.field());
    assertEquals("language-format", lang.rule());
    TemplateMessage.of("x", "en").validate();
    TemplateMessage.of("x", "en_US").validate();
    assertEquals("policy", refused(() -> TemplateMessage.of("x", "en").policy("loose").validate()).rule());
  }

  @Test
  void textLimits() {
    BlipValidationException h = refused(() -> TemplateMessage.of("x", "en").headerText("a".repeat(61)).validate());
    assertEquals("header.{{1}}", h.field());
    assertEquals("max-length", h.rule());
    TemplateMessage.of("x", "en").headerText("a".repeat(60)).validate();
    // body-only: up to 32768
    TemplateMessage.of("x", "en").body("a".repeat(32768)).validate();
    assertEquals("max-length", refused(() -> TemplateMessage.of("x", "en").body("a".repeat(32769)).validate()).rule());
    // with other components: 1024
    BlipValidationException b = refused(() -> TemplateMessage.of("x", "en").headerText("h")
        .body("ok", "a".repeat(1025)).validate());
    assertEquals("body.{{2}}", b.field());
    assertEquals("max-length", b.rule());
    // the definition decides when at hand: a footer makes the body not the only component
    Template withFooter = definition("""
        {"name":"x","language":"en","status":"APPROVED","components":[{"type":"BODY","text":"{{1}}"},
        {"type":"FOOTER","text":"f"}]}""");
    assertEquals("max-length", refused(() -> TemplateMessage.of("x", "en").body("a".repeat(2000))
        .validate(withFooter)).rule());
    assertEquals("empty", refused(() -> TemplateMessage.of("x", "en").body(" ").validate()).rule());
  }

  @Test
  void whitespaceIsRejectedOrNormalisedOnRequest() {
    BlipValidationException nl = refused(() -> TemplateMessage.of("x", "en").body("Ana", "line\nbreak").validate());
    assertEquals("body.{{2}}", nl.field());
    assertEquals("whitespace", nl.rule());
    assertEquals("whitespace", refused(() -> TemplateMessage.of("x", "en").body("a\tb").validate()).rule());
    assertEquals("whitespace", refused(() -> TemplateMessage.of("x", "en").body("a     b").validate()).rule());
    TemplateMessage.of("x", "en").body("a    b").validate(); // four spaces are fine
    TemplateMessage n = TemplateMessage.of("x", "en").whitespace(WhitespacePolicy.NORMALIZE)
        .body("line\r\nbreak\tand      spaces").validate();
    assertTrue(n.toContent().json().contains("\"text\":\"line break and    spaces\""), n.toContent().json());
  }

  @Test
  void mediaUrlsMustBeAbsoluteHttpAndOfTheRightKind() {
    BlipValidationException rel = refused(() -> TemplateMessage.of("x", "en").headerImage("/logo.png").validate());
    assertEquals("header.image", rel.field());
    assertEquals("absolute-url", rel.rule());
    assertEquals("absolute-url", refused(() -> TemplateMessage.of("x", "en").headerImage("ftp://x.com/a.png")
        .validate()).rule());
    BlipValidationException kind = refused(() -> TemplateMessage.of("x", "en").headerVideo("https://x.com/a.png")
        .validate());
    assertEquals("header.video", kind.field());
    assertEquals("media-kind", kind.rule());
    assertEquals("media-kind", refused(() -> TemplateMessage.of("x", "en")
        .headerVideo("https://www.youtube.com/watch?v=1").validate()).rule());
    BlipValidationException doc = refused(() -> TemplateMessage.of("x", "en")
        .headerDocument("https://x.com/a.docx", "a.docx").validate());
    assertEquals("document-pdf", doc.rule());
    assertEquals("media-kind", refused(() -> TemplateMessage.of("x", "en")
        .headerDocument("https://x.com/a.mp4", "a.mp4").validate()).rule());
    TemplateMessage.of("x", "en").headerImage("https://x.com/A.JPEG?v=2").validate();
    TemplateMessage.of("x", "en").headerVideo("http://x.com/v.3gp").validate();
    // no extension: refused by extension check, accepted for a Content-Type check
    assertEquals("media-kind", refused(() -> TemplateMessage.of("x", "en").headerImage("https://x.com/img?id=1")
        .validate()).rule());
    TemplateMessage.of("x", "en").mediaCheck(MediaCheck.CONTENT_TYPE).headerImage("https://x.com/img?id=1").validate();
  }

  @Test
  void variableCountsAndHeaderKindAgainstADefinition() {
    TemplateMessage ok = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://x.com/a.png")
        .body("Ana", "#1").urlSuffix(1, "1");
    ok.validate(ORDER);
    BlipValidationException count = refused(() -> ok.body("Ana").validate(ORDER));
    assertEquals("body", count.field());
    assertEquals("variable-count", count.rule());
    assertTrue(count.getMessage().contains("expects 2 variables ({{1}}, {{2}}), the message gives 1"),
        count.getMessage());
    BlipValidationException kind = refused(() -> ok.headerVideo("https://x.com/a.mp4").validate(ORDER));
    assertEquals("header", kind.field());
    assertEquals("header-kind", kind.rule());
    assertEquals("variable-count", refused(() -> TemplateMessage.of("order_shipped", "pt_BR").body("Ana", "#1")
        .urlSuffix(1, "1").validate(ORDER)).rule(), "missing media header");
    BlipValidationException url = refused(() -> TemplateMessage.of("order_shipped", "pt_BR")
        .headerImage("https://x.com/a.png").body("Ana", "#1").validate(ORDER));
    assertEquals("buttons[1]", url.field());
    assertEquals("variable-count", url.rule());
    assertEquals("button-kind", refused(() -> ok.urlSuffix(0, "x").validate(ORDER)).rule());
    assertEquals("not-in-template", refused(() -> ok.quickReply(5, "x").validate(ORDER)).rule());
    assertEquals("definition-mismatch", refused(() -> TemplateMessage.of("other", "pt_BR").validate(ORDER)).rule());
    assertEquals("definition-mismatch", refused(() -> TemplateMessage.of("order_shipped", "en")
        .validate(ORDER)).rule());
  }

  @Test
  void namedVariablesAgainstADefinition() {
    Template named = definition("""
        {"name":"hello","language":"en","status":"Approved","components":[
          {"type":"HEADER","format":"TEXT","text":"Hi {{first_name}}"},
          {"type":"BODY","text":"Your order {{order_id}} ships {{date}}."}]}""");
    assertTrue(named.namedParameters());
    TemplateMessage m = TemplateMessage.of("hello", "en").headerText("first_name", "Ana")
        .bodyVariable("order_id", "4411").bodyVariable("date", "today");
    m.validate(named);
    BlipValidationException missing = refused(() -> TemplateMessage.of("hello", "en").headerText("first_name", "A")
        .bodyVariable("order_id", "1").validate(named));
    assertEquals("body.{{date}}", missing.field());
    assertEquals("variable-count", missing.rule());
    assertEquals("unknown-variable", refused(() -> m.bodyVariable("coupon", "x").validate(named)).rule());
    assertEquals("parameter-format", refused(() -> TemplateMessage.of("hello", "en").headerText("first_name", "A")
        .body("1", "2").validate(named)).rule());
    assertEquals("variable-count", refused(() -> TemplateMessage.of("hello", "en").bodyVariable("order_id", "1")
        .bodyVariable("date", "d").validate(named)).rule(), "text header variable missing");
    BlipValidationException positionalHeader = refused(() -> TemplateMessage.of("hello", "en").headerText("Ana")
        .bodyVariable("order_id", "1").bodyVariable("date", "d").validate(named));
    assertEquals("header", positionalHeader.field());
    assertEquals("parameter-format", positionalHeader.rule());
    assertTrue(positionalHeader.getMessage().contains("{{first_name}}"), positionalHeader.getMessage());
  }

  @Test
  void previewFillsTheVariables() {
    TemplatePreview p = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://x.com/a.png")
        .body("Ana", "#4411").urlSuffix(1, "4411").preview(ORDER);
    assertEquals("[image] https://x.com/a.png", p.header());
    assertEquals("Oi Ana, seu pedido #4411 saiu.", p.body());
    assertEquals("Loja X", p.footer());
    assertEquals(List.of("Sim", "Rastrear -> https://x.com/t/4411", "Ligar -> +5531999998888"), p.buttons());
    assertEquals("[image] https://x.com/a.png\nOi Ana, seu pedido #4411 saiu.\nLoja X\n[Sim]\n"
        + "[Rastrear -> https://x.com/t/4411]\n[Ligar -> +5531999998888]", p.text());
    TemplatePreview missing = TemplateMessage.of("order_shipped", "pt_BR").body("Ana").preview(ORDER);
    assertEquals("Oi Ana, seu pedido {{2}} saiu.", missing.body());
  }

  @Test
  void parsesMetaComponentsTolerantly() {
    assertEquals(HeaderFormat.IMAGE, ORDER.header().format());
    assertEquals(List.of("1", "2"), ORDER.bodyPlaceholders());
    assertEquals("Loja X", ORDER.footerText());
    assertEquals(List.of(ButtonType.QUICK_REPLY, ButtonType.URL, ButtonType.PHONE_NUMBER),
        ORDER.buttons().stream().map(TemplateButton::type).toList());
    assertEquals(List.of("1"), ORDER.buttons().get(1).placeholders());
    assertTrue(ORDER.isApproved());
    Template odd = definition("""
        {"name":"where","language":"en","status":"Approved","components":[
          {"type":"header","format":"LOCATION"},{"type":"body","text":"Come"},
          {"type":"buttons","buttons":[{"type":"COPY_CODE","text":"Copy"},{"type":"URL","text":"Site","url":"https://x.com"}]},
          {"type":"CAROUSEL"}]}""");
    assertEquals(HeaderFormat.LOCATION, odd.header().format());
    assertEquals(ButtonType.OTHER, odd.buttons().get(0).type());
    assertEquals("COPY_CODE", odd.buttons().get(0).rawType());
    assertEquals(List.of(), odd.buttons().get(1).placeholders());
    assertTrue(odd.isApproved());
    assertEquals(HeaderFormat.UNKNOWN, definition("""
        {"name":"n","language":"en","components":[{"type":"HEADER","format":"HOLOGRAM"}]}""").header().format());
    assertEquals(Map.of(), TemplateMessage.of("n", "en").bodyVariables());
  }
}
