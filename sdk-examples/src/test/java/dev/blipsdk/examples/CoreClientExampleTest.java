package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.testing.FakeBlip;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreClientExampleTest {

  @Test
  void sendsReadsMergesAndReportsNotFound() {
    try (ExampleEnvironment env = ExampleEnvironment.open(Map.of())) {
      FakeBlip fake = env.fake().orElseThrow();
      List<CoreClientExample.ContactSummary> contacts = CoreClientExample.run(env.client(),
          ExampleEnvironment.DEMO_IDENTITY);
      assertEquals(2, contacts.size());
      assertFalse(contacts.get(0).name().isBlank());
      assertEquals(1, fake.bot().sentMessages(ExampleEnvironment.DEMO_IDENTITY).size());
      Map<?, ?> extras = (Map<?, ?>) fake.bot().contact(ExampleEnvironment.DEMO_IDENTITY).get("extras");
      assertEquals("true", extras.get("vip"), "the merge reached the contact: " + extras);
      assertEquals("no such contact", CoreClientExample.errors(env.client()));
    }
  }

  @Test
  void buildsAClientForAContract() {
    try (BlipClient client = CoreClientExample.buildClient("acme", "key")) {
      assertEquals("https://acme.http.msging.net/", client.baseUrl());
    }
  }
}
