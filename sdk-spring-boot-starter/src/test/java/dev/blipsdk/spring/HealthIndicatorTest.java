package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.spring.autoconfigure.BlipAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipFakeAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipHealthAutoConfiguration;
import dev.blipsdk.testing.FakeBlip;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The health indicator on a Boot 3.5 classpath (this module's test classpath also holds Boot 4.0's health types, the
 * starter compiles against them: they are filtered out here), and the Boot 4.0 one chosen when they are present. The
 * Boot 4.0 indicator also answers /actuator/health in sdk-examples-spring.
 */
class HealthIndicatorTest {
  private static final String KEY = "wrong-but-secret-key";
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
      .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class,
          BlipHealthAutoConfiguration.class));

  @Test
  void bootFourHealthTypesPresentMeansTheBootFourIndicator() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class,
            BlipHealthAutoConfiguration.class))
        .withPropertyValues("blip.fake.enabled=true").run(context -> {
          org.springframework.boot.health.contributor.HealthIndicator indicator = context.getBean(
              "blipHealthIndicator", org.springframework.boot.health.contributor.HealthIndicator.class);
          assertThat(context).doesNotHaveBean(HealthIndicator.class);
          assertThat(indicator.health().getStatus())
              .isEqualTo(org.springframework.boot.health.contributor.Status.UP);
        });
  }

  private static long pings(FakeBlip fake) {
    return fake.receivedEnvelopes().stream().filter(e -> "/ping".equals(e.field("uri"))).count();
  }

  @Test
  void upWithTheLatencyAndCachedForTheTtl() {
    runner.withPropertyValues("blip.fake.enabled=true", "blip.health.cache-ttl=10s").run(context -> {
      FakeBlip fake = context.getBean(FakeBlip.class);
      HealthIndicator indicator = context.getBean("blipHealthIndicator", HealthIndicator.class);
      Health first = indicator.health();
      assertThat(first.getStatus()).isEqualTo(Status.UP);
      assertThat(first.getDetails()).containsKeys("latencyMillis", "checkedAt");
      for (int i = 0; i < 5; i++) {
        assertThat(indicator.health()).isEqualTo(first);
      }
      assertThat(pings(fake)).isEqualTo(1);
      fake.clock().advance(Duration.ofSeconds(10));
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      assertThat(pings(fake)).isEqualTo(2);
    });
  }

  @Test
  void downWhenBlipRejectsTheKeyWithoutShowingIt() {
    try (FakeBlip fake = FakeBlip.start()) {
      runner.withPropertyValues("blip.base-url=" + fake.baseUrl(), "blip.identifier=" + fake.identifier(),
          "blip.access-key=" + KEY).run(context -> {
            Health health = context.getBean("blipHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "AuthenticationException")
                .containsEntry("retryable", false);
            assertThat(health.getDetails().get("meaning").toString()).contains("rejected the credentials");
            assertThat(health.toString()).doesNotContain(KEY).doesNotContain("Key ");
          });
    }
  }

  @Test
  void downWhenBlipCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    runner.withPropertyValues("blip.base-url=http://127.0.0.1:" + closedPort, "blip.identifier=bot",
        "blip.access-key=" + KEY, "blip.retry.max-attempts=1").run(context -> {
          Health health = context.getBean("blipHealthIndicator", HealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("error", "BlipConnectionException");
          assertThat(health.getDetails().get("meaning").toString()).contains("could not be reached");
        });
  }

  @Test
  void offByProperty() {
    runner.withPropertyValues("blip.fake.enabled=true", "management.health.blip.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(BlipClient.class)
            .doesNotHaveBean("blipHealthIndicator"));
  }
}
