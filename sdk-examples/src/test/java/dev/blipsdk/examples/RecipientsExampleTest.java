package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientsExampleTest {

  @Test
  void foundNotOnWhatsAppAndRefusedAreTold() {
    try (ExampleEnvironment env = ExampleEnvironment.open(Map.of())) {
      List<String> lines = RecipientsExample.run(env.client(),
          List.of("(31) 99999-8888", "+55 31 90000-0000", "call me"));
      assertEquals(3, lines.size());
      assertTrue(lines.get(0).contains("send to ***88@wa.gw.msging.net"), lines.get(0));
      assertTrue(lines.get(1).contains("is not on WhatsApp"), lines.get(1));
      assertTrue(lines.get(2).contains("refused: letters"), lines.get(2));
      assertTrue(lines.stream().noneMatch(l -> l.contains("99999")), "numbers are masked: " + lines);
    }
  }
}
