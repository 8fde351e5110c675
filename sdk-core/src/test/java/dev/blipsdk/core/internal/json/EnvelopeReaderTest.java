package dev.blipsdk.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one envelope reader: one strict pass, exact envelope names, nothing of the body lost. */
class EnvelopeReaderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDocumentedResponseKeepsItsResourceAndMetadataAsWritten() {
    // from Blip's docs (docs.blip.ai, "Get a contact"), with metadata of every kind added
    Command c = EnvelopeReader.readResponse(utf8("""
        { "type": "application/vnd.lime.contact+json",
          "resource": { "name": "John Doe", "extras": {"plan": ""} },
          "method": "get", "status": "success", "id": "1294447a-2581-4597-be6a-a5dff33af156",
          "from": "postmaster@crm.msging.net/#az-iris4", "to": "docstest@msging.net",
          "metadata": { "#command.uri": "lime://docstest@msging.net/contacts/john", "n": 5, "b": true,
                        "nested": {"a": [1, 2]}, "gone": null } }"""), null);
    assertEquals(CommandMethod.GET, c.method());
    assertEquals(CommandStatus.SUCCESS, c.status());
    assertEquals("{ \"name\": \"John Doe\", \"extras\": {\"plan\": \"\"} }", c.resource().json());
    Map<String, String> m = c.metadata();
    assertEquals("5", m.get("n"));
    assertEquals("true", m.get("b"));
    assertEquals("{\"a\": [1, 2]}", m.get("nested"));
    assertTrue(m.containsKey("gone"));
    assertNull(m.get("gone"));
    assertEquals("crm.msging.net", c.from().domain());
  }

  @Test
  void namesAreExactAndTheLastRepeatWins() {
    Message m = assertInstanceOf(Message.class, EnvelopeReader.read(utf8(
        "{\"Type\":\"x/y\",\"type\":\"text/plain\",\"content\":\"a\",\"content\":\"b\",\"\\u0069d\":\"e1\"}")));
    assertEquals("text/plain", m.type());
    assertEquals("\"b\"", m.content().json());
    assertEquals("e1", m.id(), "an escaped name is the same name");
  }

  @Test
  void aFailureWithOnlyStatusAnswersTheRequest() {
    Command c = EnvelopeReader.readResponse(utf8(
        "{\"status\":\"failure\",\"reason\":{\"code\":67.0,\"description\":\"not found\"}}"), CommandMethod.GET);
    assertEquals(CommandMethod.GET, c.method());
    assertEquals(67, c.reason().code());
    assertEquals("not found", c.reason().description());
  }

  @Test
  void aNotificationKeepsAnUnknownEventAsText() {
    Notification n = assertInstanceOf(Notification.class, EnvelopeReader.read(utf8(
        "{\"id\":\"m1\",\"event\":\"played\",\"from\":\"5511@wa.gw.msging.net\"}")));
    assertEquals("played", n.eventName());
  }

  @Test
  void eachRefusalSaysWhatItIsAbout() {
    assertEquals(EnvelopeReader.Problem.MALFORMED, problem("{\"id\":\"x\",}"));
    assertEquals(EnvelopeReader.Problem.MALFORMED, problem("{\"id\":\"x\"} {}"));
    assertEquals(EnvelopeReader.Problem.MALFORMED, problem("[1,]"));
    assertEquals(EnvelopeReader.Problem.NOT_AN_OBJECT, problem("[1]"));
    assertEquals(EnvelopeReader.Problem.NOT_AN_ENVELOPE, problem("{\"hello\":1}"));
    assertEquals(EnvelopeReader.Problem.NOT_AN_ENVELOPE, problem("{\"content\":1}"));
    assertEquals(EnvelopeReader.Problem.NOT_AN_ENVELOPE, problem("{\"type\":\"text/plain\",\"from\":\"a@b@c\"}"));
    BlipProtocolException deep = assertThrows(BlipProtocolException.class, () -> EnvelopeReader.read(
        utf8("{\"type\":\"a/b\",\"content\":[[[1]]]}"), 0, 33, null, 3));
    assertEquals(EnvelopeReader.Problem.TOO_DEEP, EnvelopeReader.problemOf(deep));
    Message ok = (Message) EnvelopeReader.read(utf8("{\"type\":\"a/b\",\"content\":[[1]]}"), 0, 30, null, 3);
    assertEquals("[[1]]", ok.content().json());
  }

  private static EnvelopeReader.Problem problem(String json) {
    return EnvelopeReader.problemOf(assertThrows(BlipProtocolException.class, () -> EnvelopeReader.read(utf8(json))));
  }
}
