package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FakeBlipExtension} in per-class mode: one fake for the class and its nested classes, state carried over. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassTest {
  @RegisterExtension
  static final FakeBlipExtension BLIP = FakeBlipExtension.perClass();

  final FakeBlip injected;

  ExtensionPerClassTest(FakeBlip blip) {
    this.injected = blip;
  }

  @Test
  @Order(1)
  void constructorAndMethodGetTheSameFake(FakeBlip blip) throws Exception {
    assertSame(injected, blip);
    assertSame(BLIP.fake(), blip);
    new Wire(blip).command("postmaster@crm.msging.net", "set", "/contacts", "application/vnd.lime.contact+json",
        Map.of("identity", "a@wa.gw.msging.net"));
  }

  @Test
  @Order(2)
  void stateCarriesOverBetweenTests(FakeBlip blip) {
    assertEquals(1, blip.bot().contacts().size());
  }

  @Nested
  class Inner {
    @Test
    void nestedClassSharesTheOuterFake(FakeBlip blip) {
      assertSame(BLIP.fake(), blip);
      assertSame(injected, blip);
      assertEquals(1, blip.bot().contacts().size(), "the enclosing class's fake, not a fresh one");
    }
  }
}
