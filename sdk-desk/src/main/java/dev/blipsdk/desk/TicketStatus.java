package dev.blipsdk.desk;

import java.util.Locale;

/**
 * The status of a Desk ticket. Blip writes it in PascalCase ({@link #wireValue()}); a value this SDK does
 * not know reads as {@link #UNKNOWN} and the ticket keeps the raw text ({@link Ticket#rawStatus()}).
 */
public enum TicketStatus {
  /** {@code None}: no status yet. */
  NONE("None"),
  /** {@code Waiting}: in a queue, no agent yet. */
  WAITING("Waiting"),
  /** {@code Open}: an agent is serving it. */
  OPEN("Open"),
  /** {@code Assigned}: given to an agent who has not opened it yet. */
  ASSIGNED("Assigned"),
  /** {@code ClosedAttendant}: closed by the agent. */
  CLOSED_ATTENDANT("ClosedAttendant"),
  /** {@code ClosedClient}: closed by the customer. */
  CLOSED_CLIENT("ClosedClient"),
  /** {@code ClosedClientInactivity}: closed because the customer stopped answering. */
  CLOSED_CLIENT_INACTIVITY("ClosedClientInactivity"),
  /** {@code Transferred}: closed by a transfer; a new ticket carries the conversation on. */
  TRANSFERRED("Transferred"),
  /** A value this SDK does not know; see {@link Ticket#rawStatus()}. */
  UNKNOWN("Unknown");

  private final String wireValue;

  TicketStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as Blip writes it, for example {@code ClosedAttendant}.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Whether the customer counts as having an open ticket (waiting or in service): {@code Waiting},
   * {@code Open} or {@code Assigned}. A Desk active message is not delivered to such a customer.
   *
   * @return true for an open ticket
   */
  public boolean isOpen() {
    return this == WAITING || this == OPEN || this == ASSIGNED;
  }

  /**
   * Whether the ticket is finished (closed by someone, or transferred).
   *
   * @return true for a closed status
   */
  public boolean isClosed() {
    return this == CLOSED_ATTENDANT || this == CLOSED_CLIENT || this == CLOSED_CLIENT_INACTIVITY
        || this == TRANSFERRED;
  }

  /**
   * Reads a wire value, without regard to case ({@code waiting} and {@code Waiting} both work).
   *
   * @param value the wire value, possibly null
   * @return the status, {@link #UNKNOWN} when not known, {@link #NONE} for null or blank
   */
  public static TicketStatus fromWire(@org.jspecify.annotations.Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (TicketStatus s : values()) {
      if (s != UNKNOWN && s.wireValue.toLowerCase(Locale.ROOT).equals(v)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
