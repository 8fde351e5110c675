package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.spring.BlipClientCustomizer;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.internal.BlipClientSettings;
import dev.blipsdk.spring.internal.FakeBlipWebhooks;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeBlipMain;
import dev.blipsdk.testing.FakeClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code blip.fake.enabled=true}: starts a {@link FakeBlip} on 127.0.0.1 (a bean, stopped with the context) and makes
 * the auto-configured {@link BlipClient} talk to it with its bot's key, so the WhatsApp, Desk and status-tracker beans
 * built on that client all use the fake; {@code blip.contract} and the credentials are not needed. With
 * {@code blip.webhook.path} set, once the application is ready the fake delivers its webhooks to this application's
 * endpoint on {@code local.server.port}, signed for {@code blip.webhook.verifier.*}. Needs {@code blip-sdk-testing}
 * on the classpath (test scope in a real application).
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "blip.fake.enabled=true")
 * class OrderNotificationsTest {
 *   @Autowired FakeBlip blip;          // seed templates, inspect sent messages, advance its clock
 *   @Autowired WhatsAppClient whatsApp;
 * }
 * }</pre>
 */
@AutoConfiguration(before = BlipAutoConfiguration.class)
@ConditionalOnClass(name = "dev.blipsdk.testing.FakeBlip")
@ConditionalOnExpression("${blip.enabled:true} and ${blip.fake.enabled:false}")
@EnableConfigurationProperties(BlipProperties.class)
public class BlipFakeAutoConfiguration {

  /** Created by Spring. */
  public BlipFakeAutoConfiguration() {}

  /**
   * The fake: one bot, a free port, a manual clock (or the real one with {@code blip.fake.real-time-clock}), the
   * demo data with {@code blip.fake.demo-data}.
   *
   * @param properties the properties
   * @return the running fake
   */
  @Bean
  @ConditionalOnMissingBean
  public FakeBlip fakeBlip(BlipProperties properties) {
    BlipProperties.Fake p = properties.getFake();
    FakeBlip fake = FakeBlip.builder().clock(p.isRealTimeClock() ? FakeClock.realTime() : FakeClock.manual())
        .start();
    if (p.isDemoData()) {
      FakeBlipMain.seedDemo(fake.bot());
    }
    return fake;
  }

  /**
   * The Blip client, on the fake: the connection settings of {@code blip.*}, the fake's URL, bot key and clock, then
   * every {@link BlipClientCustomizer}.
   *
   * @param fake the fake
   * @param properties the properties
   * @param customizers the customizers
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public BlipClient blipClient(FakeBlip fake, BlipProperties properties,
      ObjectProvider<BlipClientCustomizer> customizers) {
    BlipClient.Builder builder = BlipClientSettings.connectionSettings(properties)
        .baseUrl(fake.baseUrl())
        .credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock());
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * Points the fake's webhooks at this application's endpoint once it listens.
   *
   * @param fake the fake
   * @param properties the properties
   * @param environment the environment ({@code local.server.port}, {@code server.servlet.context-path})
   * @return the listener
   */
  @Bean
  @ConditionalOnProperty(prefix = "blip.webhook", name = "path")
  public FakeBlipWebhooks fakeBlipWebhooks(FakeBlip fake, BlipProperties properties, Environment environment) {
    return new FakeBlipWebhooks(fake, properties, environment);
  }
}
