package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.ServerException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code execute(command, type)} decodes the resource in the same pass as the envelope; it must give exactly
 * what {@code execute(command).requireResource().decode(type)} gives: the same value, or the same exception
 * type and message, for every kind of response.
 */
public class TypedExecuteTest {
  public record Contact(@Nullable String name, int age, @Nullable Map<String, String> extras, List<String> tags) {}

  private MockWebServer server;
  private BlipClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = BlipClient.builder().baseUrl(server.url("/").toString()).credentials("mybot", "key")
        .sleeper(new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static Command get() {
    return Command.get("/contacts/5531999998888@wa.gw.msging.net").to("postmaster@crm.msging.net").build();
  }

  static Stream<String> responses() {
    String ok = "{\"id\":\"c1\",\"method\":\"get\",\"status\":\"success\",\"from\":\"postmaster@crm.msging.net/#a\","
        + "\"to\":\"bot@msging.net\",\"type\":\"application/vnd.lime.contact+json\",";
    return Stream.of(
        ok + "\"resource\":{\"name\":\"Ana\",\"AGE\":\"42\",\"extras\":{\"plan\":\"Gold\"},\"tags\":[\"a\"]}}",
        // resource before status and method
        "{\"resource\":{\"name\":\"Ana\",\"age\":7},\"status\":\"success\",\"method\":\"get\",\"id\":\"c1\"}",
        // upper-case status
        "{\"method\":\"get\",\"status\":\"SUCCESS\",\"resource\":{\"name\":\"Bo\"}}",
        ok + "\"metadata\":{\"traceparent\":\"00-ab\",\"x\":{\"nested\":true}},\"resource\":{\"name\":\"Cy\"}}",
        // failures, with and without a resource
        "{\"method\":\"get\",\"status\":\"failure\",\"reason\":{\"code\":67,\"description\":\"Not found\"}}",
        "{\"method\":\"get\",\"status\":\"failure\",\"resource\":{\"name\":\"x\"},\"reason\":{\"code\":1}}",
        "{\"method\":\"get\",\"status\":\"failure\",\"resource\":{\"age\":{}}}",
        // no resource, null resource, scalar resource, array resource
        ok + "\"metadata\":{}}",
        ok + "\"resource\":null}",
        ok + "\"resource\":\"text\"}",
        ok + "\"resource\":[1,2]}",
        // a resource that does not decode
        ok + "\"resource\":{\"name\":\"Ana\",\"age\":\"forty\"}}",
        ok + "\"resource\":{\"name\":{\"first\":\"Ana\"}}}",
        ok + "\"resource\":{\"tags\":\"not-a-list\"}}",
        // a repeated resource member
        ok + "\"resource\":{\"name\":\"A\"},\"resource\":{\"name\":\"B\"}}",
        // malformed after, inside, and around the resource; not a command; a bad node
        ok + "\"resource\":{\"name\":\"Ana\"}} trailing",
        ok + "\"resource\":{\"name\":\"Ana\",}}",
        ok + "\"resource\":{\"name\":\"Ana\"",
        "{\"type\":\"text/plain\",\"content\":\"hi\",\"resource\":{\"name\":\"Ana\"}}",
        "{\"method\":\"get\",\"status\":\"success\",\"from\":\"@\",\"resource\":{\"name\":\"Ana\"}}",
        // bad nodes after the resource, in to and pp; odd reason, metadata and id values; unknown method
        "{\"method\":\"get\",\"status\":\"success\",\"resource\":{\"name\":\"Ana\"},\"to\":\"a b@c\"}",
        "{\"method\":\"get\",\"status\":\"success\",\"pp\":\"a@b/c@d\",\"resource\":{\"name\":\"Ana\"}}",
        "{\"method\":\"get\",\"status\":\"success\",\"from\":\"  \",\"to\":{},\"resource\":{\"name\":\"A\"}}",
        ok + "\"reason\":{\"code\":\"x\"},\"metadata\":[1],\"resource\":{\"name\":\"Ana\"}}",
        "{\"id\":{\"a\":1},\"uri\":7,\"method\":\"get\",\"status\":\"success\",\"resource\":{\"name\":\"A\"}}",
        ok + "\"metadata\":{\"k\":\"v\",}, \"resource\":{\"name\":\"Ana\"}}",
        "{\"method\":\"fetch\",\"status\":\"success\",\"resource\":{\"name\":\"Ana\"}}",
        "{\"method\":\"get\",\"event\":\"received\",\"status\":\"success\",\"resource\":{\"name\":\"A\"}}",
        // other statuses
        "{\"method\":\"get\",\"status\":\"pending\",\"resource\":{\"name\":\"Ana\"}}",
        "{\"method\":\"get\",\"resource\":{\"name\":\"Ana\"}}");
  }

  @ParameterizedTest
  @MethodSource("responses")
  void sameResultOrSameErrorAsExecuteThenDecode(String body) {
    // a body that is not a command is retried (a get is safe to repeat): enough answers for 3 attempts each
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(body));
    }
    Object twoStep = outcome(() -> client.execute(get()).requireResource().decode(Contact.class));
    Object onePass = outcome(() -> client.execute(get(), Contact.class));
    assertEquals(twoStep, onePass, body);
  }

  @Test
  void decodesIntoMapsAsWell() {
    server.enqueue(json("{\"method\":\"get\",\"status\":\"success\",\"resource\":{\"a\":1,\"b\":[true]}}"));
    @SuppressWarnings("unchecked")
    Map<String, Object> map = client.execute(get(), Map.class);
    assertEquals(Map.of("a", 1L, "b", List.of(true)).keySet(), map.keySet());
  }

  @Test
  void retriesAGetLikeExecute() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json("{\"method\":\"get\",\"status\":\"success\",\"resource\":{\"name\":\"Ana\"}}"));
    Contact c = client.execute(get(), Contact.class);
    assertEquals("Ana", c.name());
    assertEquals(2, server.getRequestCount());
    assertNotNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void doesNotRetryANonIdempotentCommandLikeExecute() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    Command set = Command.set("/contacts", "application/vnd.lime.contact+json",
        dev.blipsdk.core.envelope.JsonDocument.of(Map.of("name", "Ana"))).to("postmaster@crm.msging.net").build();
    assertThrows(ServerException.class, () -> client.execute(set, Contact.class));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void failureThrowsTheCommandException() {
    server.enqueue(json("{\"method\":\"get\",\"status\":\"failure\",\"reason\":{\"code\":67,\"description\":\"nf\"}}"));
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> client.execute(get(), Contact.class));
    assertEquals(Integer.valueOf(67), e.reasonCode());
  }

  @Test
  void missingResourceIsAProtocolError() {
    server.enqueue(json("{\"method\":\"get\",\"status\":\"success\"}"));
    assertThrows(BlipProtocolException.class, () -> client.execute(get(), Contact.class));
  }

  private static Object outcome(java.util.function.Supplier<Object> call) {
    try {
      return Objects.requireNonNull(call.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
