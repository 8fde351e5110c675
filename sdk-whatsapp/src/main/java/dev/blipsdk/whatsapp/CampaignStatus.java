package dev.blipsdk.whatsapp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where an active campaign is in its life. Blip answers {@code processing} right after creation (3P, API doc §3.6);
 * the later wire strings are UNCONFIRMED, so they are read without regard to case, with the spellings seen in
 * portal labels as aliases ({@code sending}, {@code sent}, {@code cancelled}), and anything else maps to
 * {@link #UNKNOWN} ({@link Campaign#rawStatus()} keeps the text).
 */
public enum CampaignStatus {
  /** Created with {@code /campaign/v2}, its audience being uploaded, not dispatched yet. */
  CREATED,
  /** Dispatched for a time still to come. */
  SCHEDULED,
  /** Handing its messages to WhatsApp ({@code processing}; alias {@code sending}). */
  PROCESSING,
  /** Every message handed over; notifications still coming ({@code dispatched}; alias {@code sent}). */
  DISPATCHED,
  /** Every message reached its last status. */
  FINISHED,
  /** Canceled before it started ({@code canceled} or {@code cancelled}). */
  CANCELED,
  /** Failed as a whole ({@link Campaign#failedReason()} says why). */
  FAILED,
  /** A status this SDK does not know. */
  UNKNOWN;

  /**
   * Reads a wire status.
   *
   * @param wire the status as sent, or null
   * @return the status, {@link #UNKNOWN} when unknown or absent
   */
  public static CampaignStatus fromWire(@Nullable String wire) {
    if (wire == null) {
      return UNKNOWN;
    }
    return switch (wire.trim().toLowerCase(Locale.ROOT)) {
      case "created", "draft" -> CREATED;
      case "scheduled" -> SCHEDULED;
      case "processing", "sending" -> PROCESSING;
      case "dispatched", "sent" -> DISPATCHED;
      case "finished", "completed" -> FINISHED;
      case "canceled", "cancelled" -> CANCELED;
      case "failed", "error" -> FAILED;
      default -> UNKNOWN;
    };
  }

  /**
   * Whether a campaign in this status can still be canceled (it has not started).
   *
   * @return true for {@link #CREATED} and {@link #SCHEDULED}
   */
  public boolean isCancellable() {
    return this == CREATED || this == SCHEDULED;
  }
}
