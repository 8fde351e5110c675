package dev.blipsdk.desk;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day (or stretch of time) when the regular weekly hours do not apply, in the local time of the
 * {@link BusinessHours}' zone: a fixed date every year, a one-off date, or a closed stretch of time (Desk's
 * "days off", which may start and end mid-day).
 *
 * <p>A {@link Yearly} or {@link OnDate} holiday replaces that day's weekly intervals with its own
 * {@code hours} (none: closed all day; Go Personal lets a holiday have opening hours too). A {@link Closed}
 * stretch is cut out of whatever would be open. An interval that started the day before and runs past
 * midnight into a holiday is not cut (it belongs to the day it started on); use {@link Closed} for that.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Holiday permits Holiday.Yearly, Holiday.OnDate, Holiday.Closed {
  /** Go Personal's holiday notation, with an optional year for a one-off date. */
  Pattern NOTATION = Pattern.compile("\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?\\s*[-–]\\s*(.*?)\\s*");

  /**
   * The holiday's name (may be empty when Desk stores none).
   *
   * @return the name
   */
  String name();

  /**
   * A holiday on the same date every year, closed all day.
   *
   * @param date the month and day; 29 February applies in leap years only
   * @param name the name
   * @return the holiday
   */
  static Holiday yearly(MonthDay date, String name) {
    return new Yearly(date, name, List.of());
  }

  /**
   * A holiday on one date, closed all day.
   *
   * @param date the date
   * @param name the name
   * @return the holiday
   */
  static Holiday on(LocalDate date, String name) {
    return new OnDate(date, name, List.of());
  }

  /**
   * A closed stretch of local time.
   *
   * @param from the first closed moment
   * @param until the first moment open again (exclusive); after {@code from}
   * @param name the reason
   * @return the holiday
   */
  static Holiday closed(LocalDateTime from, LocalDateTime until, String name) {
    return new Closed(from, until, name);
  }

  /**
   * Parses Go Personal's notation {@code DD/MM - Name} (every year); {@code DD/MM/YYYY - Name} is a one-off
   * date.
   *
   * @param text for example {@code 25/12 - Natal}
   * @return the holiday, closed all day
   * @throws InvalidBusinessHoursException naming {@code holiday} when the text is malformed or the date does
   *     not exist ({@code 31/02})
   */
  static Holiday parse(String text) {
    return parse("holiday", text);
  }

  /** Parses with the given field name in errors. */
  static Holiday parse(String field, String text) {
    Objects.requireNonNull(text, field);
    Matcher m = NOTATION.matcher(text);
    if (!m.matches()) {
      throw new InvalidBusinessHoursException(field, "a holiday is written DD/MM - Name, for example 25/12 - Natal",
          text);
    }
    String name = m.group(4);
    if (name.isBlank()) {
      throw new InvalidBusinessHoursException(field, "a holiday needs a name after the dash", text);
    }
    int day = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    try {
      if (m.group(3) != null) {
        return new OnDate(LocalDate.of(Integer.parseInt(m.group(3)), month, day), name, List.of());
      }
      return new Yearly(MonthDay.of(month, day), name, List.of());
    } catch (DateTimeException e) {
      throw new InvalidBusinessHoursException(field, "DD/MM must be a date that exists", text);
    }
  }

  /**
   * The same date every year.
   *
   * @param date the month and day
   * @param name the name
   * @param hours the opening intervals on that day; empty for closed all day
   */
  record Yearly(MonthDay date, String name, List<OpeningInterval> hours) implements Holiday {
    /** Validates and copies. */
    public Yearly {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(name, "name");
      hours = BusinessHours.checkDay("holiday " + date, hours);
    }

    /** Go Personal's notation: {@code DD/MM - Name}. */
    @Override
    public String toString() {
      return String.format("%02d/%02d - %s%s", date.getDayOfMonth(), date.getMonthValue(), name,
          hours.isEmpty() ? "" : " " + hours);
    }
  }

  /**
   * One date.
   *
   * @param date the date
   * @param name the name
   * @param hours the opening intervals on that day; empty for closed all day
   */
  record OnDate(LocalDate date, String name, List<OpeningInterval> hours) implements Holiday {
    /** Validates and copies. */
    public OnDate {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(name, "name");
      hours = BusinessHours.checkDay("holiday " + date, hours);
    }

    /** Go Personal's notation with the year: {@code DD/MM/YYYY - Name}. */
    @Override
    public String toString() {
      return String.format("%02d/%02d/%04d - %s%s", date.getDayOfMonth(), date.getMonthValue(), date.getYear(),
          name, hours.isEmpty() ? "" : " " + hours);
    }
  }

  /**
   * A closed stretch of local time (Desk's days off).
   *
   * @param from the first closed moment
   * @param until the first moment open again (exclusive)
   * @param name the reason
   */
  record Closed(LocalDateTime from, LocalDateTime until, String name) implements Holiday {
    /**
     * Validates.
     *
     * @throws InvalidBusinessHoursException if {@code until} is not after {@code from}
     */
    public Closed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(name, "name");
      if (!until.isAfter(from)) {
        throw new InvalidBusinessHoursException("holiday", "a closed stretch must end after it starts",
            from + "/" + until);
      }
    }
  }
}
