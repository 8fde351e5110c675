package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.DocumentCollection;
import dev.blipsdk.core.envelope.JsonDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging over a server that serves 25 items with $skip/$take, with and without a total. */
class PagingTest {
  private MockWebServer server;
  private BlipClient client;
  private volatile boolean sendTotal;
  private final List<String> uris = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Map<String, Object> cmd = JsonDocument.parse(request.getBody().utf8()).asMap();
        String uri = cmd.get("uri").toString();
        synchronized (uris) {
          uris.add(uri);
        }
        HttpUrl parsed = HttpUrl.get("http://x" + uri);
        int skip = Integer.parseInt(parsed.queryParameter("$skip"));
        int take = Integer.parseInt(parsed.queryParameter("$take"));
        StringBuilder items = new StringBuilder();
        for (int i = skip; i < Math.min(25, skip + take); i++) {
          items.append(items.length() == 0 ? "" : ",").append("{\"n\":").append(i).append('}');
        }
        String total = sendTotal ? "\"total\":25," : "";
        return new MockResponse.Builder().code(200).body("{\"id\":\"" + cmd.get("id") + "\",\"method\":\"get\","
            + "\"status\":\"success\",\"type\":\"application/vnd.lime.collection+json\",\"resource\":{" + total
            + "\"itemType\":\"application/json\",\"items\":[" + items + "]}}").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("b", "k").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Page<Integer> fetch(int skip, int take) {
    Command r = client.execute(Command.get(CommandUri.path("/items").query("$skip", skip).query("$take", take).build())
        .build());
    DocumentCollection<Integer> c = r.requireResource().asCollection()
        .map(d -> ((Number) d.asMap().get("n")).intValue());
    return new Page<>(c.items(), c.total(), skip, take);
  }

  @Test
  void walksAllPagesWithTotal() {
    sendTotal = true;
    List<Integer> all = PagedIterable.of(this::fetch, 10, Long.MAX_VALUE).stream().collect(Collectors.toList());
    assertEquals(25, all.size());
    assertEquals(24, all.get(24));
    assertEquals(List.of("/items?$skip=0&$take=10", "/items?$skip=10&$take=10", "/items?$skip=20&$take=10"), uris);
  }

  @Test
  void walksAllPagesWithoutTotalStoppingAtTheShortPage() {
    sendTotal = false;
    List<Integer> all = new ArrayList<>();
    PagedIterable.of(this::fetch, 5, Long.MAX_VALUE).forEach(all::add);
    assertEquals(25, all.size());
    // 5 full pages, then an empty one tells there is no more
    assertEquals(6, uris.size());
  }

  @Test
  void limitStopsEarlyAndShrinksTheLastPage() {
    sendTotal = true;
    List<Integer> first12 = PagedIterable.of(this::fetch, 10, Long.MAX_VALUE).limit(12).stream()
        .collect(Collectors.toList());
    assertEquals(12, first12.size());
    assertEquals(List.of("/items?$skip=0&$take=10", "/items?$skip=10&$take=2"), uris);
  }

  @Test
  void invalidSizesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PagedIterable.of(this::fetch, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> PagedIterable.of(this::fetch, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new Page<>(List.of(), null, -1, 10));
    PagedIterable<Integer> tickets = PagedIterable.of(this::fetch, 100, 100, Long.MAX_VALUE);
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> tickets.pageSize(101));
    assertEquals("pageSize 101 exceeds this resource's maximum of 100", tooBig.getMessage());
    assertEquals(100, tickets.pageSize(50).maxPageSize());
    assertThrows(IllegalArgumentException.class, () -> PagedIterable.of(this::fetch, 200, 100, 10));
  }
}
