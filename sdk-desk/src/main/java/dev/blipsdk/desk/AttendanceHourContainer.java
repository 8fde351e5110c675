package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.WindowsTimeZones;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Desk attendance-hour rule, {@code application/vnd.iris.desk.attendance-hour-container+json}: a header,
 * the weekly schedule items, the days off, and the queues and agents it applies to. The record mirrors the
 * document field for field; {@link #businessHours()} turns it into {@link BusinessHours}.
 *
 * <p><b>UNCONFIRMED</b> (API doc §5.8, not in Blip's public docs): the shape comes from one logged live
 * response and from clients of the Desk portal. How it is read:
 * <ul>
 *   <li>{@code timeZoneId} is a Windows id ({@code E. South America Standard Time}), mapped to IANA with
 *       CLDR's table; an IANA id is accepted as is;</li>
 *   <li>{@code dayOfWeek} is a name ({@code Monday}) or a .NET number (Sunday = 0); times are {@code HH:mm:ss}
 *       or {@code HH:mm}; an end of {@code 23:59} (or {@code 23:59:59}, or {@code 00:00}) means midnight at
 *       the end of the day, as the portal writes it; an end before the start runs past midnight;</li>
 *   <li>days off ({@code attendanceHourOffItems}) carry local wall-clock times marked as UTC (the portal's
 *       habit): the offset is ignored and the times read in the rule's zone; an end at {@code 23:59} closes
 *       the whole day.</li>
 * </ul>
 *
 * <p>Every part keeps its own document in {@code raw()} (the rule, its header, each schedule item, day off, queue
 * and agent), so the copies ({@link #withBusinessHours}, {@link #withQueues}) and {@link AttendanceHours#save}
 * write back, at each level, the members the SDK does not model (the portal's {@code scheduleId}, for example),
 * JSON nulls included.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attendanceHour the header (id, title, whether it is the main rule, time zone)
 * @param attendanceHourScheduleItems the weekly intervals; several on a day are several intervals
 * @param attendanceHourOffItems the days off
 * @param queues the queues this rule applies to (empty for the main rule)
 * @param attendants the agents this rule applies to
 * @param raw the whole document as Desk sent it (an empty object for a rule made in code)
 */
public record AttendanceHourContainer(Header attendanceHour, List<ScheduleItem> attendanceHourScheduleItems,
    List<OffItem> attendanceHourOffItems, List<Ref> queues, List<Ref> attendants, JsonDocument raw) {


  /**
   * Copies the lists; a missing {@code raw} becomes an empty object.
   *
   * @throws NullPointerException if the header is missing
   */
  public AttendanceHourContainer {
    Objects.requireNonNull(attendanceHour, "attendanceHour");
    attendanceHourScheduleItems = List.copyOf(attendanceHourScheduleItems);
    attendanceHourOffItems = List.copyOf(attendanceHourOffItems);
    queues = List.copyOf(queues);
    attendants = List.copyOf(attendants);
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /**
   * The header of a rule ({@code attendanceHour}).
   *
   * @param id the rule id (a UUID), or null before it is created
   * @param title the title
   * @param description the description
   * @param isMain whether this is the bot's default rule
   * @param ownerIdentity the bot, or null
   * @param storageDate when it was created, as sent, or null
   * @param modifyDate when it last changed, as sent, or null
   * @param timeZoneId the Windows time-zone id, or null
   * @param raw the header as Desk sent it (an item of {@link AttendanceHours#list()}, or the {@code attendanceHour}
   *     of a rule); an empty object for a header made in code
   */
  public record Header(@Nullable String id, @Nullable String title, @Nullable String description, boolean isMain,
      @Nullable String ownerIdentity, @Nullable String storageDate, @Nullable String modifyDate,
      @Nullable String timeZoneId, JsonDocument raw) {


    /** A missing {@code raw} becomes an empty object. */
    public Header {
      raw = raw == null ? WriteBack.EMPTY : raw;
    }

  }

  /**
   * One weekly interval ({@code attendanceHourScheduleItems[]}).
   *
   * @param id the item id, or null
   * @param dayOfWeek {@code Monday}..{@code Sunday}, or a .NET number as text (Sunday = 0)
   * @param startTime {@code HH:mm:ss} or {@code HH:mm}
   * @param endTime {@code HH:mm:ss} or {@code HH:mm}
   * @param raw the item as Desk sent it (an empty object for an item made in code)
   */
  public record ScheduleItem(@Nullable String id, @Nullable String dayOfWeek, @Nullable String startTime,
      @Nullable String endTime, JsonDocument raw) {


    /** A missing {@code raw} becomes an empty object. */
    public ScheduleItem {
      raw = raw == null ? WriteBack.EMPTY : raw;
    }

  }

  /**
   * One day off ({@code attendanceHourOffItems[]}).
   *
   * @param id the item id, or null
   * @param reason the reason, or null
   * @param startDate local wall-clock start, ISO (marked UTC by the portal)
   * @param endDate local wall-clock end, ISO (marked UTC by the portal)
   * @param raw the item as Desk sent it (an empty object for an item made in code)
   */
  public record OffItem(@Nullable String id, @Nullable String reason, @Nullable String startDate,
      @Nullable String endDate, JsonDocument raw) {


    /** A missing {@code raw} becomes an empty object. */
    public OffItem {
      raw = raw == null ? WriteBack.EMPTY : raw;
    }

  }

  /**
   * A queue or agent a rule applies to.
   *
   * @param id the queue's unique id, or the agent identity
   * @param description the queue name, or the agent's e-mail
   * @param raw the reference as Desk sent it (an empty object for one made in code)
   */
  public record Ref(@Nullable String id, @Nullable String description, JsonDocument raw) {


    /** A missing {@code raw} becomes an empty object. */
    public Ref {
      raw = raw == null ? WriteBack.EMPTY : raw;
    }

    /**
     * A reference made in code.
     *
     * @param id the queue's unique id, or the agent identity
     * @param description the queue name, or the agent's e-mail
     */
    public Ref(@Nullable String id, @Nullable String description) {
      this(id, description, null);
    }


    /** Says only whether the fields are set: an agent's id and description are e-mail addresses. */
    @Override
    public String toString() {
      return "Ref{id=" + (id == null ? "null" : "…") + "}";
    }
  }

  /**
   * A new rule (no id yet) from business hours, for {@link AttendanceHours#save}. Yearly holidays become days
   * off for the year of {@code today} and the next (Desk stores dates, not yearly ones).
   *
   * @param title the title
   * @param hours the hours; not 24-hour mode (Desk has none: give every day {@code 00:00-24:00})
   * @param today the date yearly holidays start from
   * @return the container
   * @throws BlipValidationException if the hours are in 24-hour mode or their zone has no Windows id
   */
  public static AttendanceHourContainer of(String title, BusinessHours hours, LocalDate today) {
    Objects.requireNonNull(title, "title");
    Header header = new Header(null, title, "", false, null, null, null, windowsId(hours), null);
    return new AttendanceHourContainer(header, scheduleOf(hours), offItemsOf(hours, today), List.of(), List.of(),
        null);
  }

  /**
   * A copy with another schedule, days off and time zone, keeping the header, the queues, the agents and the
   * fields the SDK does not model (of the rule and of its header; the old schedule and days off are replaced).
   *
   * @param hours the new hours
   * @param today the date yearly holidays start from
   * @return the copy
   * @throws BlipValidationException as {@link #of(String, BusinessHours, LocalDate)}
   */
  public AttendanceHourContainer withBusinessHours(BusinessHours hours, LocalDate today) {
    Header h = attendanceHour;
    Header header = new Header(h.id(), h.title(), h.description(), h.isMain(), h.ownerIdentity(), h.storageDate(),
        h.modifyDate(), windowsId(hours), h.raw());
    return new AttendanceHourContainer(header, scheduleOf(hours), offItemsOf(hours, today), queues, attendants, raw);
  }

  /**
   * A copy that applies to these queues (by unique id and name); everything else, the members the SDK does not
   * model included, is kept.
   *
   * @param newQueues the queues
   * @return the copy
   */
  public AttendanceHourContainer withQueues(List<Ref> newQueues) {
    return new AttendanceHourContainer(attendanceHour, attendanceHourScheduleItems, attendanceHourOffItems,
        newQueues, attendants, raw);
  }

  /**
   * The rule id.
   *
   * @return the id, or null before it is created
   */
  public @Nullable String id() {
    return attendanceHour.id();
  }

  /**
   * Whether this is the bot's default rule.
   *
   * @return true for the main rule
   */
  public boolean isMain() {
    return attendanceHour.isMain();
  }

  /**
   * Whether the rule names a queue, by unique id or name, without regard to case.
   *
   * @param queue the queue id or name
   * @return true when it applies to that queue
   */
  public boolean appliesToQueue(String queue) {
    for (Ref r : queues) {
      if (queue.equalsIgnoreCase(r.id()) || queue.equalsIgnoreCase(r.description())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The IANA zone of {@code timeZoneId}.
   *
   * @return the zone, or empty when the id is missing or unknown
   */
  public Optional<ZoneId> zone() {
    String id = attendanceHour.timeZoneId();
    return id == null || id.isBlank() ? Optional.empty() : Optional.ofNullable(WindowsTimeZones.toZoneId(id));
  }

  /**
   * The rule as business hours, in its own time zone.
   *
   * @return the hours
   * @throws BlipProtocolException if the time zone is missing or unknown (use {@link #businessHours(ZoneId)}),
   *     or an item cannot be read; the message names the item
   */
  public BusinessHours businessHours() {
    ZoneId zone = zone().orElseThrow(() -> new BlipProtocolException("attendance hours " + attendanceHour.id()
        + ": unknown time zone '" + attendanceHour.timeZoneId() + "'; call businessHours(ZoneId)"));
    return businessHours(zone);
  }

  /**
   * The rule as business hours in a zone of your choice.
   *
   * @param zone the zone
   * @return the hours
   * @throws BlipProtocolException if an item cannot be read; the message names the item
   */
  public BusinessHours businessHours(ZoneId zone) {
    BusinessHours.Builder b = BusinessHours.builder(zone);
    for (int i = 0; i < attendanceHourScheduleItems.size(); i++) {
      ScheduleItem item = attendanceHourScheduleItems.get(i);
      String field = "attendanceHourScheduleItems[" + i + "]";
      DayOfWeek day = dayOf(field, item.dayOfWeek());
      LocalTime start = timeOf(field + ".startTime", item.startTime(), false);
      LocalTime end = timeOf(field + ".endTime", item.endTime(), true);
      if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
        continue; // an empty interval opens nothing
      }
      try {
        b.open(day, new OpeningInterval(start, end));
      } catch (InvalidBusinessHoursException e) {
        throw new BlipProtocolException("attendance hours " + attendanceHour.id() + ": " + e.getMessage(), e);
      }
    }
    for (int i = 0; i < attendanceHourOffItems.size(); i++) {
      OffItem off = attendanceHourOffItems.get(i);
      String field = "attendanceHourOffItems[" + i + "]";
      LocalDateTime from = localDateTimeOf(field + ".startDate", off.startDate());
      LocalDateTime until = localDateTimeOf(field + ".endDate", off.endDate());
      if (until.toLocalTime().getHour() == 23 && until.toLocalTime().getMinute() == 59) {
        until = until.toLocalDate().plusDays(1).atStartOfDay();
      }
      if (until.isAfter(from)) {
        b.holiday(Holiday.closed(from, until, off.reason() == null ? "" : off.reason()));
      }
    }
    return b.build();
  }

  private static DayOfWeek dayOf(String field, @Nullable String value) {
    if (value != null) {
      String v = value.trim();
      if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
        try {
          int n = (int) Double.parseDouble(v);
          if (n >= 0 && n <= 6) {
            return n == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(n);
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      } else {
        for (DayOfWeek d : DayOfWeek.values()) {
          if (d.name().equalsIgnoreCase(v) || d.name().substring(0, 3).equalsIgnoreCase(v)) {
            return d;
          }
        }
      }
    }
    throw new BlipProtocolException("attendance hours: " + field + ".dayOfWeek '" + value
        + "' is neither a day name nor 0-6");
  }

  private static LocalTime timeOf(String field, @Nullable String value, boolean end) {
    if (value != null) {
      String v = value.trim();
      try {
        String[] parts = v.split(":");
        int h = Integer.parseInt(parts[0]);
        int m = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int s = parts.length > 2 ? (int) Double.parseDouble(parts[2]) : 0;
        if (end && (h == 24 || (h == 23 && m == 59))) {
          return LocalTime.MIDNIGHT;
        }
        return LocalTime.of(h, m, s);
      } catch (NumberFormatException | DateTimeException e) {
        // reported below
      }
    }
    throw new BlipProtocolException("attendance hours: " + field + " '" + value + "' is not a time of day");
  }

  private static LocalDateTime localDateTimeOf(String field, @Nullable String value) {
    if (value != null && value.length() >= 10) {
      try {
        String v = value.trim();
        if (v.length() == 10) {
          return LocalDate.parse(v).atStartOfDay();
        }
        return LocalDateTime.parse(v.substring(0, Math.min(v.length(), 19)));
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw new BlipProtocolException("attendance hours: " + field + " '" + value + "' is not a date-time");
  }

  private static String windowsId(BusinessHours hours) {
    if (hours.isAlwaysOpen()) {
      throw new BlipValidationException("hours", "Desk has no 24-hour mode",
          "Desk attendance hours have no 24-hour mode: open every day 00:00-24:00 instead");
    }
    String id = WindowsTimeZones.toWindowsId(hours.zone());
    if (id == null) {
      throw new BlipValidationException("hours.zone", "must have a Windows time-zone id",
          "Desk stores Windows time-zone ids; " + hours.zone() + " has none in the table: use the zone that"
              + " stands for yours, for example America/Sao_Paulo");
    }
    return id;
  }

  private static List<ScheduleItem> scheduleOf(BusinessHours hours) {
    List<ScheduleItem> out = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      for (OpeningInterval iv : hours.intervals(d)) {
        String end = iv.end().equals(LocalTime.MIDNIGHT) ? "23:59:00" : TIME.format(iv.end());
        out.add(new ScheduleItem(null, dayName(d), TIME.format(iv.start()), end, null));
      }
    }
    return out;
  }

  private static List<OffItem> offItemsOf(BusinessHours hours, LocalDate today) {
    List<OffItem> out = new ArrayList<>();
    for (Holiday h : hours.holidays()) {
      if (h instanceof Holiday.Yearly y) {
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
          if (y.date().isValidYear(year)) {
            LocalDate date = y.date().atYear(year);
            out.add(dayOff(h.name(), date.atStartOfDay(), date.plusDays(1).atStartOfDay()));
          }
        }
      } else if (h instanceof Holiday.OnDate o) {
        out.add(dayOff(h.name(), o.date().atStartOfDay(), o.date().plusDays(1).atStartOfDay()));
      } else {
        Holiday.Closed c = (Holiday.Closed) h;
        out.add(dayOff(h.name(), c.from(), c.until()));
      }
    }
    return out;
  }

  private static OffItem dayOff(String reason, LocalDateTime from, LocalDateTime until) {
    LocalDateTime end = until.toLocalTime().equals(LocalTime.MIDNIGHT) ? until.minusMinutes(1) : until;
    return new OffItem(null, reason, STAMP.format(from), STAMP.format(end), null);
  }

  private static String dayName(DayOfWeek d) {
    String n = d.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

  /** Names the rule and its zone; holds no personal data. */
  @Override
  public String toString() {
    return "AttendanceHourContainer{id=" + attendanceHour.id() + ", main=" + attendanceHour.isMain() + ", zone="
        + attendanceHour.timeZoneId() + ", items=" + attendanceHourScheduleItems.size() + ", off="
        + attendanceHourOffItems.size() + ", queues=" + queues.size() + "}";
  }
}
