package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a ticket's conversation ({@code application/vnd.iris.thread-message+json}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never prints the content.
 *
 * @param id the message id, or null
 * @param direction whether the bot/agent sent it or the customer did
 * @param type the MIME type of the content, for example {@code text/plain}
 * @param content the content (a JSON string for text)
 * @param date when it was stored, or null
 * @param status the last event of the message ({@code consumed}, {@code failed}...), or null
 */
public record TicketMessage(@Nullable String id, Direction direction, @Nullable String type, JsonDocument content,
    @Nullable Instant date, @Nullable String status) {

  /** Who sent a message. */
  public enum Direction {
    /** Sent by the bot or the agent to the customer. */
    SENT,
    /** Received from the customer. */
    RECEIVED,
    /** Not said, or a value this SDK does not know. */
    UNKNOWN
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if direction or content is null
   */
  public TicketMessage {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(content, "content");
  }

  /**
   * The text of a {@code text/plain} message.
   *
   * @return the text, or null when the content is not a string
   */
  public @Nullable String text() {
    return content.isString() ? content.asString() : null;
  }

  static TicketMessage fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "ticket message");
    String dir = o.str("direction");
    Direction direction = dir == null ? Direction.UNKNOWN : switch (dir.toLowerCase(Locale.ROOT)) {
      case "sent" -> Direction.SENT;
      case "received" -> Direction.RECEIVED;
      default -> Direction.UNKNOWN;
    };
    Instant date = o.has("date") ? o.instant("date") : o.instant("storageDate");
    JsonDocument content = JsonDocument.of(o.raw("content"));
    return new TicketMessage(o.str("id"), direction, o.str("type"), content, date, o.str("status"));
  }

  @Override
  public String toString() {
    return "TicketMessage{id=" + id + ", direction=" + direction + ", type=" + type + ", date=" + date + "}";
  }
}
