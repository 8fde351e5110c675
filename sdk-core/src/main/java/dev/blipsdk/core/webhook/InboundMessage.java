package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message a customer (or an agent, through Desk) sent to the bot, POSTed to the bot's message URL.
 *
 * <p>On Java 21 and later (on 17, test with {@code instanceof}):
 * <pre>{@code
 * switch (inbound.content()) {
 *   case MessageContent.Text t -> answer(inbound.from(), t.text());
 *   case MessageContent.Reply r -> handleButton(r.payload());
 *   case MessageContent.Media m -> download(m.uri());
 *   case MessageContent.Location l -> nearestStore(l.latitude(), l.longitude());
 *   case MessageContent.Other o -> log.info("unhandled {}", inbound.type());
 * }
 * }</pre>
 *
 * <p>Blip expects a {@code consumed} (or {@code failed}) notification back for each message you process.
 *
 * @param message the envelope
 * @param content the content, typed where the SDK knows the type
 * @param raw the whole envelope as received
 */
public record InboundMessage(Message message, MessageContent content, JsonDocument raw) implements WebhookEvent {

  /** Checks that nothing is missing. */
  public InboundMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public @Nullable String id() {
    return message.id();
  }

  /**
   * The sender, for example {@code 5531999998888@wa.gw.msging.net/instance}.
   *
   * @return the sender, or {@code null} when absent
   */
  public @Nullable Node from() {
    return message.from();
  }

  /**
   * The MIME type of the content, as on the wire.
   *
   * @return the type
   */
  public String type() {
    return message.type();
  }

  /**
   * {@inheritDoc}
   *
   * @return {@code "<id>:message"}
   */
  @Override
  public String deduplicationKey() {
    return EventKeys.key(message.id(), "message", raw);
  }

  @Override
  public String toString() {
    return "InboundMessage{" + message + ", content=" + content + "}";
  }
}
