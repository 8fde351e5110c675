package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blipsdk.core.envelope.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed read's node check must accept exactly what {@link Node#parse} accepts. */
class EnvelopeCodecNodeCheckTest {

  @Test
  void nodeCheckAgreesWithNodeParseOnEveryShape() {
    List<String> samples = new ArrayList<>(List.of("postmaster@crm.msging.net/#az-iris5",
        "fakebot@msging.net/default", "5531988889999@wa.gw.msging.net", "msging.net", "a@b", "a@b/", "a@b/c/d",
        "@b", "a@", "a@/c", "/x", "a/b@c", "a@b@c", "a@b/c@d", "a b@c", "a@b c", "a@b/c d", "a@b/\t",
        "x", "@", "/", "a@b//", "\u00e1@\u00e9/\u00ed", "a@b/c\u2003"));
    // every string of length 1..5 over a small alphabet covers the separators in every position
    samples.addAll(ShortStrings.upTo(new char[] {'a', '@', '/', ' ', '#'}, 5));
    for (String s : samples) {
      boolean parses;
      if (s.isBlank()) {
        parses = true; // blank means "no node" to the envelope reader
      } else {
        try {
          Node.parse(s);
          parses = true;
        } catch (IllegalArgumentException e) {
          parses = false;
        }
      }
      assertEquals(parses, EnvelopeCodec.isNodeOrBlank(s), () -> "for '" + s + "'");
    }
  }
}
