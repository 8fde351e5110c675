package dev.blipsdk.examples.spring;

import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.MessageContent;
import dev.blipsdk.spring.BlipWebhookListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What customers write, as the starter's webhook endpoint delivers it: a real service would hand it to its CRM. The
 * status notifications need no code here: the starter feeds them to the {@code StatusTracker} bean. Thread-safe.
 */
@Component
class CustomerInbox implements BlipWebhookListener {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerInbox.class);
  private final List<String> texts = new CopyOnWriteArrayList<>();

  @Override
  public void onMessage(InboundMessage message) {
    String text = message.content() instanceof MessageContent.Text t ? t.text() : message.type();
    texts.add(text);
    // the message id only: the sender and the text are personal data
    LOG.info("customer message {} received", message.id());
  }

  /** The texts received so far, oldest first. */
  List<String> texts() {
    return List.copyOf(texts);
  }
}
