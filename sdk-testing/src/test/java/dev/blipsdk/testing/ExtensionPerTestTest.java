package dev.blipsdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FakeBlipExtension} in per-test mode: a fresh, empty fake per test, injected into lifecycle methods too. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerTestTest {
  @RegisterExtension
  final FakeBlipExtension blipExtension = FakeBlipExtension.perTest(() -> FakeBlip.builder().bot("pt", "k").start());

  static int previousPort = -1;
  static FakeBlip previous;
  FakeBlip fromBeforeEach;

  @BeforeEach
  void before(FakeBlip blip) {
    fromBeforeEach = blip;
  }

  @AfterEach
  void after(FakeBlip blip) {
    assertSame(fromBeforeEach, blip);
  }

  @Test
  @Order(1)
  void first(FakeBlip blip) {
    assertSame(fromBeforeEach, blip);
    assertEquals("pt", blip.identifier(), "built by the factory");
    blip.seedContact("a@wa.gw.msging.net", "A");
    previousPort = blip.port();
    previous = blip;
  }

  @Test
  @Order(2)
  void secondGetsAFreshServerAndTheFirstIsClosed(FakeBlip blip) throws Exception {
    assertTrue(blip.bot().contacts().isEmpty());
    assertNotEquals(previous, blip);
    int port = previousPort;
    assertThrows(IOException.class, () -> new Wire("http://127.0.0.1:" + port, "Key x").post("/commands", "{}"));
  }
}
