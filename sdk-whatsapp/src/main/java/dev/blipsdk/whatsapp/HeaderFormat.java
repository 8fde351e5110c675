package dev.blipsdk.whatsapp;

import java.util.Locale;

/** The format of a template's header, as declared in the template definition. */
public enum HeaderFormat {
  /** A text header, possibly with one variable. */
  TEXT,
  /** An image header: the message gives an image URL. */
  IMAGE,
  /** A video header: the message gives a video URL. */
  VIDEO,
  /** A document header: the message gives a PDF URL and a file name. */
  DOCUMENT,
  /** A location header. */
  LOCATION,
  /** A format this SDK version does not know; the raw value is kept on {@link TemplateHeader}. */
  UNKNOWN;

  /**
   * Reads a format without regard to case.
   *
   * @param value for example {@code "IMAGE"} or {@code "image"}
   * @return the format, or {@link #UNKNOWN}
   */
  public static HeaderFormat fromWire(String value) {
    try {
      HeaderFormat f = valueOf(value.trim().toUpperCase(Locale.ROOT));
      return f;
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /**
   * The media kind a message must give for this header, if it is a media header.
   *
   * @return the kind, or {@code null} for text, location and unknown headers
   */
  public @org.jspecify.annotations.Nullable MediaKind mediaKind() {
    return switch (this) {
      case IMAGE -> MediaKind.IMAGE;
      case VIDEO -> MediaKind.VIDEO;
      case DOCUMENT -> MediaKind.DOCUMENT;
      default -> null;
    };
  }
}
