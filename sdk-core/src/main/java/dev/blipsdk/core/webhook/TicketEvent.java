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
 * <p>The full ticket: core cannot depend on the Desk module (Desk depends on core), so it cannot return the
 * Desk {@code Ticket} type itself. {@link #ticket()} gives core's summary, and {@link #ticket(Class)} decodes the
 * ticket document into any record through the SDK's one reader, so with {@code blip-sdk-desk} on the path
 * {@code event.ticket(Ticket.class)} is the Desk ticket with every field it models and {@code raw()} for the
 * rest; the same call works for your own record.
 *
 * <pre>{@code
 * receiverBuilder.onTicket(event -> {
 *   if (event.ticket().status().isClosed()) {
 *     dev.blipsdk.desk.Ticket full = event.ticket(dev.blipsdk.desk.Ticket.class);
 *     resumeBotFlow(full.customerIdentity(), full.closedBy());
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

  /**
   * The whole ticket decoded into a type: the Desk module's {@code dev.blipsdk.desk.Ticket}, or a record of
   * your own, by the rules of {@link JsonDocument#decode(Class)}.
   *
   * @param type the record type
   * @param <T> the record type
   * @return the ticket
   * @throws dev.blipsdk.core.exception.BlipProtocolException if the ticket does not decode into the type
   *     (for example the Desk {@code Ticket} needs an id and a customer identity); the message names the path
   */
  public <T> T ticket(Class<T> type) {
    return ticket.raw().decode(type);
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
