package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.whatsapp.MessageStatus;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One look at a Desk active message: the "Sent" view of the Desk app.
 *
 * <p>Immutable and thread-safe.
 *
 * @param send the handle
 * @param state the state to show
 * @param deliveryStatus the furthest delivery status of the message (never EXPIRED)
 * @param failure the reason of a failure, or null
 * @param ticket the ticket the answer opened for the agent, or null when not answered (yet)
 * @param expiresAt when the direct routing to the agent lapses if the customer does not answer
 * @param visibleUntil until when the Desk app shows the send (the window plus 48 h)
 * @param checkedAt when this look was taken, on the client's clock
 */
public record ActiveMessageStatus(ActiveMessageSend send, ActiveMessageState state, MessageStatus deliveryStatus,
    @Nullable Reason failure, @Nullable Ticket ticket, Instant expiresAt, Instant visibleUntil, Instant checkedAt) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a required component is null
   */
  public ActiveMessageStatus {
    Objects.requireNonNull(send, "send");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(deliveryStatus, "deliveryStatus");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(visibleUntil, "visibleUntil");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /**
   * A one-line description as the Desk app would show it, for example
   * {@code "answered: ticket 42, in progress"} or {@code "delivered"}.
   *
   * @return the description
   */
  public String describe() {
    return switch (state) {
      case IN_PROGRESS -> "answered: ticket " + number() + ", in progress";
      case WAITING_FOR_AGENT -> "answered: ticket " + number() + ", waiting in the queue for the agent";
      case TICKET_CLOSED -> "answered: ticket " + number()
          + (ticket != null && ticket.status() == TicketStatus.TRANSFERRED ? ", transferred" : ", closed");
      case FAILED -> "failed" + (failure == null ? "" : ": " + failure.description());
      default -> state.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private String number() {
    return ticket == null ? "?" : ticket.displayNumber();
  }

  @Override
  public String toString() {
    return "ActiveMessageStatus{messageId=" + send.messageId() + ", state=" + state + ", delivery=" + deliveryStatus
        + ", ticket=" + (ticket == null ? null : ticket.id()) + ", expiresAt=" + expiresAt + "}";
  }
}
