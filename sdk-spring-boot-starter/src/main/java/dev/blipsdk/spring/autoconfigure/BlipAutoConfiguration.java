package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.spring.BlipClientCustomizer;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.BlipWebhookListener;
import dev.blipsdk.spring.InvalidBlipPropertyException;
import dev.blipsdk.spring.internal.BlipClientSettings;
import dev.blipsdk.spring.internal.VerifierSettings;
import dev.blipsdk.whatsapp.Campaigns;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.WhatsAppClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the Blip clients from {@code blip.*}: {@link BlipClient} (closed with the context),
 * {@link WhatsAppClient}, {@link Campaigns}, {@link DeskClient} and {@link StatusTracker}, and, when {@code blip.webhook.path} is set,
 * the {@link WebhookReceiver} the webhook endpoint hands requests to. Each backs off when the application declares a
 * bean of its type. {@code blip.enabled=false} turns the starter off.
 *
 * <p>Missing or malformed properties fail the startup with an {@link InvalidBlipPropertyException} naming the
 * property; the starter's failure analyzer prints what to do.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blip", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BlipProperties.class)
public class BlipAutoConfiguration {

  /** Created by Spring. */
  public BlipAutoConfiguration() {}

  /**
   * The client of the configured bot: {@code blip.contract} (or {@code blip.base-url}), the credentials, timeouts,
   * deadline, retries and User-Agent suffix, then every {@link BlipClientCustomizer}.
   *
   * @param properties the properties
   * @param customizers the customizers
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public BlipClient blipClient(BlipProperties properties, ObjectProvider<BlipClientCustomizer> customizers) {
    if (properties.getFake().isEnabled()) {
      // the fake's configuration would have made this bean: it is not on the classpath
      throw new InvalidBlipPropertyException("blip.fake.enabled", "needs blip-sdk-testing",
          "blip.fake.enabled=true but the fake Blip (dev.blipsdk.testing.FakeBlip) is not on the classpath.",
          "Add the dependency dev.blipsdk:blip-sdk-testing (test scope for tests), or remove blip.fake.enabled.");
    }
    BlipClient.Builder builder = BlipClientSettings.connectionSettings(properties);
    BlipClientSettings.placeAndCredentials(properties, builder);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * The WhatsApp client over the Blip client.
   *
   * @param blip the Blip client
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public WhatsAppClient whatsAppClient(BlipClient blip) {
    return WhatsAppClient.of(blip);
  }

  /**
   * The campaign client: hands audiences to Blip's campaign engine, schedules, paces and reports on them.
   *
   * @param whatsApp the WhatsApp client
   * @return the campaign client
   */
  @Bean
  @ConditionalOnMissingBean
  public Campaigns campaigns(WhatsAppClient whatsApp) {
    return whatsApp.campaigns();
  }

  /**
   * The Desk client over the Blip client, sending active messages through the WhatsApp client.
   *
   * @param blip the Blip client
   * @param whatsApp the WhatsApp client
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public DeskClient deskClient(BlipClient blip, WhatsAppClient whatsApp) {
    return DeskClient.builder(blip).whatsApp(whatsApp).build();
  }

  /**
   * The status tracker ({@code blip.status-tracker.*}); the webhook endpoint feeds it every status notification
   * and every customer message.
   *
   * @param whatsApp the WhatsApp client
   * @param properties the properties
   * @return the tracker
   */
  @Bean
  @ConditionalOnMissingBean
  public StatusTracker statusTracker(WhatsAppClient whatsApp, BlipProperties properties) {
    StatusTracker.Builder b = StatusTracker.builder(whatsApp);
    BlipProperties.StatusTracker p = properties.getStatusTracker();
    BlipClientSettings.apply("blip.status-tracker.expiry-window", p.getExpiryWindow(), b::expiryWindow,
        "a positive duration such as 24h");
    BlipClientSettings.apply("blip.status-tracker.max-tracked", p.getMaxTracked(), b::maxTracked,
        "a positive whole number");
    return b.build();
  }

  /**
   * The receiver behind the webhook endpoint: verified by the application's {@link WebhookVerifier} bean if it has
   * one, else by {@code blip.webhook.verifier.*}; feeding the {@link StatusTracker}, then every
   * {@link BlipWebhookListener} bean in order.
   *
   * @param properties the properties
   * @param verifier the application's verifier, if any
   * @param tracker the status tracker, if any
   * @param listeners the listeners
   * @return the receiver
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "blip.webhook", name = "path")
  public WebhookReceiver blipWebhookReceiver(BlipProperties properties, ObjectProvider<WebhookVerifier> verifier,
      ObjectProvider<StatusTracker> tracker, ObjectProvider<BlipWebhookListener> listeners) {
    WebhookReceiver.Builder b = WebhookReceiver.builder();
    WebhookVerifier own = verifier.getIfUnique();
    if (own != null) {
      b.verifier(own);
    } else {
      VerifierSettings.verifier(properties.getWebhook().getVerifier()).ifPresent(b::verifier);
    }
    StatusTracker t = tracker.getIfUnique();
    if (t != null) {
      b.onStatus(s -> t.accept(s.notification()));
      b.onMessage(m -> t.recordReply(m.message()));
    }
    listeners.orderedStream().forEach(l -> b.onMessage(l::onMessage).onStatus(l::onStatus).onTicket(l::onTicket)
        .onUnknown(l::onUnknown).onError(l::onError));
    return b.build();
  }
}
