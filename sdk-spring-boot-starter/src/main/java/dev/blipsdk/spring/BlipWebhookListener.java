package dev.blipsdk.spring;

import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.StatusNotification;
import dev.blipsdk.core.webhook.TicketEvent;
import dev.blipsdk.core.webhook.UnknownEvent;

/**
 * Receives the events the auto-configured webhook endpoint ({@code blip.webhook.path}) verified and parsed. Declare
 * it as a bean and override the methods for the events you want; the others do nothing. Every listener bean is
 * called, in {@code @Order}, on the request thread.
 *
 * <pre>{@code
 * @Component
 * class Inbox implements BlipWebhookListener {
 *   @Override
 *   public void onMessage(InboundMessage message) {
 *     crm.customerWrote(message.from(), message.content());
 *   }
 * }
 * }</pre>
 *
 * <p>The endpoint answers as {@link dev.blipsdk.core.webhook.WebhookReceiver} documents: 200 once the listeners
 * returned, 500 if one threw (the sender may deliver the event again: de-duplicate with
 * {@link dev.blipsdk.core.webhook.WebhookEvent#deduplicationKey()}). The auto-configured
 * {@link dev.blipsdk.whatsapp.StatusTracker} is fed every status notification before the listeners run.
 *
 * <p>Implementations must be thread-safe: requests arrive concurrently.
 */
public interface BlipWebhookListener {
  /**
   * A message a customer sent.
   *
   * @param message the message
   */
  default void onMessage(InboundMessage message) {}

  /**
   * A notification about a message the bot sent.
   *
   * @param status the notification
   */
  default void onStatus(StatusNotification status) {}

  /**
   * A Desk ticket event.
   *
   * @param ticket the event
   */
  default void onTicket(TicketEvent ticket) {}

  /**
   * A body the SDK does not model.
   *
   * @param event the event
   */
  default void onUnknown(UnknownEvent event) {}

  /**
   * A request that was not processed: a verification failure (answered 401), a body that did not parse (400 or
   * 413) or a listener that threw (500). Never throw from here.
   *
   * @param error what went wrong
   */
  default void onError(BlipException error) {}
}
