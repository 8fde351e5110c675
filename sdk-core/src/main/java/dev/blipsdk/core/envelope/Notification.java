package dev.blipsdk.core.envelope;

import dev.blipsdk.core.internal.Redaction;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A LIME notification: news about a message, identified by that message's id (for example
 * {@code received}, or {@code failed} with a {@link Reason}).
 *
 * <p>Unknown events parse as {@link NotificationEvent#UNKNOWN} and keep their wire value in
 * {@link #eventName()}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the addresses.
 *
 * @param id the id of the message this notification is about
 * @param from the sender of the notification
 * @param to the recipient of the notification
 * @param pp the delegate, or {@code null}
 * @param event the event
 * @param eventName the event as it was on the wire, for example {@code "received"}
 * @param reason why the message failed, or {@code null}
 * @param metadata string metadata in order (a value may be {@code null} where the JSON said so), never
 *     {@code null}
 */
public record Notification(
    @Nullable String id,
    @Nullable Node from,
    @Nullable Node to,
    @Nullable Node pp,
    NotificationEvent event,
    String eventName,
    @Nullable Reason reason,
    Map<String, @Nullable String> metadata)
    implements Envelope {

  /** Copies the metadata and checks that event and name agree. */
  public Notification {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(eventName, "eventName");
    metadata = Metadata.copy(metadata);
  }

  /**
   * A notification to send about a message the bot received, for example {@code consumed}.
   *
   * @param messageId the id of the message it is about
   * @param to the original sender of that message
   * @param event the event
   * @param reason the reason, required for {@link NotificationEvent#FAILED}
   * @return the notification
   * @throws IllegalArgumentException if the event is FAILED and no reason is given, or is UNKNOWN
   */
  public static Notification about(String messageId, Node to, NotificationEvent event,
      @Nullable Reason reason) {
    Objects.requireNonNull(messageId, "messageId");
    if (event == NotificationEvent.UNKNOWN) {
      throw new IllegalArgumentException("event: UNKNOWN cannot be sent");
    }
    if (event == NotificationEvent.FAILED && reason == null) {
      throw new IllegalArgumentException("reason: required when the event is failed");
    }
    return new Notification(messageId, null, to, null, event, event.wireValue(), reason, Map.of());
  }

  /** Masks the addresses. */
  @Override
  public String toString() {
    return "Notification{id=" + id + ", event=" + eventName + ", from="
        + Redaction.address(from == null ? null : from.value()) + ", to="
        + Redaction.address(to == null ? null : to.value()) + (reason == null ? "" : ", reason=" + reason)
        + "}";
  }
}
