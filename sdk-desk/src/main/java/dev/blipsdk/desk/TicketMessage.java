package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation thread ({@code application/vnd.iris.thread-message+json}): an item of a
 * ticket's transcript ({@code /tickets/{id}/messages}) or of a thread ({@code /threads/{identity}}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never prints the content.
 *
 * @param id the message id (Blip's ids are not always UUIDs: {@code fwd:fwd:...}), or null
 * @param peerIdentity the other party of the thread, or null
 * @param direction whether the bot/agent sent it or the customer did
 * @param rawDirection the direction as sent, or null
 * @param type the MIME type of the content, for example {@code text/plain}
 * @param content the content (a JSON string for text), the JSON {@code null} document when absent
 * @param date when it was last updated, or null
 * @param status the last event of the message ({@code accepted}, {@code dispatched}, {@code consumed},
 *     {@code failed}...), or null
 * @param reason why it failed, when it did; or null
 * @param metadata the message's metadata in order, a JSON {@code null} value kept as null; never null
 * @param raw the whole item as Blip sent it
 */
public record TicketMessage(@Nullable String id, @Nullable Identity peerIdentity, Direction direction,
    @Nullable String rawDirection, @Nullable String type, JsonDocument content, @Nullable Instant date,
    @Nullable String status, @Nullable Reason reason, Map<String, @Nullable String> metadata, JsonDocument raw) {

  /** Who sent a message. */
  public enum Direction {
    /** Sent by the bot or the agent to the customer. */
    SENT,
    /** Received from the customer. */
    RECEIVED,
    /** Not said, or a value this SDK does not know; see {@link TicketMessage#rawDirection()}. */
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
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /**
   * The text of a {@code text/plain} message.
   *
   * @return the text, or null when the content is not a string
   */
  public @Nullable String text() {
    return content.isString() ? content.asString() : null;
  }

  @Override
  public String toString() {
    return "TicketMessage{id=" + id + ", direction=" + direction + ", type=" + type + ", date=" + date + "}";
  }
}
