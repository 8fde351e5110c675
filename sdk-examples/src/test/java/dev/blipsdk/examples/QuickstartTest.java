package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.whatsapp.MessageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's main command path end to end on the embedded fake Blip. */
class QuickstartTest {

  @Test
  void theWholeStoryRunsOnTheEmbeddedFake() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Quickstart.Result result;
    try (ExampleEnvironment env = ExampleEnvironment.open(Map.of());
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      result = new Quickstart(env, out).run();
    }
    String story = buffer.toString(StandardCharsets.UTF_8);

    assertEquals(MessageStatus.READ, result.templateStatus(), story);
    assertEquals("IN_PROGRESS", result.deskState(), story);
    assertNotEquals(result.ticketId(), result.transferredTicketId(), "a transfer makes a new ticket");
    assertTrue(result.monitoring().transferred() >= 1, story);
    assertTrue(result.monitoring().closed() >= 1, story);

    assertTrue(story.contains("status: READ"), story);
    assertTrue(story.contains("answered: ticket"), story);
    assertTrue(story.contains("Done."), story);
    for (String phone : new String[] {"5531999998888", "99999-8888", "5511988887777"}) {
      assertFalse(story.contains(phone), "the story masks phone numbers: " + phone);
    }
  }
}
