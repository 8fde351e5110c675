package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.internal.BlipClientSettings;
import dev.blipsdk.spring.internal.Boot3HealthIndicator;
import dev.blipsdk.spring.internal.Boot4HealthIndicator;
import dev.blipsdk.spring.internal.PingHealth;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator health indicator {@code blip}: {@link BlipClient#ping(RequestOptions)} with the deadline
 * {@code blip.health.timeout}, cached for {@code blip.health.cache-ttl} so a probe every second is not a Blip call
 * every second. DOWN says whether Blip rejected the credentials or could not be reached; the details never hold the
 * key, a header or a server message. One indicator class per Boot line (the health types moved in Boot 4.0), chosen
 * by the classes present. {@code management.health.blip.enabled=false} turns it off.
 */
@AutoConfiguration(after = {BlipAutoConfiguration.class, BlipFakeAutoConfiguration.class})
@ConditionalOnBean(BlipClient.class)
@ConditionalOnProperty(prefix = "management.health.blip", name = "enabled", havingValue = "true",
    matchIfMissing = true)
public class BlipHealthAutoConfiguration {
  static final String BEAN = "blipHealthIndicator";

  /** Created by Spring. */
  public BlipHealthAutoConfiguration() {}

  static PingHealth pingHealth(BlipClient client, BlipProperties properties) {
    BlipProperties.Health p = properties.getHealth();
    RequestOptions options = RequestOptions.builder()
        .deadline(BlipClientSettings.positive("blip.health.timeout", p.getTimeout())).build();
    return new PingHealth(() -> client.ping(options), client.clock(), p.getCacheTtl());
  }

  /** Spring Boot 4.0: {@code org.springframework.boot.health.contributor}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4 {
    @Bean(BEAN)
    @ConditionalOnMissingBean(name = BEAN)
    Boot4HealthIndicator blipHealthIndicator(BlipClient client, BlipProperties properties) {
      return new Boot4HealthIndicator(pingHealth(client, properties));
    }
  }

  /** Spring Boot 3.5: {@code org.springframework.boot.actuate.health}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot3 {
    @Bean(BEAN)
    @ConditionalOnMissingBean(name = BEAN)
    Boot3HealthIndicator blipHealthIndicator(BlipClient client, BlipProperties properties) {
      return new Boot3HealthIndicator(pingHealth(client, properties));
    }
  }
}
