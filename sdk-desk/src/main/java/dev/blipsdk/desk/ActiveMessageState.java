package dev.blipsdk.desk;

/**
 * Where a Desk active message stands, as the agent's "Sent" tab shows it, until the answer turns it into
 * a ticket.
 */
public enum ActiveMessageState {
  /** Sending: Blip accepted it, nothing more yet. */
  SENDING,
  /** Sent: processed and sent to WhatsApp. */
  SENT,
  /** Delivered to the customer's phone. */
  DELIVERED,
  /** Read by the customer. */
  READ,
  /** Failed; see {@link ActiveMessageStatus#failure()}. */
  FAILED,
  /** No answer within the direct routing window (24 h): the routing to the agent has lapsed. */
  EXPIRED,
  /** Answered: a ticket opened for the sending agent and is in progress ("In progress"). */
  IN_PROGRESS,
  /**
   * Answered: the ticket waits in the queue for the sending agent only (the agent was offline,
   * invisible or paused, or the bot has no direct transfer).
   */
  WAITING_FOR_AGENT,
  /**
   * Answered: the ticket opened for the agent has since been closed (or transferred, which closes it and
   * opens a new ticket; {@link ActiveMessageStatus#ticket()} is the one opened for the agent).
   */
  TICKET_CLOSED;

  /**
   * Whether the customer answered and a ticket opened for the agent.
   *
   * @return true for the answered states
   */
  public boolean isAnswered() {
    return this == IN_PROGRESS || this == WAITING_FOR_AGENT || this == TICKET_CLOSED;
  }
}
