package dev.blipsdk.whatsapp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An active campaign's kind: requests write {@code Individual}/{@code Batch}, answers {@code INDIVIDUAL}/{@code BATCH}
 * (3P, API doc §3.6); read without regard to case.
 */
public enum CampaignType {
  /** One recipient. */
  INDIVIDUAL,
  /** Many recipients. */
  BATCH,
  /** A kind this SDK does not know. */
  UNKNOWN;

  /**
   * Reads a wire type.
   *
   * @param wire the type as sent, or null
   * @return the type, {@link #UNKNOWN} when unknown or absent
   */
  public static CampaignType fromWire(@Nullable String wire) {
    if (wire == null) {
      return UNKNOWN;
    }
    return switch (wire.trim().toUpperCase(Locale.ROOT)) {
      case "INDIVIDUAL" -> INDIVIDUAL;
      case "BATCH" -> BATCH;
      default -> UNKNOWN;
    };
  }
}
