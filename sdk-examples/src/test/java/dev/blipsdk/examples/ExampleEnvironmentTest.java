package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.testing.FakeBlip;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleEnvironmentTest {
  @Test
  void withoutVariablesRunsOnTheSeededFake() {
    try (ExampleEnvironment env = ExampleEnvironment.open(Map.of())) {
      assertTrue(env.isFake());
      assertTrue(env.fake().isPresent());
      assertEquals("Ana Souza", env.fake().get().bot().contact(ExampleEnvironment.DEMO_IDENTITY).get("name"));
      Command answer = env.client().execute(Command.get("/contacts").build());
      assertEquals(CommandStatus.SUCCESS, answer.status());
      assertEquals("+5511", env.setting("BLIP_TO_PHONE", "+5511"));
    }
  }

  @Test
  void baseUrlAndCredentialsGiveARealClientWithoutFake() {
    try (FakeBlip standalone = FakeBlip.start();
        ExampleEnvironment env = ExampleEnvironment.open(Map.of("BLIP_BASE_URL", standalone.baseUrl(),
            "BLIP_AUTHORIZATION_KEY", standalone.authorizationHeader(), "BLIP_TO_PHONE", "+5531988887777"))) {
      assertFalse(env.isFake());
      assertTrue(env.fake().isEmpty());
      assertEquals(CommandStatus.SUCCESS, env.client().execute(Command.get("/contacts").build()).status());
      assertEquals(1, standalone.receivedEnvelopes().size());
      assertEquals("+5531988887777", env.setting("BLIP_TO_PHONE", "+5500"));
      IllegalStateException missing = assertThrows(IllegalStateException.class,
          () -> env.setting("BLIP_AGENT_EMAIL", "ana@acme.com"));
      assertTrue(missing.getMessage().contains("BLIP_AGENT_EMAIL"));
    }
  }

  @Test
  void identifierAndAccessKeyWorkToo() {
    try (FakeBlip standalone = FakeBlip.start();
        ExampleEnvironment env = ExampleEnvironment.open(Map.of("BLIP_BASE_URL", standalone.baseUrl(),
            "BLIP_IDENTIFIER", standalone.identifier(), "BLIP_ACCESS_KEY", standalone.accessKey()))) {
      assertEquals(CommandStatus.SUCCESS, env.client().execute(Command.get("/contacts").build()).status());
    }
  }

  @Test
  void partialConfigurationIsRefusedNotSilentlyFaked() {
    IllegalStateException noKey = assertThrows(IllegalStateException.class,
        () -> ExampleEnvironment.open(Map.of("BLIP_CONTRACT", "acme")));
    assertTrue(noKey.getMessage().contains("BLIP_AUTHORIZATION_KEY"));
    IllegalStateException noPlace = assertThrows(IllegalStateException.class,
        () -> ExampleEnvironment.open(Map.of("BLIP_AUTHORIZATION_KEY", "Key YTpi")));
    assertTrue(noPlace.getMessage().contains("BLIP_CONTRACT"));
    assertThrows(IllegalStateException.class,
        () -> ExampleEnvironment.open(Map.of("BLIP_CONTRACT", "acme", "BLIP_IDENTIFIER", "bot")));
  }

  @Test
  void aContractGivesTheContractHost() {
    try (ExampleEnvironment env = ExampleEnvironment.open(Map.of("BLIP_CONTRACT", "acme",
        "BLIP_AUTHORIZATION_KEY", "Key YTpi"))) {
      assertTrue(env.client().baseUrl().startsWith("https://acme.http.msging.net"), env.client().baseUrl());
      assertFalse(env.isFake());
    }
  }
}
