package dev.blipsdk.core.envelope;

/**
 * The event of a LIME notification about a message. Blip documents {@code accepted},
 * {@code dispatched}, {@code received}, {@code consumed} and {@code failed}; LIME adds
 * {@code validated}, {@code authorized} and {@code deleted}. Anything else is {@link #UNKNOWN}, with the
 * raw value kept on the {@link Notification}.
 */
public enum NotificationEvent {
  /** The server accepted the message ("sending"). */
  ACCEPTED,
  /** LIME: the message was validated. */
  VALIDATED,
  /** LIME: the message was authorized. */
  AUTHORIZED,
  /** The message was dispatched to the destination (WhatsApp: sent). */
  DISPATCHED,
  /** The destination received the message (WhatsApp: delivered). */
  RECEIVED,
  /** The destination consumed the message (WhatsApp: read). */
  CONSUMED,
  /** The message failed; the notification carries a {@link Reason}. */
  FAILED,
  /** LIME: the message was deleted. */
  DELETED,
  /** An event this SDK version does not know. */
  UNKNOWN;

  /**
   * The wire value.
   *
   * @return the lower-case event name
   */
  public String wireValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Reads a wire value without regard to case.
   *
   * @param value the wire value
   * @return the event, or {@link #UNKNOWN}
   */
  public static NotificationEvent fromWire(String value) {
    for (NotificationEvent e : values()) {
      if (e != UNKNOWN && e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
