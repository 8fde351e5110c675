package dev.blipsdk.desk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When human attendance is open: weekly intervals in a time zone, holidays, or a 24-hour mode. Read it from
 * Desk ({@link AttendanceHours}), build it in code, or parse Blip Go Personal's notation.
 *
 * <pre>{@code
 * BusinessHours hours = BusinessHours.builder(ZoneId.of("America/Sao_Paulo"))
 *     .open(DayOfWeek.MONDAY, "08:00-12:00", "13:00-18:00")   // Go Personal notation, up to 3 per day
 *     .openWeekdays("08:00-18:00")
 *     .holiday("25/12 - Natal")                                // every year
 *     .build();
 * if (!hours.isOpen(now)) {
 *   Instant opens = hours.nextOpening(now).orElseThrow();
 * }
 * }</pre>
 *
 * <p><b>How time is read.</b> Intervals are local wall-clock times in {@link #zone()}, so "08:00" is 08:00
 * before and after a daylight-saving change. On the night clocks go forward, a time that does not exist
 * means the first moment after the gap (an opening at 00:00 on the night clocks jump to 01:00 opens at
 * 01:00); on the night clocks go back, a repeated time means its first occurrence. An interval that ends
 * at or before it starts runs past midnight ({@link OpeningInterval#crossesMidnight()}); intervals that touch
 * (Friday {@code 22:00-24:00} and Saturday {@code 00:00-02:00}) form one open stretch, so
 * {@link #nextClosing(Instant)} on Friday at 23:00 answers Saturday 02:00.
 *
 * <p>Answers are searched up to eight years ahead; a schedule with no opening (or no closing) in that span
 * answers empty. Immutable and thread-safe.
 */
public final class BusinessHours {
  /** At most this many intervals per day in Go Personal's notation. */
  public static final int GO_PERSONAL_MAX_INTERVALS_PER_DAY = 3;
  private static final int HORIZON_DAYS = 366 * 8;

  private final ZoneId zone;
  private final boolean alwaysOpen;
  private final Map<DayOfWeek, List<OpeningInterval>> week;
  private final List<Holiday> holidays;
  /** Closed stretches as instants, sorted by start. */
  private final List<Span> closures;

  private BusinessHours(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<OpeningInterval>> week,
      List<Holiday> holidays) {
    this.zone = zone;
    this.alwaysOpen = alwaysOpen;
    EnumMap<DayOfWeek, List<OpeningInterval>> copy = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      copy.put(d, List.copyOf(week.getOrDefault(d, List.of())));
    }
    this.week = Collections.unmodifiableMap(copy);
    this.holidays = List.copyOf(holidays);
    List<Span> closed = new ArrayList<>();
    for (Holiday h : holidays) {
      if (h instanceof Holiday.Closed c) {
        closed.add(new Span(instant(c.from()), instant(c.until())));
      }
    }
    closed.sort(Comparator.comparing(Span::start));
    this.closures = List.copyOf(closed);
  }

  /**
   * Open around the clock (Go Personal's "Atendimento 24h"; holidays do not apply in this mode).
   *
   * @param zone the time zone
   * @return the hours
   */
  public static BusinessHours alwaysOpen(ZoneId zone) {
    return new BusinessHours(Objects.requireNonNull(zone, "zone"), true, Map.of(), List.of());
  }

  /**
   * A builder.
   *
   * @param zone the time zone the intervals are in
   * @return the builder
   */
  public static Builder builder(ZoneId zone) {
    return new Builder(Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Parses Blip Go Personal's notation, one setting per line (blank lines and lines starting with {@code #}
   * are skipped):
   * <pre>
   * seg-sex: 08:00-12:00, 13:00-18:00     # days in Portuguese or English, ranges and lists
   * sab: 09:00-13:00
   * dom: fechado                          # or "closed"; a day not named is closed too
   * 25/12 - Natal                         # a holiday every year; 25/12/2026 - X for one date
   * </pre>
   * or the single line {@code 24h} for the 24-hour mode. Intervals follow Go Personal: {@code HH:mm-HH:mm},
   * {@code 24:00} for midnight, ending after they start, at most three per day, not overlapping.
   *
   * @param zone the time zone
   * @param text the notation
   * @return the hours
   * @throws InvalidBusinessHoursException naming the line and the rule, for the first thing wrong
   */
  public static BusinessHours parse(ZoneId zone, String text) {
    Objects.requireNonNull(text, "text");
    Builder b = builder(zone);
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + (i + 1);
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.equals("24h") || lower.equals("24 h") || lower.equals("24 horas") || lower.equals("atendimento 24h")) {
        b.alwaysOpen();
        continue;
      }
      if (Holiday.NOTATION.matcher(line).matches()) {
        b.holidays.add(Holiday.parse(where, line));
        continue;
      }
      Matcher m = DAY_LINE.matcher(line);
      if (!m.matches()) {
        throw new InvalidBusinessHoursException(where, "a line is 'days: intervals', 'DD/MM - Name' or '24h'", line);
      }
      List<DayOfWeek> days = days(where, m.group(1));
      String rest = m.group(2).trim();
      String restLower = rest.toLowerCase(Locale.ROOT);
      if (restLower.equals("fechado") || restLower.equals("closed") || rest.isEmpty()) {
        for (DayOfWeek d : days) {
          b.week.computeIfAbsent(d, k -> new ArrayList<>());
        }
        continue;
      }
      String[] parts = rest.split("[,;]");
      for (DayOfWeek d : days) {
        for (String p : parts) {
          b.addNotation(d, where + " (" + d.name().toLowerCase(Locale.ROOT) + ")", p);
        }
      }
    }
    return b.build();
  }

  private static final Pattern DAY_LINE = Pattern.compile("([\\p{L}.\\s,\\-–]+?)\\s*:\\s*(.*)");

  private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

  private static Map<String, DayOfWeek> dayNames() {
    Map<String, DayOfWeek> m = new java.util.HashMap<>();
    String[][] names = {
        {"mon", "monday", "seg", "segunda", "segunda-feira"},
        {"tue", "tuesday", "ter", "terca", "terça", "terça-feira", "terca-feira"},
        {"wed", "wednesday", "qua", "quarta", "quarta-feira"},
        {"thu", "thursday", "qui", "quinta", "quinta-feira"},
        {"fri", "friday", "sex", "sexta", "sexta-feira"},
        {"sat", "saturday", "sab", "sáb", "sabado", "sábado"},
        {"sun", "sunday", "dom", "domingo"}};
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, DayOfWeek.of(i + 1));
      }
    }
    return Map.copyOf(m);
  }

  private static List<DayOfWeek> days(String where, String text) {
    List<DayOfWeek> out = new ArrayList<>();
    for (String item : text.split(",")) {
      String t = item.trim().toLowerCase(Locale.ROOT).replace(".", "");
      int dash = rangeDash(t);
      if (dash > 0) {
        DayOfWeek from = day(where, t.substring(0, dash).trim());
        DayOfWeek to = day(where, t.substring(dash + 1).trim());
        DayOfWeek d = from;
        while (true) {
          out.add(d);
          if (d == to) {
            break;
          }
          d = d.plus(1);
        }
      } else {
        out.add(day(where, t));
      }
    }
    return out;
  }

  /** The dash of a range "seg-sex", not the one inside "segunda-feira". */
  private static int rangeDash(String t) {
    if (DAY_NAMES.containsKey(t)) {
      return -1;
    }
    int i = t.indexOf('–');
    if (i > 0) {
      return i;
    }
    for (int j = t.indexOf('-'); j > 0; j = t.indexOf('-', j + 1)) {
      if (DAY_NAMES.containsKey(t.substring(0, j).trim()) && DAY_NAMES.containsKey(t.substring(j + 1).trim())) {
        return j;
      }
    }
    return -1;
  }

  private static DayOfWeek day(String where, String name) {
    DayOfWeek d = DAY_NAMES.get(name.trim());
    if (d == null) {
      throw new InvalidBusinessHoursException(where, "a day is seg..dom or mon..sun (or its full name)", name);
    }
    return d;
  }

  /**
   * The time zone of the intervals and holidays.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Whether this is the 24-hour mode.
   *
   * @return true when always open
   */
  public boolean isAlwaysOpen() {
    return alwaysOpen;
  }

  /**
   * The weekly intervals of a day (empty: closed; always empty in 24-hour mode).
   *
   * @param day the day
   * @return the intervals, sorted by start
   */
  public List<OpeningInterval> intervals(DayOfWeek day) {
    return week.get(Objects.requireNonNull(day, "day"));
  }

  /**
   * The holidays, in the order given.
   *
   * @return the holidays
   */
  public List<Holiday> holidays() {
    return holidays;
  }

  /**
   * The same schedule in another zone (the local times stay the same).
   *
   * @param other the zone
   * @return the copy
   */
  public BusinessHours withZone(ZoneId other) {
    return new BusinessHours(Objects.requireNonNull(other, "zone"), alwaysOpen, week, holidays);
  }

  /**
   * Whether attendance is open at an instant.
   *
   * @param at the instant
   * @return true when open
   */
  public boolean isOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    if (alwaysOpen) {
      return true;
    }
    Cursor c = new Cursor(localDate(at).minusDays(1));
    for (Span s = c.next(); s != null; s = c.next()) {
      if (s.end.isAfter(at)) {
        return !s.start.isAfter(at);
      }
    }
    return false;
  }

  /**
   * The next moment attendance opens, at or after an instant: the start of the next open stretch. When it is
   * open at {@code from}, that is the opening after the current stretch closes.
   *
   * @param from the instant
   * @return the opening, or empty when it never opens (24-hour mode included: it never closes to reopen)
   */
  public Optional<Instant> nextOpening(Instant from) {
    Objects.requireNonNull(from, "from");
    if (alwaysOpen) {
      return Optional.empty();
    }
    Cursor c = new Cursor(localDate(from).minusDays(1));
    for (Span s = c.next(); s != null; s = c.next()) {
      if (!s.start.isBefore(from)) {
        return Optional.of(s.start);
      }
    }
    return Optional.empty();
  }

  /**
   * The next moment attendance closes, at or after an instant: the end of the open stretch {@code from} is
   * in, or of the next one when it is closed at {@code from}.
   *
   * @param from the instant
   * @return the closing, or empty when it never closes (24-hour mode, or open every minute of the week)
   */
  public Optional<Instant> nextClosing(Instant from) {
    Objects.requireNonNull(from, "from");
    if (alwaysOpen) {
      return Optional.empty();
    }
    Cursor c = new Cursor(localDate(from).minusDays(1));
    for (Span s = c.next(); s != null; s = c.next()) {
      if (!s.end.isBefore(from)) {
        return c.truncated && s == c.last ? Optional.empty() : Optional.of(s.end);
      }
    }
    return Optional.empty();
  }

  private LocalDate localDate(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  private Instant instant(LocalDateTime local) {
    return local.atZone(zone).toInstant();
  }

  /** The intervals that apply on a date: a holiday's own, or the weekday's. */
  private List<OpeningInterval> intervalsOn(LocalDate date) {
    for (Holiday h : holidays) {
      if (h instanceof Holiday.OnDate d && d.date().equals(date)) {
        return d.hours();
      }
    }
    for (Holiday h : holidays) {
      if (h instanceof Holiday.Yearly y && y.date().getMonth() == date.getMonth()
          && y.date().getDayOfMonth() == date.getDayOfMonth()) {
        return y.hours();
      }
    }
    return week.get(date.getDayOfWeek());
  }

  /** An open stretch [start, end). */
  private record Span(Instant start, Instant end) {}

  /** Walks the merged open stretches day by day, from a date, up to the horizon. */
  private final class Cursor {
    private LocalDate day;
    private final LocalDate lastDay;
    private final List<Span> pending = new ArrayList<>();
    private int index;
    private @Nullable Span carry;
    /** Whether the last stretch returned was cut by the horizon. */
    boolean truncated;
    @Nullable Span last;

    Cursor(LocalDate from) {
      this.day = from;
      this.lastDay = from.plusDays(HORIZON_DAYS);
    }

    /** The next merged stretch, or null past the horizon. */
    @Nullable Span next() {
      while (true) {
        Span raw = nextRaw();
        if (raw == null) {
          Span out = carry;
          carry = null;
          truncated = out != null;
          last = out;
          return out;
        }
        if (carry == null) {
          carry = raw;
        } else if (!raw.start.isAfter(carry.end)) {
          carry = new Span(carry.start, raw.end.isAfter(carry.end) ? raw.end : carry.end);
        } else {
          Span out = carry;
          carry = raw;
          last = out;
          return out;
        }
      }
    }

    private @Nullable Span nextRaw() {
      while (index >= pending.size()) {
        if (day.isAfter(lastDay)) {
          return null;
        }
        pending.clear();
        index = 0;
        for (OpeningInterval iv : intervalsOn(day)) {
          Instant s = instant(day.atTime(iv.start()));
          Instant e = instant(iv.endOn(day));
          if (e.isAfter(s)) {
            cut(new Span(s, e), pending);
          }
        }
        pending.sort(Comparator.comparing(Span::start));
        day = day.plusDays(1);
      }
      return pending.get(index++);
    }

    /** Adds what is left of a stretch once the closed stretches are cut out of it. */
    private void cut(Span span, List<Span> out) {
      Instant start = span.start;
      for (Span c : closures) {
        if (!c.end.isAfter(start) || !c.start.isBefore(span.end)) {
          continue;
        }
        if (c.start.isAfter(start)) {
          out.add(new Span(start, c.start));
        }
        if (c.end.isAfter(start)) {
          start = c.end;
        }
      }
      if (start.isBefore(span.end)) {
        out.add(new Span(start, span.end));
      }
    }
  }

  /** Sorts one day's intervals and checks they do not overlap; returns an unmodifiable copy. */
  static List<OpeningInterval> checkDay(String field, List<OpeningInterval> intervals) {
    Objects.requireNonNull(intervals, field);
    List<OpeningInterval> sorted = new ArrayList<>(intervals);
    for (OpeningInterval iv : sorted) {
      Objects.requireNonNull(iv, field);
    }
    sorted.sort(Comparator.comparingInt(OpeningInterval::startMinute));
    for (int i = 1; i < sorted.size(); i++) {
      OpeningInterval prev = sorted.get(i - 1);
      OpeningInterval cur = sorted.get(i);
      if (cur.startMinute() < prev.endMinute()) {
        throw new InvalidBusinessHoursException(field, "the intervals of a day must not overlap", prev + " and " + cur);
      }
    }
    return List.copyOf(sorted);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BusinessHours b && b.zone.equals(zone) && b.alwaysOpen == alwaysOpen && b.week.equals(week)
        && b.holidays.equals(holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, alwaysOpen, week, holidays);
  }

  /** The schedule in Go Personal's notation, with the zone; holds no personal data. */
  @Override
  public String toString() {
    if (alwaysOpen) {
      return "BusinessHours{" + zone + ", 24h}";
    }
    StringBuilder sb = new StringBuilder("BusinessHours{").append(zone);
    for (DayOfWeek d : DayOfWeek.values()) {
      List<OpeningInterval> l = week.get(d);
      if (!l.isEmpty()) {
        sb.append(", ").append(d.name(), 0, 3).append(' ').append(l);
      }
    }
    if (!holidays.isEmpty()) {
      sb.append(", holidays=").append(holidays.size());
    }
    return sb.append('}').toString();
  }

  /**
   * Builds {@link BusinessHours}. Each method checks its input at once (an
   * {@link InvalidBusinessHoursException} naming the day and the interval); {@link #build()} checks the
   * whole. Not thread-safe.
   */
  public static final class Builder {
    private final ZoneId zone;
    private final EnumMap<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
    private final EnumMap<DayOfWeek, Integer> notationCount = new EnumMap<>(DayOfWeek.class);
    private final List<Holiday> holidays = new ArrayList<>();
    private boolean alwaysOpen;

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /**
     * Adds intervals to a day in Go Personal's notation ({@code 08:00-12:00}, {@code 18:00-24:00}): at most
     * three per day, each ending after it starts.
     *
     * @param day the day
     * @param intervals the intervals
     * @return this builder
     * @throws InvalidBusinessHoursException on a malformed interval or a fourth one
     */
    public Builder open(DayOfWeek day, String... intervals) {
      Objects.requireNonNull(day, "day");
      for (String s : intervals) {
        addNotation(day, day.name().toLowerCase(Locale.ROOT), s);
      }
      return this;
    }

    /**
     * The same intervals, in Go Personal's notation, Monday to Friday.
     *
     * @param intervals the intervals
     * @return this builder
     */
    public Builder openWeekdays(String... intervals) {
      for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY)) {
        open(d, intervals);
      }
      return this;
    }

    private void addNotation(DayOfWeek day, String where, String text) {
      int n = notationCount.getOrDefault(day, 0);
      String field = where + "[" + n + "]";
      OpeningInterval iv = OpeningInterval.parse(field, text);
      if (n >= GO_PERSONAL_MAX_INTERVALS_PER_DAY) {
        throw new InvalidBusinessHoursException(field, "at most " + GO_PERSONAL_MAX_INTERVALS_PER_DAY
            + " intervals per day", text.trim());
      }
      notationCount.put(day, n + 1);
      add(day, iv, field);
    }

    /**
     * Adds an interval that ends on the same day ({@code end} {@code 00:00} means midnight at the end of the
     * day).
     *
     * @param day the day
     * @param start the opening time
     * @param end the closing time, after {@code start} (or {@code 00:00})
     * @return this builder
     * @throws InvalidBusinessHoursException if it ends before it starts: use
     *     {@link #openOvernight(DayOfWeek, LocalTime, LocalTime)} for that
     */
    public Builder open(DayOfWeek day, LocalTime start, LocalTime end) {
      OpeningInterval iv = new OpeningInterval(start, end);
      if (iv.crossesMidnight()) {
        throw new InvalidBusinessHoursException(day.name().toLowerCase(Locale.ROOT), "an interval must end after it"
            + " starts; use openOvernight for one that runs past midnight", iv.toString());
      }
      add(day, iv, day.name().toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Adds an interval that starts on {@code day} and ends on the next day, for example Friday 22:00 to
     * Saturday 02:00.
     *
     * @param day the day it starts on
     * @param start the opening time
     * @param end the closing time on the next day, before {@code start}
     * @return this builder
     * @throws InvalidBusinessHoursException if {@code end} is not before {@code start}
     */
    public Builder openOvernight(DayOfWeek day, LocalTime start, LocalTime end) {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isBefore(start) || end.equals(LocalTime.MIDNIGHT)) {
        throw new InvalidBusinessHoursException(day.name().toLowerCase(Locale.ROOT), "an overnight interval ends"
            + " the next day, before its start time (and after 00:00)", start + "-" + end);
      }
      add(day, new OpeningInterval(start, end), day.name().toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Adds an interval as it is, same-day or past midnight (how Desk data is read).
     *
     * @param day the day it starts on
     * @param interval the interval
     * @return this builder
     */
    public Builder open(DayOfWeek day, OpeningInterval interval) {
      add(Objects.requireNonNull(day, "day"), Objects.requireNonNull(interval, "interval"),
          day.name().toLowerCase(Locale.ROOT));
      return this;
    }

    private void add(DayOfWeek day, OpeningInterval iv, String field) {
      List<OpeningInterval> l = new ArrayList<>(week.getOrDefault(day, List.of()));
      l.add(iv);
      checkDay(field, l);
      week.put(day, l);
    }

    /**
     * Adds a holiday.
     *
     * @param holiday the holiday
     * @return this builder
     */
    public Builder holiday(Holiday holiday) {
      holidays.add(Objects.requireNonNull(holiday, "holiday"));
      return this;
    }

    /**
     * Adds a holiday in Go Personal's notation, {@code DD/MM - Name} (every year) or
     * {@code DD/MM/YYYY - Name} (one date).
     *
     * @param notation the holiday
     * @return this builder
     * @throws InvalidBusinessHoursException on a malformed holiday or a date that does not exist
     */
    public Builder holiday(String notation) {
      holidays.add(Holiday.parse("holidays[" + holidays.size() + "]", notation));
      return this;
    }

    /**
     * Switches to the 24-hour mode: always open; no intervals or holidays may be set with it.
     *
     * @return this builder
     */
    public Builder alwaysOpen() {
      this.alwaysOpen = true;
      return this;
    }

    /**
     * Builds the hours.
     *
     * @return the hours
     * @throws InvalidBusinessHoursException if the 24-hour mode is combined with intervals or holidays
     */
    public BusinessHours build() {
      if (alwaysOpen) {
        if (!holidays.isEmpty()) {
          throw new InvalidBusinessHoursException("holidays", "holidays cannot be set in 24-hour mode",
              holidays.get(0).name());
        }
        for (Map.Entry<DayOfWeek, List<OpeningInterval>> e : week.entrySet()) {
          if (!e.getValue().isEmpty()) {
            throw new InvalidBusinessHoursException(e.getKey().name().toLowerCase(Locale.ROOT),
                "intervals cannot be set in 24-hour mode", e.getValue().toString());
          }
        }
        return BusinessHours.alwaysOpen(zone);
      }
      return new BusinessHours(zone, false, week, holidays);
    }
  }
}
