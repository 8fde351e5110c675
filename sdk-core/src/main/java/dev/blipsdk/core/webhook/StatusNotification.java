package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.envelope.Reason;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * News about a message the bot sent ({@code accepted}, {@code dispatched}, {@code received},
 * {@code consumed}, {@code failed} with a reason...), POSTed to the bot's notification URL.
 *
 * <p>{@link #notification()} is the core {@link Notification}, so it feeds status tracking directly, with
 * no field mapping:
 * <pre>{@code
 * receiverBuilder.onStatus(status -> tracker.accept(status.notification()));
 * }</pre>
 *
 * <p>Several notifications can share one message id and event (each hop through a tunnel or router emits
 * its own); {@link #deduplicationKey()} is the same for them, and keeping the most advanced event per
 * message is always safe.
 *
 * @param notification the envelope
 * @param raw the whole envelope as received
 */
public record StatusNotification(Notification notification, JsonDocument raw) implements WebhookEvent {

  /** Checks that nothing is missing. */
  public StatusNotification {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * The id of the message this notification is about (the notification's envelope id).
   *
   * @return the id, or {@code null} when absent
   */
  @Override
  public @Nullable String id() {
    return notification.id();
  }

  /**
   * The id of the message this notification is about; the same as {@link #id()}.
   *
   * @return the message id, or {@code null} when absent
   */
  public @Nullable String messageId() {
    return notification.id();
  }

  /**
   * The event; {@link NotificationEvent#UNKNOWN} for one this SDK does not know.
   *
   * @return the event
   */
  public NotificationEvent event() {
    return notification.event();
  }

  /**
   * The event as on the wire.
   *
   * @return for example {@code "received"}
   */
  public String eventName() {
    return notification.eventName();
  }

  /**
   * Why the message failed.
   *
   * @return the reason, or {@code null} when none was sent
   */
  public @Nullable Reason reason() {
    return notification.reason();
  }

  /**
   * {@inheritDoc}
   *
   * @return {@code "<message id>:<event>"}, for example {@code "65603604-...:received"}
   */
  @Override
  public String deduplicationKey() {
    return EventKeys.key(notification.id(), notification.eventName().toLowerCase(Locale.ROOT), raw);
  }

  @Override
  public String toString() {
    return "StatusNotification{" + notification + "}";
  }
}
