package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.spring.jackson.BlipJackson2Module;
import dev.blipsdk.spring.jackson.BlipJackson3Module;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the SDK's Jackson module with Spring Boot's JSON mapper, so {@code Identity}, {@code Node},
 * {@code PhoneNumber} and {@code JsonDocument} (and the records holding them: {@code StatusReport},
 * {@code SendReceipt}, {@code Ticket}, ...) serialize as users expect in a REST response. Boot 3.5 picks up
 * {@link BlipJackson2Module} (a Jackson 2 {@code Module} bean), Boot 4.0 {@link BlipJackson3Module} (a Jackson 3
 * {@code JacksonModule} bean); each is declared only when its Jackson is on the classpath.
 */
@AutoConfiguration
public class BlipJacksonAutoConfiguration {

  /** Created by Spring. */
  public BlipJacksonAutoConfiguration() {}

  /** Jackson 2. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "com.fasterxml.jackson.databind.Module")
  static class Jackson2 {
    @Bean
    @ConditionalOnMissingBean
    BlipJackson2Module blipJackson2Module() {
      return new BlipJackson2Module();
    }
  }

  /** Jackson 3. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
  static class Jackson3 {
    @Bean
    @ConditionalOnMissingBean
    BlipJackson3Module blipJackson3Module() {
      return new BlipJackson3Module();
    }
  }
}
