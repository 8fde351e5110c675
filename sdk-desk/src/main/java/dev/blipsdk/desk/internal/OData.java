package dev.blipsdk.desk.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** OData v2 literals as Blip's {@code $filter} reads them. */
public final class OData {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private OData() {}

  /**
   * A string literal: the value in single quotes, each quote inside doubled ({@code O'Brien} gives
   * {@code 'O''Brien'}).
   *
   * @param value the raw value
   * @return the literal
   */
  public static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A {@code datetimeoffset'...'} literal in UTC with milliseconds, as the docs show.
   *
   * @param instant the instant
   * @return the literal
   */
  public static String dateTime(Instant instant) {
    return "datetimeoffset'" + MILLIS.format(instant) + "'";
  }
}
