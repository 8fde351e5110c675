package dev.blipsdk.core.internal.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The date and duration forms Blip writes, in one place.
 *
 * <ul>
 *   <li>Instants: ISO-8601 with or without fraction and with or without an offset ({@code 2019-12-04T13:45:25Z},
 *       {@code 2019-12-04T13:45:25.664+00:00}, {@code 2019-12-04T13:45:25.6641234} taken as UTC), or epoch time
 *       as a number or a numeric string: milliseconds, or seconds when the magnitude is below
 *       {@value #SECONDS_BELOW} (before 1973 in milliseconds, after the year 5000 in seconds).
 *   <li>Durations: .NET TimeSpans {@code [-][d.]hh:mm:ss[.fffffff]} (seven fractional digits are exact),
 *       ISO-8601 ({@code PT1M30S}) or a number of seconds.
 * </ul>
 */
public final class TimeFormats {
  /** Epoch values whose magnitude is below this are seconds; at or above, milliseconds. */
  public static final long SECONDS_BELOW = 100_000_000_000L;

  private TimeFormats() {}

  /**
   * Reads an instant from text.
   *
   * @param text ISO-8601 or epoch seconds/milliseconds
   * @return the instant
   * @throws DateTimeParseException if the text is neither
   */
  public static Instant instant(String text) {
    Instant fast = isoFast(text);
    if (fast != null) {
      return fast;
    }
    String s = text.trim();
    if (!s.isEmpty() && (Character.isDigit(s.charAt(s.length() - 1)) && isNumber(s))) {
      return epoch(new BigDecimal(s));
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      }
    }
  }

  /**
   * The common forms without a formatter (which allocates a parse context per call):
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|+hh:mm|-hh:mm]}; null for anything else, which the full parsers read.
   */
  private static @Nullable Instant isoFast(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      char c = s.charAt(i);
      if ((c == 'Z' || c == 'z') && i == n - 1) {
        offsetSeconds = 0;
      } else if ((c == '+' || c == '-') && i == n - 6 && s.charAt(i + 3) == ':') {
        int oh = digits(s, i + 1, 2);
        int om = digits(s, i + 4, 2);
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
          return null;
        }
        offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
      } else {
        return null;
      }
    }
    if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null; // the full parser reports the bad date
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isDigit(c) || c == '.' || (c == '-' && i == 0))) {
        return false;
      }
    }
    return true;
  }

  /**
   * An instant from epoch time: seconds when the magnitude is below {@link #SECONDS_BELOW}, else milliseconds.
   *
   * @param value the number, fractions allowed
   * @return the instant
   */
  public static Instant epoch(BigDecimal value) {
    BigDecimal nanos = value.abs().compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0
        ? value.movePointRight(9) : value.movePointRight(6);
    BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValue());
  }

  /**
   * An instant from whole epoch time (seconds or milliseconds as {@link #epoch(BigDecimal)} decides).
   *
   * @param value the number
   * @return the instant
   */
  public static Instant epoch(long value) {
    return Math.abs(value) < SECONDS_BELOW ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
  }

  /**
   * Reads a duration from text.
   *
   * @param text a TimeSpan, ISO-8601 or a number of seconds
   * @return the duration, or null when the text has none of these forms
   */
  public static @Nullable Duration duration(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      if (s.startsWith("P") || s.startsWith("-P")) {
        return Duration.parse(s);
      }
      if (s.indexOf(':') < 0) {
        return seconds(new BigDecimal(s));
      }
      return timeSpan(s);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * A duration from a number of seconds (fractions kept to the nanosecond).
   *
   * @param seconds the seconds
   * @return the duration
   */
  public static Duration seconds(BigDecimal seconds) {
    BigDecimal[] parts = seconds.movePointRight(9).divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValue());
  }

  /** {@code [-][d.]hh:mm:ss[.fffffff]}, or null. */
  private static @Nullable Duration timeSpan(String s) {
    boolean negative = s.startsWith("-");
    String t = negative ? s.substring(1) : s;
    int c1 = t.indexOf(':');
    int c2 = t.indexOf(':', c1 + 1);
    if (c1 < 0 || c2 < 0 || t.indexOf(':', c2 + 1) >= 0) {
      return null;
    }
    String head = t.substring(0, c1);
    long days = 0;
    int dot = head.indexOf('.');
    if (dot >= 0) {
      days = Long.parseLong(head.substring(0, dot));
      head = head.substring(dot + 1);
    }
    long hours = Long.parseLong(head);
    long minutes = Long.parseLong(t.substring(c1 + 1, c2));
    String sec = t.substring(c2 + 1);
    if (sec.isEmpty() || sec.startsWith("-") || sec.startsWith("+")) {
      return null;
    }
    Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plus(seconds(new BigDecimal(sec)));
    return negative ? d.negated() : d;
  }
}
