package dev.blipsdk.desk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening interval of a day, in the local time of the {@link BusinessHours}' zone.
 *
 * <ul>
 *   <li>An {@code end} of {@code 00:00} means midnight at the end of the day (Go Personal writes
 *       {@code 24:00}); {@code 00:00-00:00} is the whole day.</li>
 *   <li>An {@code end} before the {@code start} means the interval runs past midnight into the next day
 *       ({@code 22:00-02:00}); it belongs to the day it starts on. Only
 *       {@link BusinessHours.Builder#openOvernight} and Desk's own data make such intervals; the Go Personal
 *       notation refuses them.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param start when it opens
 * @param end when it closes ({@code 00:00} for midnight at the end of the day)
 */
public record OpeningInterval(LocalTime start, LocalTime end) {
  private static final Pattern NOTATION =
      Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\s*");

  /**
   * Validates.
   *
   * @throws InvalidBusinessHoursException if the interval is empty (same start and end, other than the
   *     whole day {@code 00:00-00:00})
   */
  public OpeningInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
      throw new InvalidBusinessHoursException("interval", "an interval must not be empty", start + "-" + end);
    }
  }

  /**
   * The whole day, {@code 00:00-24:00}.
   *
   * @return the interval
   */
  public static OpeningInterval wholeDay() {
    return new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  /**
   * Parses Go Personal's notation {@code HH:mm-HH:mm}, where the end may be {@code 24:00} and must come
   * after the start.
   *
   * @param text for example {@code 08:00-12:00} or {@code 18:00-24:00}
   * @return the interval
   * @throws InvalidBusinessHoursException naming {@code interval} when the text is malformed
   */
  public static OpeningInterval parse(String text) {
    return parse("interval", text);
  }

  static OpeningInterval parse(String field, String text) {
    Objects.requireNonNull(text, field);
    Matcher m = NOTATION.matcher(text);
    if (!m.matches()) {
      throw new InvalidBusinessHoursException(field, "an interval is written HH:mm-HH:mm, for example 08:00-18:00",
          text);
    }
    int sh = Integer.parseInt(m.group(1));
    int sm = Integer.parseInt(m.group(2));
    int eh = Integer.parseInt(m.group(3));
    int em = Integer.parseInt(m.group(4));
    LocalTime start = time(field + ".start", sh, sm, false, text);
    LocalTime end = time(field + ".end", eh, em, true, text);
    int startMinute = sh * 60 + sm;
    int endMinute = eh * 60 + em;
    if (endMinute <= startMinute) {
      throw new InvalidBusinessHoursException(field, "an interval must end after it starts (write 24:00 for"
          + " midnight; an interval past midnight is two intervals, one on each day)", text);
    }
    return new OpeningInterval(start, end);
  }

  private static LocalTime time(String field, int hour, int minute, boolean end, String text) {
    if (minute > 59 || hour > 24 || (hour == 24 && (minute != 0 || !end))) {
      throw new InvalidBusinessHoursException(field, end ? "a closing time is 00:00 to 24:00"
          : "an opening time is 00:00 to 23:59", text);
    }
    return hour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(hour, minute);
  }

  /**
   * Whether it runs past midnight into the next day.
   *
   * @return true for an interval such as {@code 22:00-02:00}
   */
  public boolean crossesMidnight() {
    return !end.equals(LocalTime.MIDNIGHT) && end.isBefore(start);
  }

  /** Minutes from the start of its day to the start. */
  int startMinute() {
    return start.getHour() * 60 + start.getMinute();
  }

  /** Minutes from the start of its day to the end: up to 1440 for midnight, more when it crosses midnight. */
  int endMinute() {
    int e = end.getHour() * 60 + end.getMinute();
    if (end.equals(LocalTime.MIDNIGHT)) {
      return 24 * 60;
    }
    return e < startMinute() ? e + 24 * 60 : e;
  }

  /** The local end when the interval starts on {@code day}. */
  LocalDateTime endOn(LocalDate day) {
    if (end.equals(LocalTime.MIDNIGHT) || crossesMidnight()) {
      return day.plusDays(1).atTime(end);
    }
    return day.atTime(end);
  }

  /**
   * Go Personal's notation, {@code 24:00} for midnight; {@code (+1)} marks an interval past midnight.
   *
   * @return for example {@code 08:00-24:00}
   */
  @Override
  public String toString() {
    String e = end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
    return start + "-" + e + (crossesMidnight() ? "(+1)" : "");
  }
}
