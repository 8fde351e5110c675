package dev.blipsdk.whatsapp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How far one campaign recipient's message got, as the campaign's audience and summaries report it
 * ({@code PROCESSED}, {@code SENT}, {@code DELIVERED}, {@code READ}, {@code FAILED}: 3P, API doc §3.6). The order
 * follows the message: use {@link #ordinal()} to compare, as {@link CampaignCounts#atLeast} does.
 */
public enum RecipientStatus {
  /** Not processed yet (the campaign has not reached it; the wire string is UNCONFIRMED). */
  PENDING,
  /** Processed by the campaign engine (the message was accepted). */
  PROCESSED,
  /** Sent to WhatsApp ({@code dispatched}). */
  SENT,
  /** Delivered to the phone ({@code received}). */
  DELIVERED,
  /** Read ({@code consumed}). */
  READ,
  /** Failed (not on WhatsApp, refused by WhatsApp...); the failure carries the reason. */
  FAILED,
  /** A status this SDK does not know. */
  UNKNOWN;

  /**
   * Reads a wire status, without regard to case.
   *
   * @param wire the status as sent, or null
   * @return the status, {@link #UNKNOWN} when unknown or absent
   */
  public static RecipientStatus fromWire(@Nullable String wire) {
    if (wire == null) {
      return UNKNOWN;
    }
    return switch (wire.trim().toUpperCase(Locale.ROOT)) {
      case "PENDING" -> PENDING;
      case "PROCESSED", "ACCEPTED" -> PROCESSED;
      case "SENT", "DISPATCHED" -> SENT;
      case "DELIVERED", "RECEIVED" -> DELIVERED;
      case "READ", "CONSUMED" -> READ;
      case "FAILED" -> FAILED;
      default -> UNKNOWN;
    };
  }
}
