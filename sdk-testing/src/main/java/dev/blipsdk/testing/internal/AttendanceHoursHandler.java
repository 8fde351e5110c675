package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Desk attendance hours (API doc §5.8, UNCONFIRMED as a public API): {@code get /attendance-hour} (the headers),
 * {@code get /attendance-hour-container/{id}}, {@code set /attendance-hour} (create without {@code attendanceHour.id},
 * replace with it) and {@code delete /attendance-hour/{id}}. Input {@code dayOfWeek} may be a .NET number (Sunday = 0)
 * and times {@code HH:mm}; the fake stores and emits day names and {@code HH:mm:ss}, as the live API answers.
 */
final class AttendanceHoursHandler implements CommandHandler {
  static final String TYPE = "application/vnd.iris.desk.attendance-hour-container+json";
  static final String HEADER_TYPE = "application/vnd.iris.desk.attendance-hour+json";
  private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

  @Override
  public Set<String> extensions() {
    return Set.of("desk.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "attendance-hour".equalsIgnoreCase(s) || "attendance-hour-container".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    boolean container = "attendance-hour-container".equalsIgnoreCase(ctx.uri.segment(0));
    if (container) {
      if (!ctx.is("get") || ctx.uri.size() != 2) {
        throw CommandFailure.methodNotSupported();
      }
      Map<String, Object> c = bot.attendanceHours.get(ctx.uri.decodedSegment(1));
      if (c == null) {
        throw CommandFailure.notFound();
      }
      return CommandResult.of(TYPE, Json.copy(c));
    }
    if (ctx.uri.size() == 1 && ctx.is("get")) {
      List<Map<String, Object>> headers = new ArrayList<>();
      for (Map<String, Object> c : bot.attendanceHours.values()) {
        headers.add(Json.copy(Json.asMap(c.get("attendanceHour"))));
      }
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page(HEADER_TYPE, headers, ctx.skip(), ctx.take(100, 999)));
    }
    if (ctx.uri.size() == 1 && ctx.is("set")) {
      Map<String, Object> stored = store(bot, ctx.resourceMap(), Times.iso(ctx.now), false);
      return CommandResult.of(TYPE, Json.copy(stored));
    }
    if (ctx.uri.size() == 2 && ctx.is("delete")) {
      if (bot.attendanceHours.remove(ctx.uri.decodedSegment(1)) == null) {
        throw CommandFailure.notFound();
      }
      return CommandResult.empty();
    }
    throw CommandFailure.methodNotSupported();
  }

  /**
   * Validates, normalises and stores a container; returns what is stored. Call with the bot locked.
   *
   * @param seeding whether an id not known yet creates the rule with that id (seeding), rather than failing 67
   */
  static Map<String, Object> store(BotState bot, Map<String, Object> resource, String now, boolean seeding)
      throws CommandFailure {
    Map<String, Object> header = Json.map(resource.get("attendanceHour"));
    if (header == null) {
      throw CommandFailure.invalidArgument("attendanceHour is required");
    }
    String title = Json.str(header, "title");
    if (title == null || title.isBlank()) {
      throw CommandFailure.invalidArgument("attendanceHour.title is required");
    }
    String id = Json.str(header, "id");
    Map<String, Object> previous = id == null ? null : bot.attendanceHours.get(id);
    if (id != null && previous == null && !seeding) {
      throw CommandFailure.notFound();
    }
    Map<String, Object> h = new LinkedHashMap<>(Json.copy(header));
    if (id == null) {
      id = UUID.randomUUID().toString();
      h.put("id", id);
      h.put("storageDate", now);
    } else if (previous == null) {
      h.putIfAbsent("storageDate", now);
    } else {
      Object created = Json.asMap(previous.get("attendanceHour")).get("storageDate");
      if (created != null) {
        h.put("storageDate", created);
      }
    }
    h.put("ownerIdentity", bot.identity());
    h.put("modifyDate", now);
    h.putIfAbsent("description", "");
    h.putIfAbsent("isMain", false);
    h.putIfAbsent("timeZoneId", "E. South America Standard Time");
    if (Boolean.TRUE.equals(h.get("isMain"))) {
      for (Map<String, Object> other : bot.attendanceHours.values()) {
        Map<String, Object> oh = Json.asMap(other.get("attendanceHour"));
        if (!id.equals(Json.str(oh, "id"))) {
          oh.put("isMain", false);
        }
      }
    }
    List<Object> items = new ArrayList<>();
    for (Object o : Json.list(resource.get("attendanceHourScheduleItems"))) {
      Map<String, Object> item = Json.map(o);
      if (item == null) {
        continue;
      }
      Map<String, Object> out = new LinkedHashMap<>(Json.copy(item));
      out.putIfAbsent("id", UUID.randomUUID().toString());
      out.put("dayOfWeek", day(item.get("dayOfWeek")));
      out.put("startTime", time(Json.str(item, "startTime")));
      out.put("endTime", time(Json.str(item, "endTime")));
      items.add(out);
    }
    List<Object> off = new ArrayList<>();
    for (Object o : Json.list(resource.get("attendanceHourOffItems"))) {
      Map<String, Object> item = Json.map(o);
      if (item != null) {
        Map<String, Object> out = new LinkedHashMap<>(Json.copy(item));
        out.putIfAbsent("id", UUID.randomUUID().toString());
        off.add(out);
      }
    }
    Map<String, Object> c = new LinkedHashMap<>(Json.copy(resource));
    c.put("attendanceHour", h);
    c.put("attendanceHourScheduleItems", items);
    c.put("attendanceHourOffItems", off);
    c.putIfAbsent("queues", new ArrayList<>());
    c.putIfAbsent("attendants", new ArrayList<>());
    bot.attendanceHours.put(id, c);
    return c;
  }

  private static String day(Object value) throws CommandFailure {
    String v = value == null ? "" : String.valueOf(value).trim();
    if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
      int n = (int) Double.parseDouble(v);
      if (n >= 0 && n <= 6) {
        return DAYS[n];
      }
    }
    for (String d : DAYS) {
      if (d.equalsIgnoreCase(v)) {
        return d;
      }
    }
    throw CommandFailure.invalidArgument("dayOfWeek '" + v + "' is not a day");
  }

  private static String time(String value) throws CommandFailure {
    if (value == null || !value.trim().matches("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
      throw CommandFailure.invalidArgument("time '" + value + "' is not HH:mm[:ss]");
    }
    String[] p = value.trim().split(":");
    int h = Integer.parseInt(p[0]);
    int m = Integer.parseInt(p[1]);
    int s = p.length > 2 ? (int) Double.parseDouble(p[2]) : 0;
    if (h > 24 || m > 59 || s > 59) {
      throw CommandFailure.invalidArgument("time '" + value + "' is not a time of day");
    }
    return String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
  }
}
