package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Blip Desk ticket event: a message of type {@code application/vnd.lime.redirect+json} whose
 * {@code content.context} is {@code {"type": "application/vnd.iris.ticket+json", "value": {ticket}}},
 * which the bot receives when an attendance ends (for example with status {@code ClosedAttendant}), or a
 * message whose content is a ticket document itself (custom Desk providers).
 *
 * <pre>{@code
 * receiverBuilder.onTicket(event -> {
 *   if (event.ticket().status().isClosed()) {
 *     resumeBotFlow(event.ticket().customerIdentity());
 *   }
 * });
 * }</pre>
 *
 * @param message the envelope that carried the ticket
 * @param ticket the ticket's essentials, with the full ticket JSON
 * @param raw the whole envelope as received
 */
public record TicketEvent(Message message, TicketSnapshot ticket, JsonDocument raw) implements WebhookEvent {

  /** Checks that nothing is missing. */
  public TicketEvent {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public @Nullable String id() {
    return message.id();
  }

  /**
   * {@inheritDoc}
   *
   * @return {@code "<message id>:ticket"}
   */
  @Override
  public String deduplicationKey() {
    return EventKeys.key(message.id(), "ticket", raw);
  }

  @Override
  public String toString() {
    return "TicketEvent{" + message + ", ticket=" + ticket + "}";
  }
}
