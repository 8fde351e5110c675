package dev.blipsdk.examples;

import dev.blipsdk.testing.FakeBot;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Opens the examples' environment on the embedded fake with demo data for each test, and closes it after. */
abstract class OnTheDemoFake {
  ExampleEnvironment env;
  FakeBot bot;

  @BeforeEach
  void openDemoFake() {
    env = ExampleEnvironment.open(Map.of());
    bot = env.fake().orElseThrow().bot();
  }

  @AfterEach
  void closeDemoFake() {
    env.close();
  }
}
