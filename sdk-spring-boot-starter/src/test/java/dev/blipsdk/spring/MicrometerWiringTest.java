package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blipsdk.micrometer.MicrometerOperationListener;
import dev.blipsdk.spring.autoconfigure.BlipAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipFakeAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipMicrometerAutoConfiguration;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With the application's registries, every operation of the auto-configured client is a timer tagged by name. */
class MicrometerWiringTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BlipMicrometerAutoConfiguration.class,
          BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class))
      .withPropertyValues("blip.fake.enabled=true");

  private static void send(WhatsAppClient whatsApp, FakeBlip fake) {
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    fake.bot().addWhatsAppAccount("+5531999998888", "Ana");
    whatsApp.send(PhoneNumber.parse("+5531999998888"), TemplateMessage.of("welcome", "pt_BR").body("Ana"));
  }

  @Test
  void aSendIsATimerTaggedWhatsappSend() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    runner.withBean(MeterRegistry.class, () -> meters).withBean(ObservationRegistry.class, () -> observations)
        .run(context -> {
          send(context.getBean(WhatsAppClient.class), context.getBean(FakeBlip.class));
          Timer timer = meters.find(MicrometerOperationListener.OPERATION)
              .tag(MicrometerOperationListener.KEY_OPERATION, "whatsapp.send").timer();
          assertThat(timer).isNotNull();
          assertThat(timer.count()).isEqualTo(1);
          assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString())
              .doesNotContain("5531999998888"));
        });
  }

  @Test
  void noRegistriesNoListenerAndOffByProperty() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      send(context.getBean(WhatsAppClient.class), context.getBean(FakeBlip.class));
    });
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    runner.withPropertyValues("blip.observation.enabled=false").withBean(MeterRegistry.class, () -> meters)
        .withBean(ObservationRegistry.class, () -> observations).run(context -> {
          assertThat(context).doesNotHaveBean("blipMicrometerCustomizer");
          send(context.getBean(WhatsAppClient.class), context.getBean(FakeBlip.class));
          assertThat(meters.find(MicrometerOperationListener.OPERATION).timer()).isNull();
        });
  }
}
