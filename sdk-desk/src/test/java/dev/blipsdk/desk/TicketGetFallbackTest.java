package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.exception.BlipCommandException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers {@code get /ticket/{id}} with failure 62 (as field notes report for some tenants)
 * makes {@link Tickets#get(String)} fall back to {@code $filter=id eq '...'}, over HTTP.
 */
class TicketGetFallbackTest {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern URI = Pattern.compile("\"uri\"\\s*:\\s*\"([^\"]+)\"");
  private final List<String> uris = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private BlipClient blip;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher id = ID.matcher(body);
        Matcher uri = URI.matcher(body);
        String cid = id.find() ? id.group(1) : "x";
        String u = uri.find() ? uri.group(1) : "";
        uris.add(u);
        String json;
        if (u.startsWith("/ticket/")) {
          json = "{\"id\":\"" + cid + "\",\"method\":\"get\",\"status\":\"failure\","
              + "\"reason\":{\"code\":62,\"description\":\"The resource is not supported\"}}";
        } else if (u.contains("t-1")) {
          json = "{\"id\":\"" + cid + "\",\"method\":\"get\",\"status\":\"success\","
              + "\"type\":\"application/vnd.lime.collection+json\",\"resource\":{\"total\":1,\"items\":[{\"id\":\"t-1\","
              + "\"sequentialId\":7,\"customerIdentity\":\"5531999998888@wa.gw.msging.net\",\"status\":\"Open\"}]}}";
        } else {
          json = "{\"id\":\"" + cid + "\",\"method\":\"get\",\"status\":\"success\","
              + "\"type\":\"application/vnd.lime.collection+json\",\"resource\":{\"total\":0,\"items\":[]}}";
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    blip = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("bot", "key")
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() throws IOException {
    blip.close();
    server.close();
  }

  @Test
  void fallsBackToTheFilterWhenTheSingularUriIsNotSupported() {
    Tickets tickets = DeskClient.of(blip).tickets();
    Ticket t = tickets.get("t-1");
    assertEquals("t-1", t.id());
    assertEquals(7L, t.sequentialId());
    assertEquals(List.of("/ticket/t-1", "/tickets?$filter=id%20eq%20't-1'&$skip=0&$take=1"), uris);

    BlipCommandException missing = org.junit.jupiter.api.Assertions.assertThrows(BlipCommandException.class,
        () -> tickets.get("t-2"));
    assertTrue(missing.isNotFound(), "an empty fallback answer reads as not found");
    assertTrue(tickets.find("t-2").isEmpty());
  }
}
