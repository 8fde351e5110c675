package dev.blipsdk.testing.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event tracking (API doc §8.3, CONFIRMED): {@code set /event-track} records an event ({@code category} and
 * {@code action} required); {@code get /event-track} lists the categories; {@code get /event-track/{category}} the
 * daily counters by action ({@code count} is a string, as in Blip's docs); {@code get /event-track/{category}/{action}}
 * the events; {@code delete /event-track/{category}}. {@code startDate}/{@code endDate} ({@code YYYY-MM-DD}, UTC)
 * filter the reads.
 */
final class EventTrackHandler implements CommandHandler {
  static final String TYPE = "application/vnd.iris.eventTrack+json";

  @Override
  public Set<String> extensions() {
    return Set.of("analytics.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "event-track".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    int n = ctx.uri.size();
    if (n == 1 && (ctx.is("set") || ctx.is("observe"))) {
      Map<String, Object> r = ctx.resourceMap();
      String category = Json.str(r, "category");
      String action = Json.str(r, "action");
      if (category == null || category.isBlank() || action == null || action.isBlank()) {
        throw CommandFailure.invalidArgument("category and action are required");
      }
      Map<String, Object> event = new LinkedHashMap<>(Json.copy(r));
      event.putIfAbsent("storageDate", Times.iso(ctx.now));
      event.put("ownerIdentity", bot.identity());
      bot.eventTracks.add(event);
      return CommandResult.empty();
    }
    if (ctx.is("delete") && n == 2) {
      String category = ctx.uri.decodedSegment(1);
      bot.eventTracks.removeIf(e -> category.equals(Json.str(e, "category")));
      return CommandResult.empty();
    }
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    List<Map<String, Object>> events = inRange(bot.eventTracks, ctx.uri.param("startDate"), ctx.uri.param("endDate"));
    if (n == 1) {
      Set<String> categories = new LinkedHashSet<>();
      for (Map<String, Object> e : events) {
        categories.add(Json.str(e, "category"));
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (String c : categories) {
        out.add(Json.obj("category", c));
      }
      return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TYPE, out, ctx.skip(), ctx.take(100, 10000)));
    }
    String category = ctx.uri.decodedSegment(1);
    events.removeIf(e -> !category.equals(Json.str(e, "category")));
    if (n == 2) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Map<String, Object> e : events) {
        String key = day(e) + "\n" + Json.str(e, "action");
        counts.merge(key, 1L, Long::sum);
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map.Entry<String, Long> c : counts.entrySet()) {
        String[] k = c.getKey().split("\n", 2);
        out.add(Json.obj("storageDate", k[0] + "T00:00:00.000Z", "category", category, "action", k[1],
            "count", String.valueOf(c.getValue())));
      }
      return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TYPE, out, ctx.skip(), ctx.take(100, 10000)));
    }
    String action = ctx.uri.decodedSegment(2);
    events.removeIf(e -> !action.equals(Json.str(e, "action")));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> e : events) {
      out.add(Json.copy(e));
    }
    return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TYPE, out, ctx.skip(), ctx.take(100, 10000)));
  }

  private static List<Map<String, Object>> inRange(List<Map<String, Object>> all, String start, String end)
      throws CommandFailure {
    LocalDate from = date(start, "startDate");
    LocalDate to = date(end, "endDate");
    List<Map<String, Object>> out = new ArrayList<>(all);
    for (Iterator<Map<String, Object>> it = out.iterator(); it.hasNext(); ) {
      LocalDate d = LocalDate.parse(day(it.next()));
      if ((from != null && d.isBefore(from)) || (to != null && d.isAfter(to))) {
        it.remove();
      }
    }
    return out;
  }

  private static LocalDate date(String value, String name) throws CommandFailure {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim().substring(0, Math.min(10, value.trim().length())));
    } catch (RuntimeException e) {
      throw CommandFailure.invalidArgument("The " + name + " parameter is invalid");
    }
  }

  private static String day(Map<String, Object> event) {
    String s = Json.str(event, "storageDate");
    try {
      return java.time.Instant.parse(s).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    } catch (RuntimeException e) {
      return s == null || s.length() < 10 ? "1970-01-01" : s.substring(0, 10);
    }
  }
}
