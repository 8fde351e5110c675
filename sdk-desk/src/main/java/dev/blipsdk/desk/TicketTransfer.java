package dev.blipsdk.desk;

import java.util.Objects;

/**
 * The result of a ticket transfer. A transfer does not move the ticket: Blip closes it (status
 * {@code Transferred}) and opens a <b>new</b> ticket, with a new id, for the queue or agent. Use
 * {@link #newTicket()} from now on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param previousTicketId the id of the ticket that was transferred (now closed)
 * @param newTicket the new ticket that carries the conversation on
 */
public record TicketTransfer(String previousTicketId, Ticket newTicket) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public TicketTransfer {
    Objects.requireNonNull(previousTicketId, "previousTicketId");
    Objects.requireNonNull(newTicket, "newTicket");
  }
}
