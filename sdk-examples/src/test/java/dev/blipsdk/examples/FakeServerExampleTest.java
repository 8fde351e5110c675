package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FakeServerExampleTest {

  @Test
  void scriptClockAndFaultsBehaveAsTheReadmeSays() {
    List<String> seen = FakeServerExample.run();
    assertEquals(List.of("now: DELIVERED", "after 25 h: EXPIRED", "rate limited after 3 attempts",
        "messages sent to Ana: 1"), seen);
  }
}
