package dev.blipsdk.core.envelope;

import dev.blipsdk.core.internal.Redaction;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A LIME message: content of a MIME {@code type} sent to a node. Sent with {@code POST /messages}
 * (Blip answers 202) and received on the message webhook.
 *
 * <pre>{@code
 * Message hello = Message.text(Node.parse("5531999998888@wa.gw.msging.net"), "Hello!");
 * Message sent = client.sendMessage(hello);   // sent.id() is the id notifications refer to
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the recipient and never prints the content.
 *
 * @param id the message id; {@code null} on a message about to be sent lets the client generate one
 * @param from the sender, or {@code null} (the server fills in the bot)
 * @param to the recipient; required to send
 * @param pp the delegate, or {@code null}
 * @param type the MIME type of the content, for example {@code text/plain} or {@code application/json}
 * @param content the content: a JSON string for {@code text/plain}, an object for JSON types
 * @param metadata string metadata in order (a value may be {@code null} where the JSON said so), never
 *     {@code null}
 */
public record Message(
    @Nullable String id,
    @Nullable Node from,
    @Nullable Node to,
    @Nullable Node pp,
    String type,
    JsonDocument content,
    Map<String, @Nullable String> metadata)
    implements Envelope {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the type is empty
   * @throws NullPointerException never for the documented nullable parts
   */
  public Message {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("message type must not be empty");
    }
    Objects.requireNonNull(content, "content");
    metadata = Metadata.copy(metadata);
  }

  /**
   * A {@code text/plain} message.
   *
   * @param to the recipient
   * @param text the text
   * @return the message, with no id yet
   */
  public static Message text(Node to, String text) {
    return new Message(null, null, Objects.requireNonNull(to, "to"), null, MediaTypes.TEXT_PLAIN,
        JsonDocument.text(text), Map.of());
  }

  /**
   * A message of any type.
   *
   * @param to the recipient
   * @param type the MIME type of the content
   * @param content the content
   * @return the message, with no id yet
   */
  public static Message of(Node to, String type, JsonDocument content) {
    return new Message(null, null, Objects.requireNonNull(to, "to"), null, type, content, Map.of());
  }

  /**
   * A copy with another id.
   *
   * @param newId the id
   * @return the copy
   */
  public Message withId(String newId) {
    return new Message(Objects.requireNonNull(newId, "id"), from, to, pp, type, content, metadata);
  }

  /**
   * A copy with more metadata (the given entries win).
   *
   * @param more the entries to add
   * @return the copy
   */
  public Message withMetadata(Map<String, String> more) {
    java.util.LinkedHashMap<String, @Nullable String> merged = new java.util.LinkedHashMap<>(metadata);
    merged.putAll(more);
    return new Message(id, from, to, pp, type, content, merged);
  }

  /** Masks the addresses and leaves out the content. */
  @Override
  public String toString() {
    return "Message{id=" + id + ", from=" + Redaction.address(from == null ? null : from.value())
        + ", to=" + Redaction.address(to == null ? null : to.value()) + ", type=" + type
        + ", content=" + content + "}";
  }
}
