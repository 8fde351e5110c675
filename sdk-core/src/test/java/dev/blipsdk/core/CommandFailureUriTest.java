package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.exception.BlipCommandException;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BlipCommandException#uri()} is the uri the server reports ({@code #command.uri}) when the failure
 * carries one, as Blip's failures do (Blip docs, desk.md "Add ticket tags": {@code "#command.uri":
 * "lime://amt@msging.net/tickets/d9e8fa05-a1da-4b3e-ab1f-0168be6e5be3/change-tags"}), else the request's.
 */
class CommandFailureUriTest {
  private MockWebServer server;
  private BlipClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("amt", "k3y").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void failWith(String metadata) {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"method\":\"set\",\"status\":\"failure\",\"reason\":{\"code\":67,\"description\":\"not found\"},"
            + "\"id\":\"env-1\",\"from\":\"postmaster@desk.msging.net/#az-iris1\",\"to\":\"amt@msging.net\""
            + metadata + "}").build());
  }

  private static Command changeTags() {
    return Command.get("/tickets/d9e8fa05-a1da-4b3e-ab1f-0168be6e5be3/change-tags")
        .to("postmaster@desk.msging.net").build();
  }

  @Test
  void theServersCommandUriWins() {
    failWith(",\"metadata\":{\"#command.uri\":\"lime://amt@msging.net/tickets/d9e8fa05-a1da-4b3e-ab1f-0168be6e5be3"
        + "/change-tags\"}");
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(changeTags()));
    assertEquals("lime://amt@msging.net/tickets/d9e8fa05-a1da-4b3e-ab1f-0168be6e5be3/change-tags", e.uri());
  }

  @Test
  void theMessageMasksWhatTheDescriptionSaysAboutAPersonButTheDescriptionIsKept() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"method\":\"get\",\"status\":\"failure\",\"reason\":{\"code\":67,\"description\":"
            + "\"The contact 5531988887777@wa.gw.msging.net (ana.souza@acme.com) of template 'order_shipped' was"
            + " not found\"}}").build());
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(changeTags()));
    assertFalse(e.getMessage().contains("5531988887777"), e.getMessage());
    assertFalse(e.getMessage().contains("ana.souza"), e.getMessage());
    assertTrue(e.getMessage().contains("'order_shipped'"), e.getMessage());
    assertTrue(e.description().contains("5531988887777@wa.gw.msging.net (ana.souza@acme.com)"));
  }

  @Test
  void withoutOneTheRequestsUri() {
    failWith(",\"metadata\":{\"#command.uri\":null}");
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(changeTags()));
    assertEquals("/tickets/d9e8fa05-a1da-4b3e-ab1f-0168be6e5be3/change-tags", e.uri());
    assertFalse(e.isRetryable());
  }
}
