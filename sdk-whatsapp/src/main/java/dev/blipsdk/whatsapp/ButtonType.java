package dev.blipsdk.whatsapp;

import java.util.Locale;

/** The type of a template button. */
public enum ButtonType {
  /** A quick-reply button; the message may give its payload. */
  QUICK_REPLY,
  /** A URL button; when its URL ends with a variable the message gives the suffix. */
  URL,
  /** A call button. */
  PHONE_NUMBER,
  /** Any other type (copy code, flow, catalog...); the raw value is kept on {@link TemplateButton}. */
  OTHER;

  /**
   * Reads a type without regard to case.
   *
   * @param value for example {@code "QUICK_REPLY"}
   * @return the type, or {@link #OTHER}
   */
  public static ButtonType fromWire(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "QUICK_REPLY" -> QUICK_REPLY;
      case "URL" -> URL;
      case "PHONE_NUMBER" -> PHONE_NUMBER;
      default -> OTHER;
    };
  }
}
