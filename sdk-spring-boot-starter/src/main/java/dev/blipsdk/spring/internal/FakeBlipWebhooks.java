package dev.blipsdk.spring.internal;

import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.testing.FakeBlip;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * When the application is ready, points the fake Blip's message and notification webhooks at the application's own
 * webhook endpoint ({@code http://127.0.0.1:{local.server.port}{context-path}{blip.webhook.path}}) and signs them as
 * {@code blip.webhook.verifier.*} expects. Without a web server (no {@code local.server.port}) it does nothing.
 */
public final class FakeBlipWebhooks implements ApplicationListener<ApplicationReadyEvent> {
  private final FakeBlip fake;
  private final BlipProperties properties;
  private final Environment environment;

  /**
   * Creates the listener.
   *
   * @param fake the fake
   * @param properties the properties
   * @param environment the environment
   */
  public FakeBlipWebhooks(FakeBlip fake, BlipProperties properties, Environment environment) {
    this.fake = fake;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      return;
    }
    String url = "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
        + properties.getWebhook().getPath();
    BlipProperties.Verifier verifier = properties.getWebhook().getVerifier();
    // with the application's own WebhookVerifier bean and no scheme, the fake cannot know how to sign
    fake.bot().messageWebhook(url).notificationWebhook(url).webhookSigner(verifier.getScheme() == null ? null
        : VerifierSettings.signer(verifier).orElse(null));
  }

  /**
   * Where webhooks go, for logs.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "FakeBlipWebhooks{path=" + properties.getWebhook().getPath() + "}";
  }
}
