package dev.blipsdk.desk.internal;

import dev.blipsdk.core.exception.BlipValidationException;
import org.jspecify.annotations.Nullable;

/** The rules a contact's written fields follow; checked when a value is set, before any request. */
public final class ContactRules {
  /** The furthest UTC offsets in use, in hours: UTC-12 and UTC+14. */
  public static final int MIN_TIMEZONE = -12;
  /** See {@link #MIN_TIMEZONE}. */
  public static final int MAX_TIMEZONE = 14;

  private ContactRules() {}

  /**
   * Checks an e-mail address: one {@code @} between a non-empty local part and a domain with a dot, no white
   * space or control characters.
   *
   * @param value the address, or null (no address)
   * @return the value
   * @throws BlipValidationException naming field {@code email}, rule {@code email-address}
   */
  public static @Nullable String email(@Nullable String value) {
    if (value == null) {
      return null;
    }
    int at = value.indexOf('@');
    boolean ok = at > 0 && at == value.lastIndexOf('@') && value.indexOf('.', at + 2) > at + 1
        && !value.endsWith(".") && value.length() <= 254;
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c > 0x20 && c != 0x7f;
    }
    if (!ok) {
      throw new BlipValidationException("email", "email-address",
          "email must be an address such as ana@example.com (one @, a domain with a dot, no spaces)");
    }
    return value;
  }

  /**
   * Checks a time zone offset.
   *
   * @param hours the offset in hours, or null (no offset)
   * @return the value
   * @throws BlipValidationException naming field {@code timezone}, rule {@code utc-offset}
   */
  public static @Nullable Integer timezone(@Nullable Integer hours) {
    if (hours != null && (hours < MIN_TIMEZONE || hours > MAX_TIMEZONE)) {
      throw new BlipValidationException("timezone", "utc-offset", "timezone must be a UTC offset in hours from "
          + MIN_TIMEZONE + " to +" + MAX_TIMEZONE + ", was " + hours);
    }
    return hours;
  }
}
