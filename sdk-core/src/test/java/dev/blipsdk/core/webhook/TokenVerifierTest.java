package dev.blipsdk.core.webhook;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
  private static final byte[] BODY = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void staticHeaderAcceptsConfiguredValuesInAnyHeaderCase() {
    WebhookVerifier v = WebhookVerifier.staticHeader("X-Blip-Token", "s3cret-current", "s3cret-previous");
    v.verify(WebhookHeaders.of("x-blip-token", "s3cret-current"), BODY);
    v.verify(WebhookHeaders.of("X-BLIP-TOKEN", "s3cret-previous"), BODY);
    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> v.verify(WebhookHeaders.of("X-Blip-Token", "s3cret-curren"), BODY));
    assertEquals(WebhookVerificationException.Failure.TOKEN_REJECTED, e.failure());
    assertFalse(e.getMessage().contains("s3cret"));
    assertThrows(MissingHeaderException.class, () -> v.verify(WebhookHeaders.empty(), BODY));
    assertThrows(MalformedHeaderException.class, () -> v.verify(WebhookHeaders.of("X-Blip-Token", " "), BODY));
    assertThrows(MalformedHeaderException.class, () -> v.verify(
        WebhookHeaders.of("X-Blip-Token", "s3cret-current", "X-Blip-Token", "other"), BODY));
    assertFalse(v.toString().contains("s3cret"), v.toString());
    assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.staticHeader("X-Blip-Token", ""));
  }

  @Test
  void bearerTokenGoesToTheValidator() {
    AtomicReference<String> seen = new AtomicReference<>();
    WebhookVerifier v = WebhookVerifier.bearerToken(token -> {
      seen.set(token);
      return token.equals("good-token");
    });
    v.verify(WebhookHeaders.of("Authorization", "Bearer good-token"), BODY);
    assertEquals("good-token", seen.get());
    v.verify(WebhookHeaders.of("authorization", "bearer good-token"), BODY);
    assertThrows(TokenRejectedException.class,
        () -> v.verify(WebhookHeaders.of("Authorization", "Bearer bad-token"), BODY));
    assertThrows(MalformedHeaderException.class,
        () -> v.verify(WebhookHeaders.of("Authorization", "Basic Zm9vOmJhcg=="), BODY));
    assertThrows(MalformedHeaderException.class,
        () -> v.verify(WebhookHeaders.of("Authorization", "Bearer    "), BODY));
    assertThrows(MissingHeaderException.class, () -> v.verify(WebhookHeaders.empty(), BODY));
    WebhookVerifier custom = WebhookVerifier.bearerToken("X-Auth", "t"::equals);
    custom.verify(WebhookHeaders.of("X-Auth", "Bearer t"), BODY);
  }

  @Test
  void allOfRequiresEvery() {
    WebhookVerifier both = WebhookVerifier.allOf(WebhookVerifier.staticHeader("X-A", "a"),
        WebhookVerifier.bearerToken("b"::equals));
    both.verify(WebhookHeaders.of("X-A", "a", "Authorization", "Bearer b"), BODY);
    assertThrows(MissingHeaderException.class, () -> both.verify(WebhookHeaders.of("X-A", "a"), BODY));
    assertThrows(TokenRejectedException.class,
        () -> both.verify(WebhookHeaders.of("X-A", "x", "Authorization", "Bearer b"), BODY));
    assertThrows(IllegalArgumentException.class, WebhookVerifier::allOf);
  }

  @Test
  void headersAreCaseInsensitiveMultiMaps() {
    WebhookHeaders h = WebhookHeaders.fromMultiMap(Map.of("Content-Type", List.of("application/json"),
        "X-Multi", List.of("1", "2")));
    assertEquals("application/json", h.first("content-type"));
    assertEquals(List.of("1", "2"), h.all("x-MULTI"));
    assertTrue(h.contains("X-MULTI"));
    assertNull(h.first("absent"));
    assertEquals(List.of(), h.all("absent"));
    java.util.HashMap<String, List<String>> withNull = new java.util.HashMap<>();
    withNull.put(null, List.of("HTTP/1.1 200 OK"));
    withNull.put("X-A", List.of("a"));
    assertEquals(1, WebhookHeaders.fromMultiMap(withNull).names().size());
    WebhookHeaders single = WebhookHeaders.fromMap(Map.of("X-Token", "secret-value"));
    assertEquals("secret-value", single.first("x-token"));
    assertFalse(single.toString().contains("secret-value"), single.toString());
    assertThrows(IllegalArgumentException.class, () -> WebhookHeaders.of("odd"));
    assertEquals(WebhookHeaders.of("A", "1"), WebhookHeaders.of("a", "1"));
  }

  /** Spring 7's HttpHeaders is no longer a Map; its headerSet() (also in Spring 6.2) is an entry set. */
  @Test
  void headersFromEntriesMergeNamesAndSkipNulls() {
    java.util.List<Map.Entry<String, List<String>>> entries = new java.util.ArrayList<>();
    entries.add(Map.entry("X-Hub-Signature-256", List.of("sha256=ab")));
    entries.add(Map.entry("x-multi", List.of("1")));
    entries.add(Map.entry("X-MULTI", List.of("2")));
    entries.add(null);
    entries.add(new java.util.AbstractMap.SimpleEntry<>(null, List.of("status line")));
    entries.add(new java.util.AbstractMap.SimpleEntry<>("X-Empty", null));
    WebhookHeaders h = WebhookHeaders.fromEntries(entries);
    assertEquals("sha256=ab", h.first("x-hub-signature-256"));
    assertEquals(List.of("1", "2"), h.all("X-Multi"));
    assertEquals(java.util.Set.of("x-hub-signature-256", "x-multi"), h.names());
    assertEquals(WebhookHeaders.fromMultiMap(Map.of("X-Hub-Signature-256", List.of("sha256=ab"))),
        WebhookHeaders.fromEntries(Map.of("x-hub-signature-256", List.of("sha256=ab")).entrySet()));
  }
}
