package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.micrometer.MicrometerOperationListener;
import dev.blipsdk.spring.BlipClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * With Micrometer on the classpath (an application with Actuator), registers {@code blip-sdk-micrometer}'s
 * {@link MicrometerOperationListener} on the auto-configured client, on the application's {@link ObservationRegistry}
 * and {@link MeterRegistry}: the timer {@code blip.operation} tagged with the operation ({@code whatsapp.send},
 * {@code desk.tickets.list}...), attempts, retries and waits, and spans through whatever tracing bridge the
 * application has. It is the customizer bean {@code blipMicrometerCustomizer}, run before the application's own
 * customizers (one of those that sets another listener replaces it: combine them with
 * {@code OperationListener.composite}). {@code blip.observation.enabled=false} turns it off.
 */
@AutoConfiguration(before = {BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class})
@ConditionalOnClass(name = {"dev.blipsdk.micrometer.MicrometerOperationListener",
    "io.micrometer.core.instrument.MeterRegistry", "io.micrometer.observation.ObservationRegistry"})
@ConditionalOnProperty(prefix = "blip.observation", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BlipMicrometerAutoConfiguration {

  /** Created by Spring. */
  public BlipMicrometerAutoConfiguration() {}

  /**
   * Registers the listener when the application has one observation registry and one meter registry.
   *
   * @param observations the application's observation registry
   * @param meters the application's meter registry
   * @return the customizer
   */
  @Bean
  @Order(0)
  @ConditionalOnMissingBean(name = "blipMicrometerCustomizer")
  public BlipClientCustomizer blipMicrometerCustomizer(ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<MeterRegistry> meters) {
    return builder -> {
      ObservationRegistry o = observations.getIfUnique();
      MeterRegistry m = meters.getIfUnique();
      if (o != null && m != null) {
        builder.operationListener(MicrometerOperationListener.create(o, m));
      }
    };
  }
}
