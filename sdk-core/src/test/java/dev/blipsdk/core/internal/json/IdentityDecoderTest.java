package dev.blipsdk.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The identity decoder's fast path (from the bytes, domains shared) gives exactly what {@link Identity#parse}
 * gives, or fails where it fails.
 */
class IdentityDecoderTest {
  /** A record holding identities, decoded as Desk's records are. */
  record Holder(Identity a, List<Identity> more) {}

  /** One identity that may be absent (a blank text reads as absent). */
  record One(@org.jspecify.annotations.Nullable Identity a) {}

  @Test
  void agreesWithIdentityParseOnRandomText() {
    Random random = new Random(42L);
    String alphabet = "ab9.-_%@@/ \t\\\"é\u007f";
    String[] fixed = {"ana@wa.gw.msging.net", "blip.ai", "@x", "x@", "a@b@c", "a@b/", "a@b/i", " a@b ", "", " ",
        "a%40b.com@desk.msging.net", "a@b\u00e9", "\\u0061@b", "a@b\\/c"};
    for (int i = 0; i < 100_000; i++) {
      String text;
      if (i < fixed.length) {
        text = fixed[i];
      } else {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text = b.toString();
      }
      String json = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
      Object expected;
      try {
        expected = text.isBlank() ? null : Identity.parse(text.trim());
      } catch (IllegalArgumentException e) {
        expected = IllegalArgumentException.class;
      }
      Object actual;
      try {
        actual = JsonDocument.parse("{\"a\":" + json + "}").decode(One.class).a();
      } catch (BlipProtocolException e) {
        actual = IllegalArgumentException.class;
      }
      assertEquals(expected, actual, "for " + json);
    }
  }

  @Test
  void repeatedDomainsAreOneStringAndEscapedTextStillReads() {
    Holder h = JsonDocument.parse("{\"a\":\"5531@wa.gw.msging.net\",\"more\":[\"5532@wa.gw.msging.net\","
        + "\"agent%40acme.com@blip.ai\",\"\\u0061@wa.gw.msging.net\",\"desk.msging.net\"]}").decode(Holder.class);
    assertEquals(new Identity("5531", "wa.gw.msging.net"), h.a());
    assertSame(h.a().domain(), h.more().get(0).domain());
    assertEquals("agent@acme.com", h.more().get(1).decodedName());
    assertEquals(new Identity("a", "wa.gw.msging.net"), h.more().get(2));
    assertNull(h.more().get(3).name());
    assertThrows(BlipProtocolException.class, () -> JsonDocument.parse("{\"a\":\"x@y/z\",\"more\":[]}")
        .decode(Holder.class));
  }
}
