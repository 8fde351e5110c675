package dev.blipsdk.whatsapp;

/**
 * The status of a sent template message, as Blip Desk shows it. Built from the message's notifications
 * by a {@link StatusTracker}; {@link #EXPIRED} is computed locally.
 */
public enum MessageStatus {
  /** Blip accepted the message ({@code accepted}). */
  SENDING,
  /** Dispatched to WhatsApp ({@code dispatched}; WhatsApp "sent"). */
  SENT,
  /** Delivered to the recipient's phone ({@code received}; WhatsApp "delivered"). */
  DELIVERED,
  /** Read by the recipient ({@code consumed}; WhatsApp "read", only with read receipts on). */
  READ,
  /** Failed ({@code failed}); the report carries the reason code and description. */
  FAILED,
  /**
   * No answer from the recipient within the expiry window (24 h by default) measured from the send.
   * WhatsApp has no such status: the SDK computes it from its clock. Never replaces {@link #FAILED}.
   */
  EXPIRED;

  /**
   * The rank of a delivery status in the "furthest state wins" order: SENDING &lt; SENT &lt; FAILED
   * &lt; DELIVERED &lt; READ. FAILED ranks below DELIVERED because WhatsApp may report a delivery after
   * a failure (multi-device): a message that reached a device counts as delivered.
   *
   * @return the rank; -1 for EXPIRED, which is not a delivery status
   */
  public int rank() {
    return switch (this) {
      case SENDING -> 0;
      case SENT -> 1;
      case FAILED -> 2;
      case DELIVERED -> 3;
      case READ -> 4;
      case EXPIRED -> -1;
    };
  }
}
