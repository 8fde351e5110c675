package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookParseException;
import static org.junit.jupiter.api.Assertions.*;

import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.exception.WebhookParseException.Failure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
  private final WebhookParser parser = WebhookParser.defaults();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private WebhookEvent parse(String json) {
    return parser.parse(utf8(json));
  }

  private static Failure failure(WebhookParser p, byte[] body) {
    return assertThrows(WebhookParseException.class, () -> p.parse(body)).failure();
  }

  @Test
  void textMessageFromTheDocs() {
    InboundMessage m = assertInstanceOf(InboundMessage.class, parser.parse(Vectors.BODY));
    assertEquals("99cf454e-f25d-4ebd-831f-e48a1c612cd4", m.id());
    assertEquals("551100001111@0mn.io/4ac58r6e3", m.from().value());
    assertEquals("text/plain", m.type());
    assertEquals("Help", assertInstanceOf(MessageContent.Text.class, m.content()).text());
    assertEquals("99cf454e-f25d-4ebd-831f-e48a1c612cd4:message", m.deduplicationKey());
    assertEquals(Vectors.BODY_TEXT, m.raw().json());
    assertFalse(m.toString().contains("Help"), m.toString());
    assertFalse(m.toString().contains("551100001111"), m.toString());
  }

  @Test
  void notificationFromTheDocsIsTheCoreNotification() {
    StatusNotification s = assertInstanceOf(StatusNotification.class, parser.parse(Vectors.NOTIFICATION));
    Notification n = s.notification();
    assertEquals(NotificationEvent.RECEIVED, n.event());
    assertEquals("123e4567-e89b-12d3-a456-426655440000", s.messageId());
    assertEquals("123e4567-e89b-12d3-a456-426655440000:received", s.deduplicationKey());
    assertNull(s.reason());
    StatusNotification failed = assertInstanceOf(StatusNotification.class, parse(
        "{\"id\":\"m1\",\"event\":\"failed\",\"reason\":{\"code\":42,\"description\":\"Destination not found\"}}"));
    assertEquals(NotificationEvent.FAILED, failed.event());
    assertEquals(42, failed.reason().code());
    assertEquals("m1:failed", failed.deduplicationKey());
    StatusNotification odd = assertInstanceOf(StatusNotification.class, parse("{\"id\":\"m1\",\"event\":\"Weird\"}"));
    assertEquals(NotificationEvent.UNKNOWN, odd.event());
    assertEquals("m1:weird", odd.deduplicationKey());
  }

  @Test
  void duplicateDeliveriesShareAKeyAndDifferentEventsDoNot() {
    byte[] a = utf8("{\"id\":\"m1\",\"from\":\"a@tunnel.msging.net\",\"event\":\"received\"}");
    byte[] b = utf8("{\"id\":\"m1\",\"from\":\"b@wa.gw.msging.net/x\",\"event\":\"received\"}");
    byte[] c = utf8("{\"id\":\"m1\",\"event\":\"consumed\"}");
    assertEquals(parser.parse(a).deduplicationKey(), parser.parse(b).deduplicationKey());
    assertNotEquals(parser.parse(a).deduplicationKey(), parser.parse(c).deduplicationKey());
    // without an id, the key hashes the body: identical redeliveries still match
    String noId = "{\"type\":\"text/plain\",\"content\":\"hi\"}";
    String key = parse(noId).deduplicationKey();
    assertTrue(key.startsWith("sha256-") && key.endsWith(":message"), key);
    assertEquals(key, parse(noId).deduplicationKey());
    assertNotEquals(key, parse("{\"type\":\"text/plain\",\"content\":\"ho\"}").deduplicationKey());
  }

  @Test
  void mediaLocationAndReplies() {
    InboundMessage media = (InboundMessage) parse("{\"id\":\"1\",\"type\":\"application/vnd.lime.media-link+json\","
        + "\"content\":{\"uri\":\"https://cdn.example/a.jpg\",\"type\":\"image/jpeg\",\"title\":\"a.jpg\","
        + "\"size\":1234,\"text\":\"look\"}}");
    MessageContent.Media m = assertInstanceOf(MessageContent.Media.class, media.content());
    assertEquals("https://cdn.example/a.jpg", m.uri());
    assertEquals("image/jpeg", m.mediaType());
    assertEquals("a.jpg", m.title());
    assertEquals("look", m.text());
    assertEquals(1234L, m.size());
    assertFalse(m.toString().contains("cdn.example"));

    InboundMessage loc = (InboundMessage) parse("{\"id\":\"2\",\"type\":\"application/vnd.lime.location+json\","
        + "\"content\":{\"latitude\":-19.9191,\"longitude\":-43.9386,\"text\":\"BH\"}}");
    MessageContent.Location l = assertInstanceOf(MessageContent.Location.class, loc.content());
    assertEquals(-19.9191, l.latitude());
    assertEquals(-43.9386, l.longitude());
    assertFalse(l.toString().contains("19.9"));

    InboundMessage lime = (InboundMessage) parse("{\"id\":\"3\",\"type\":\"application/vnd.lime.reply+json\","
        + "\"content\":{\"replied\":{\"type\":\"text/plain\",\"value\":\"Yes\"},"
        + "\"inReplyTo\":{\"id\":\"sent-1\",\"type\":\"application/vnd.lime.select+json\",\"value\":{}}}}");
    MessageContent.Reply r = assertInstanceOf(MessageContent.Reply.class, lime.content());
    assertEquals("Yes", r.text());
    assertEquals("sent-1", r.inReplyToId());

    InboundMessage button = (InboundMessage) parse("{\"id\":\"4\",\"type\":\"application/json\",\"content\":"
        + "{\"type\":\"interactive\",\"context\":{\"id\":\"wamid.X\"},\"interactive\":{\"type\":\"button_reply\","
        + "\"button_reply\":{\"id\":\"confirm-42\",\"title\":\"Confirm\"}}}}");
    MessageContent.Reply b = assertInstanceOf(MessageContent.Reply.class, button.content());
    assertEquals("Confirm", b.text());
    assertEquals("confirm-42", b.payload());
    assertEquals("wamid.X", b.inReplyToId());

    InboundMessage list = (InboundMessage) parse("{\"id\":\"5\",\"type\":\"application/json\",\"content\":"
        + "{\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"row-2\",\"title\":\"Two\"}}}}");
    assertEquals("row-2", ((MessageContent.Reply) list.content()).payload());

    InboundMessage template = (InboundMessage) parse("{\"id\":\"6\",\"type\":\"application/json\",\"content\":"
        + "{\"type\":\"button\",\"button\":{\"payload\":\"STOP_PROMOS\",\"text\":\"Stop promotions\"}}}");
    MessageContent.Reply t = assertInstanceOf(MessageContent.Reply.class, template.content());
    assertEquals("STOP_PROMOS", t.payload());
    assertEquals("Stop promotions", t.text());
  }

  @Test
  void unexpectedContentShapesStayRawInsteadOfFailing() {
    String[] bodies = {
        "{\"id\":\"1\",\"type\":\"application/vnd.lime.media-link+json\",\"content\":{\"title\":\"no uri\"}}",
        "{\"id\":\"1\",\"type\":\"application/vnd.lime.location+json\",\"content\":{\"latitude\":\"x\"}}",
        "{\"id\":\"1\",\"type\":\"application/json\",\"content\":[1,2,3]}",
        "{\"id\":\"1\",\"type\":\"text/plain\",\"content\":{\"not\":\"text\"}}",
        "{\"id\":\"1\",\"type\":\"application/vnd.lime.chatstate+json\",\"content\":{\"state\":\"composing\"}}",
        "{\"id\":\"1\",\"type\":\"application/vnd.lime.redirect+json\",\"content\":{\"address\":\"x@msging.net\"}}"};
    for (String body : bodies) {
      InboundMessage m = assertInstanceOf(InboundMessage.class, parse(body), body);
      assertInstanceOf(MessageContent.Other.class, m.content(), body);
      assertTrue(body.contains(m.content().raw().json()), body);
    }
  }

  @Test
  void deskTicketRedirect() {
    String body = "{\"id\":\"r-1\",\"from\":\"postmaster@desk.msging.net/#az\",\"to\":\"bot@msging.net\","
        + "\"type\":\"application/vnd.lime.redirect+json\",\"content\":{\"context\":{"
        + "\"type\":\"application/vnd.iris.ticket+json\",\"value\":{\"id\":\"76f5bc38-b476-4895-a0c6-016ed1288ba0\","
        + "\"sequentialId\":138,\"ownerIdentity\":\"demobot@msging.net\","
        + "\"customerIdentity\":\"5531999998888@wa.gw.msging.net\",\"agentIdentity\":\"john%40mail.com@blip.ai\","
        + "\"provider\":\"Lime\",\"status\":\"ClosedAttendant\",\"team\":\"Default\",\"closed\":true,"
        + "\"customerInput\":{\"type\":\"text/plain\",\"value\":\"hi\"},\"priority\":0}}}}";
    TicketEvent t = assertInstanceOf(TicketEvent.class, parse(body));
    TicketSnapshot ticket = t.ticket();
    assertEquals("76f5bc38-b476-4895-a0c6-016ed1288ba0", ticket.id());
    assertEquals(138L, ticket.sequentialId());
    assertEquals("ClosedAttendant", ticket.rawStatus());
    assertEquals(TicketSnapshot.Status.CLOSED_ATTENDANT, ticket.status());
    assertTrue(ticket.status().isClosed());
    assertEquals("ClosedAttendant", ticket.status().wireValue());
    assertEquals("5531999998888@wa.gw.msging.net", ticket.customerIdentity());
    assertEquals("john%40mail.com@blip.ai", ticket.agentIdentity());
    assertEquals("Default", ticket.team());
    assertEquals("Lime", ticket.raw().asMap().get("provider"));
    assertEquals("r-1:ticket", t.deduplicationKey());
    assertFalse(t.toString().contains("5531999998888"), t.toString());
    assertFalse(t.toString().contains("john"), t.toString());
    // an unknown status is kept raw
    TicketEvent odd = (TicketEvent) parse("{\"id\":\"r-2\",\"type\":\"application/vnd.lime.redirect+json\","
        + "\"content\":{\"context\":{\"type\":\"application/vnd.iris.ticket+json\",\"value\":{\"status\":\"Paused\"}}}}");
    assertEquals(TicketSnapshot.Status.UNKNOWN, odd.ticket().status());
    assertEquals("Paused", odd.ticket().rawStatus());
    assertEquals(TicketSnapshot.Status.CLOSED_CLIENT_INACTIVITY, TicketSnapshot.Status.fromWire("closedclientinactivity"));
    // a ticket document as the content (custom Desk providers)
    TicketEvent direct = (TicketEvent) parse("{\"id\":\"Ticket:abc:Waiting\",\"from\":\"abc@desk.msging.net/Webhook\","
        + "\"type\":\"application/vnd.iris.ticket+json\",\"content\":{\"id\":\"abc\",\"status\":\"Waiting\"}}");
    assertEquals(TicketSnapshot.Status.WAITING, direct.ticket().status());
  }

  @Test
  void commandsAndNonEnvelopeObjectsAreUnknownEventsKeepingTheJson() {
    UnknownEvent cmd = assertInstanceOf(UnknownEvent.class,
        parse("{\"id\":\"c1\",\"method\":\"get\",\"uri\":\"/ping\"}"));
    assertEquals("c1:command", cmd.deduplicationKey());
    assertNotNull(cmd.envelope());
    UnknownEvent meta = assertInstanceOf(UnknownEvent.class,
        parse("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"));
    assertNull(meta.envelope());
    assertEquals("whatsapp_business_account", meta.raw().asMap().get("object"));
    assertTrue(meta.deduplicationKey().endsWith(":unknown"));
  }

  @Test
  void everyKindOfBadInputIsTheTypedError() {
    assertEquals(Failure.EMPTY_BODY, failure(parser, new byte[0]));
    assertEquals(Failure.EMPTY_BODY, failure(parser, utf8(" \r\n\t")));
    assertEquals(Failure.INVALID_UTF8, failure(parser, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}));
    assertEquals(Failure.INVALID_UTF8, failure(parser, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    assertEquals(Failure.INVALID_UTF8, failure(parser, new byte[] {(byte) 0xFF}));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("{\"id\":")));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("{id:1}")));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("{\"type\":\"text/plain\",\"content\":[1,,2]}")));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("{\"id\":\"1\",\"event\":\"received\"} {}")));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("not json")));
    assertEquals(Failure.MALFORMED_JSON, failure(parser, utf8("{\"a\":1}//comment")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("[1,2]")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("\"text\"")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("42")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("null")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("{\"type\":\"\",\"content\":\"x\"}")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("{\"content\":\"no type\"}")));
    assertEquals(Failure.NOT_AN_ENVELOPE, failure(parser, utf8("{\"from\":\"@nobody\",\"event\":\"received\"}")));
    // a body is never echoed in the message
    WebhookParseException e = assertThrows(WebhookParseException.class,
        () -> parser.parse(utf8("{\"from\":\"5531999998888@wa\",\"content\":\"secret text\"}")));
    assertFalse(e.getMessage().contains("secret text"), e.getMessage());
    assertFalse(e.getMessage().contains("5531999998888"), e.getMessage());
  }

  @Test
  void sizeIsCheckedBeforeParsing() {
    WebhookParser small = WebhookParser.builder().maxBodyBytes(100).build();
    byte[] big = new byte[101];
    Arrays.fill(big, (byte) 0xFF); // invalid UTF-8 too: the size check comes first
    assertEquals(Failure.BODY_TOO_LARGE, failure(small, big));
    assertEquals(Failure.BODY_TOO_LARGE, failure(parser, new byte[WebhookParser.DEFAULT_MAX_BODY_BYTES + 1]));
    assertThrows(IllegalArgumentException.class, () -> WebhookParser.builder().maxBodyBytes(0));
  }

  @Test
  void nestingIsLimitedBelowMoshisOwnLimit() {
    String deepContent = "[".repeat(63) + "]".repeat(63);
    InboundMessage ok = (InboundMessage) parse("{\"type\":\"application/json\",\"content\":" + deepContent + "}");
    assertEquals(deepContent, ok.content().raw().json());
    String tooDeep = "{\"type\":\"application/json\",\"content\":" + "[".repeat(64) + "]".repeat(64) + "}";
    assertEquals(Failure.NESTING_TOO_DEEP, failure(parser, utf8(tooDeep)));
    // far beyond Moshi's 255, unbalanced, and brackets inside strings do not count
    assertEquals(Failure.NESTING_TOO_DEEP, failure(parser, utf8("{\"a\":" + "[".repeat(100_000))));
    parse("{\"type\":\"text/plain\",\"content\":\"" + "[".repeat(1000) + "\\\"{{{\"}");
    WebhookParser deep = WebhookParser.builder().maxDepth(WebhookParser.MAX_DEPTH_LIMIT).build();
    String d200 = "{\"type\":\"application/json\",\"content\":" + "[".repeat(199) + "]".repeat(199) + "}";
    deep.parse(utf8(d200));
    assertThrows(IllegalArgumentException.class, () -> WebhookParser.builder().maxDepth(256));
  }

  @Test
  void rawControlCharactersAndForbiddenEscapesInStringsAreMalformedJson() {
    // issue 12, defect 6: fuzzed bodies with raw LF, NUL and ESC in message text reached listeners
    for (String text : new String[] {"a\nb", "a\u0000b", "a\u001bb", "tab\there", "it\\'s", "\\x41",
        "\\u12G4", "line\\\ncontinued"}) {
      byte[] body = ("{\"id\":\"1\",\"type\":\"text/plain\",\"content\":\"" + text + "\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      WebhookParseException e = assertThrows(WebhookParseException.class, () -> WebhookParser.defaults().parse(body),
          text);
      assertEquals(WebhookParseException.Failure.MALFORMED_JSON, e.failure(), text);
    }
    byte[] fine = "{\"id\":\"1\",\"type\":\"text/plain\",\"content\":\"a\\nb \\u00e9 \\/\"}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("a\nb \u00e9 /", ((InboundMessage) WebhookParser.defaults().parse(fine)).message().content()
        .asString());
  }
}
