package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.testlog.CapturingLogProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Captures every log line at TRACE during real calls and proves no secret or phone number leaks. */
class LoggingRedactionTest {
  private static final String KEY = "acc3ss-K3y-value";
  private static final String PHONE = "5531988887777";
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    CapturingLogProvider.clear();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void traceLogsHoldNoKeyAuthorizationOrPhoneNumber() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"1\",\"method\":\"get\",\"status\":"
        + "\"success\",\"resource\":{\"phoneNumber\":\"+" + PHONE + "\"},\"type\":\"application/json\"}").build());
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"3\",\"method\":\"get\",\"status\":"
        + "\"failure\",\"reason\":{\"code\":67,\"description\":\"not found\"}}").build());
    server.enqueue(new MockResponse.Builder().code(401).body("bad key " + KEY).build());
    try (BlipClient client = BlipClient.builder().baseUrl(server.url("/").toString())
        .credentials("mybot", KEY).sleeper(new RecordingSleeper()).build()) {
      client.execute(Command.get("lime://wa.gw.msging.net/accounts/+" + PHONE).to("postmaster@wa.gw.msging.net")
          .build());
      client.sendMessage(Message.text(Node.parse(PHONE + "@wa.gw.msging.net"), "private text"));
      BlipException notFound = assertThrows(BlipException.class, () -> client.execute(
          Command.get("/contacts/" + PHONE + "@wa.gw.msging.net?$filter=(name%20eq%20'Ana')").build()));
      assertFalse(notFound.toString().contains(PHONE), notFound.toString());
      assertFalse(notFound.getMessage().contains("'Ana'"), notFound.getMessage());
      BlipException unauthorized = assertThrows(BlipException.class,
          () -> client.execute(Command.get("/contacts").build()));
      assertFalse(unauthorized.toString().contains(KEY), unauthorized.toString());
    }
    List<String> lines = CapturingLogProvider.lines();
    assertTrue(lines.size() >= 5, "one DEBUG line per attempt: " + lines);
    String encoded = Base64.getEncoder().encodeToString(("mybot:" + KEY).getBytes(StandardCharsets.UTF_8));
    for (String line : lines) {
      assertFalse(line.contains(KEY), line);
      assertFalse(line.contains(encoded), line);
      assertFalse(line.contains(PHONE), line);
      assertFalse(line.contains("private text"), line);
      assertFalse(line.contains("'Ana'"), line);
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("DEBUG") && l.contains("/commands get") && l.contains("success")),
        lines.toString());
  }

  @Test
  void bodiesAppearOnlyWhenTheUserTurnsThemOn() {
    server.enqueue(new MockResponse.Builder().code(202).build());
    try (BlipClient client = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", KEY)
        .logBodies(true).build()) {
      client.sendMessage(Message.text(Node.parse("a@wa.gw.msging.net"), "visible text"));
    }
    List<String> lines = CapturingLogProvider.lines();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRACE") && l.contains("visible text")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains(KEY)));
  }
}
