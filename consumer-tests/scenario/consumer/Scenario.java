package consumer;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.StatusNotification;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The story every consumer build proves on its own classpath: send a WhatsApp template through {@link FakeBlip}
 * and receive the signed READ webhook for it. Each consumer project supplies only the HTTP endpoint that hands the
 * webhook's raw bytes and headers to {@link #receiver()}.
 *
 * <p>This file is shared by the projects under {@code consumer-tests/}; it uses the SDK's public API only.
 */
public final class Scenario implements AutoCloseable {
  public static final String SECRET = "consumer-test-webhook-secret";
  private static final String PHONE = "+5531999998888";
  private static final String IDENTITY = "5531999998888@wa.gw.msging.net";

  private final FakeBlip fake;
  private final BlipClient client;
  private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch read = new CountDownLatch(1);
  private final WebhookReceiver receiver;

  public Scenario() {
    fake = FakeBlip.start();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    fake.bot().addWhatsAppAccount(PHONE, "Ana");
    fake.script(IDENTITY, MessageScript.read());
    client = fake.client();
    receiver = WebhookReceiver.builder()
        .verifier(WebhookVerifier.metaHubSignature256(SECRET))
        .onStatus(this::onStatus)
        .build();
  }

  private void onStatus(StatusNotification status) {
    statuses.add(status.eventName());
    if ("consumed".equals(status.eventName())) {
      read.countDown();
    }
  }

  /** The receiver the consumer's HTTP endpoint hands each webhook to. */
  public WebhookReceiver receiver() {
    return receiver;
  }

  /** Hands one webhook request to the receiver, as an endpoint does. */
  public WebhookResponse handle(String method, WebhookHeaders headers, byte[] body) {
    return receiver.handle(method, headers, body);
  }

  /**
   * Points the fake's signed webhooks at {@code webhookUrl}, sends a template, and waits for the READ webhook.
   *
   * @return a one-line summary, for the build log
   * @throws IllegalStateException when any step does not happen as it should
   */
  public String run(String webhookUrl) throws InterruptedException {
    fake.bot().notificationWebhook(webhookUrl).messageWebhook(webhookUrl)
        .webhookSigner(WebhookSigner.hmacSha256(HmacScheme.metaHubSignature256(), SECRET));
    WhatsAppClient whatsApp = WhatsAppClient.of(client);
    SendReceipt receipt = whatsApp.send(PhoneNumber.parse(PHONE), TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    if (!read.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no signed READ webhook within 30 s; statuses seen: " + statuses
          + "; deliveries: " + fake.webhookDeliveries());
    }
    int sent = fake.bot().sentMessages(IDENTITY).size();
    if (sent != 1) {
      throw new IllegalStateException("expected exactly one message to Ana, the fake saw " + sent);
    }
    return "sent " + receipt.envelopeId() + "; signed webhooks received: " + statuses;
  }

  @Override
  public void close() {
    client.close();
    fake.close();
  }
}
