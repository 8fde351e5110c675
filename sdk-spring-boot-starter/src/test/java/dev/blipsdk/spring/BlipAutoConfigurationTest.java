package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.spring.autoconfigure.BlipAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipFakeAutoConfiguration;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.CampaignQuery;
import dev.blipsdk.whatsapp.Campaigns;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class BlipAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class));

  @Test
  void propertiesMakeEveryClientOnTheContract() {
    runner.withPropertyValues("blip.contract=acme-prod", "blip.identifier=mybot", "blip.access-key=s3cr3t-key",
            "blip.deadline=5s", "blip.retry.max-attempts=5", "blip.retry.base-delay=100ms")
        .run(context -> {
          assertThat(context).hasNotFailed();
          BlipClient client = context.getBean(BlipClient.class);
          assertThat(client.baseUrl()).isEqualTo("https://acme-prod.http.msging.net/");
          assertThat(client.toString()).contains("identifier=mybot", "deadline=PT5S", "maxAttempts=5")
              .doesNotContain("s3cr3t-key");
          assertThat(context.getBean(WhatsAppClient.class).blip()).isSameAs(client);
          assertThat(context).hasSingleBean(DeskClient.class).hasSingleBean(StatusTracker.class)
              .hasSingleBean(Campaigns.class);
        });
  }

  @Test
  void authorizationKeyIsAnAlternativeToIdentifierAndAccessKey() {
    runner.withPropertyValues("blip.base-url=https://http.msging.net", "blip.authorization-key=Key bXlib3Q6a2V5")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(BlipClient.class).baseUrl()).isEqualTo("https://http.msging.net/");
        });
  }

  @Test
  void theApplicationsOwnClientWins() {
    runner.withUserConfiguration(OwnClient.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(BlipClient.class);
      assertThat(context.getBean(BlipClient.class).baseUrl()).isEqualTo("https://own.http.msging.net/");
      assertThat(context.getBean(WhatsAppClient.class).blip()).isSameAs(context.getBean("ownClient"));
    });
  }

  @Test
  void customizersRunAfterTheProperties() {
    runner.withPropertyValues("blip.contract=acme", "blip.identifier=bot", "blip.access-key=k")
        .withBean(BlipClientCustomizer.class, () -> b -> b.envelopeIdSupplier(() -> "fixed-id"))
        .run(context -> assertThat(context.getBean(BlipClient.class).newEnvelopeId()).isEqualTo("fixed-id"));
  }

  @Test
  void disabledStarterMakesNothing() {
    runner.withPropertyValues("blip.enabled=false", "blip.fake.enabled=true")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlipClient.class)
            .doesNotHaveBean(FakeBlip.class));
  }

  @Test
  void fakeModePointsEveryClientAtTheFake() throws Exception {
    runner.withPropertyValues("blip.fake.enabled=true", "blip.deadline=7s").run(context -> {
      assertThat(context).hasNotFailed();
      FakeBlip fake = context.getBean(FakeBlip.class);
      BlipClient client = context.getBean(BlipClient.class);
      assertThat(client.baseUrl()).startsWith(fake.baseUrl());
      assertThat(client.toString()).contains("deadline=PT7S");
      assertThat(client.clock()).isSameAs(fake.clock());
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      fake.bot().addWhatsAppAccount("+5531999998888", "Ana");
      WhatsAppClient whatsApp = context.getBean(WhatsAppClient.class);
      SendReceipt receipt = whatsApp.send(PhoneNumber.parse("+5531999998888"),
          TemplateMessage.of("welcome", "pt_BR").body("Ana"));
      assertThat(fake.bot().sentMessages()).extracting(e -> e.id()).containsExactly(receipt.envelopeId());
      assertThat(context.getBean(Campaigns.class).list(CampaignQuery.all())).isEmpty();   // served by the fake
    });
  }

  @Test
  void theClientIsClosedWithTheContext() throws Exception {
    BlipClient[] client = new BlipClient[1];
    try (FakeBlip outside = FakeBlip.start()) {
      runner.withPropertyValues("blip.base-url=" + outside.baseUrl(), "blip.identifier=" + outside.identifier(),
          "blip.access-key=" + outside.accessKey()).run(context -> {
            client[0] = context.getBean(BlipClient.class);
            client[0].executeAsync(Command.get("/contacts").to("postmaster@crm.msging.net").build())
                .get(10, TimeUnit.SECONDS);
          });
      // the context closed the client: its own dispatcher no longer runs async calls
      assertThat(client[0].executeAsync(Command.get("/contacts").to("postmaster@crm.msging.net").build()))
          .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class);
    }
  }

  @Test
  void theFakeIsStoppedWithTheContext() {
    FakeBlip[] fake = new FakeBlip[1];
    runner.withPropertyValues("blip.fake.enabled=true").run(context -> fake[0] = context.getBean(FakeBlip.class));
    BlipClient probe = BlipClient.builder().baseUrl(fake[0].baseUrl()).credentials("x", "y")
        .retryPolicy(dev.blipsdk.core.RetryPolicy.none()).build();
    try (probe) {
      org.junit.jupiter.api.Assertions.assertThrows(dev.blipsdk.core.exception.BlipConnectionException.class,
          () -> probe.execute(Command.get("/contacts").to("postmaster@crm.msging.net").build()));
    }
  }

  @Test
  void fakeModeWithoutTheTestingModuleSaysWhatToAdd() {
    runner.withClassLoader(new FilteredClassLoader(FakeBlip.class)).withPropertyValues("blip.fake.enabled=true")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(InvalidBlipPropertyException.class)
            .hasMessageContaining("blip.fake.enabled")
            .satisfies(e -> assertThat(((InvalidBlipPropertyException) e).action()).contains("blip-sdk-testing")));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    BlipClient ownClient() {
      return BlipClient.builder().contract("own").credentials("bot", "key").build();
    }
  }
}
