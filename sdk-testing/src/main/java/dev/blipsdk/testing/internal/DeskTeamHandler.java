package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Desk attendance queues (§5.4, {@code Priority} with a capital P), teams, and attendants (§5.5). */
final class DeskTeamHandler implements CommandHandler {
  static final String QUEUE = "application/vnd.iris.desk.attendancequeue+json";
  static final String ATTENDANT = "application/vnd.iris.desk.attendant+json";
  static final String TEAM = "application/vnd.iris.desk.team+json";
  static final Set<String> AGENT_STATUSES = Set.of("Offline", "Pause", "Online", "Invisible");

  @Override
  public Set<String> extensions() {
    return Set.of("desk.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "attendance-queues".equalsIgnoreCase(s) || "teams".equalsIgnoreCase(s)
        || "attendants".equalsIgnoreCase(s) || "rules".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    String family = ctx.uri.segment(0).toLowerCase(Locale.ROOT);
    if (ctx.bot.role == BotState.Role.ROUTER && (family.equals("attendants") || family.equals("rules"))) {
      throw CommandFailure.notFound();
    }
    switch (family) {
      case "attendance-queues":
        return queues(ctx);
      case "teams":
        return teams(ctx);
      case "attendants":
        return attendants(ctx);
      default:
        throw CommandFailure.notSupported();
    }
  }

  static String slug(String name) {
    String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  static Map<String, Object> putQueue(BotState bot, @Nullable String id, String name, boolean active, long priority,
      java.time.Instant now) {
    String key = id == null || id.isBlank() ? slug(name) : id;
    Map<String, Object> existing = bot.queues.get(key);
    Map<String, Object> q = Json.obj("id", key, "ownerIdentity", bot.identity(), "name", name, "isActive", active,
        "storageDate", existing != null ? existing.get("storageDate") : Times.iso(now), "Priority", priority);
    bot.queues.put(key, q);
    return q;
  }

  private static CommandResult queues(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    if (ctx.uri.size() == 1 && ctx.is("get")) {
      List<Map<String, Object>> out = new ArrayList<>();
      bot.queues.values().forEach(q -> out.add(Json.copy(q)));
      return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(QUEUE, out, ctx.skip(), ctx.take(100, 100)));
    }
    if (ctx.uri.size() == 1 && ctx.is("set")) {
      Map<String, Object> r = ctx.resourceMap();
      String name = Json.str(r, "name");
      if (name == null || name.isBlank()) {
        throw CommandFailure.invalidArgument("The queue name is required");
      }
      Object p = Json.getIgnoreCase(r, "Priority");
      long priority;
      try {
        priority = p == null ? 0 : Long.parseLong(String.valueOf(p).replaceAll("\\.0$", ""));
      } catch (NumberFormatException e) {
        throw CommandFailure.invalidArgument("The Priority is invalid");
      }
      Object active = r.get("isActive");
      Map<String, Object> q = putQueue(bot, Json.str(r, "id"), name,
          active == null || Boolean.parseBoolean(String.valueOf(active)), priority, ctx.now);
      return CommandResult.of(QUEUE, Json.copy(q));
    }
    if (ctx.uri.size() == 2) {
      String id = ctx.uri.decodedSegment(1);
      Map<String, Object> q = bot.queues.get(id);
      if (q == null) {
        throw CommandFailure.notFound();
      }
      if (ctx.is("get")) {
        return CommandResult.of(QUEUE, Json.copy(q));
      }
      if (ctx.is("delete")) {
        bot.queues.remove(id);
        return CommandResult.empty();
      }
      throw CommandFailure.methodNotSupported();
    }
    throw CommandFailure.notSupported();
  }

  private static CommandResult teams(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    boolean onlineOnly = ctx.uri.size() == 2 && "agents-online".equalsIgnoreCase(ctx.uri.segment(1));
    if (ctx.uri.size() > 1 && !onlineOnly) {
      throw CommandFailure.notSupported();
    }
    Set<String> names = new LinkedHashSet<>();
    ctx.bot.queues.values().forEach(q -> names.add(String.valueOf(q.get("name"))));
    ctx.bot.agents.values().forEach(a -> Json.list(a.get("teams")).forEach(t -> names.add(String.valueOf(t))));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names) {
      long online = ctx.bot.agents.values().stream()
          .filter(a -> Json.list(a.get("teams")).contains(name) && "online".equalsIgnoreCase(String.valueOf(a.get("status"))))
          .count();
      if (!onlineOnly || online > 0) {
        out.add(Json.obj("name", name, "agentsOnline", online));
      }
    }
    return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TEAM, out, ctx.skip(), ctx.take(100, 100)));
  }

  static Map<String, Object> putAgent(BotState bot, Map<String, Object> r) throws CommandFailure {
    String identity = Json.str(r, "identity");
    if (identity == null || identity.isBlank()) {
      throw CommandFailure.invalidArgument("The attendant identity is required");
    }
    Map<String, Object> a = bot.agents.computeIfAbsent(identity, k -> new LinkedHashMap<>());
    a.put("identity", identity);
    a.putIfAbsent("fullName", LimeUri.decode(identity.substring(0, Math.max(0, identity.indexOf('@')))));
    a.putIfAbsent("email", LimeUri.decode(identity.substring(0, Math.max(0, identity.lastIndexOf('@')))));
    a.putIfAbsent("status", "Offline");
    a.putIfAbsent("isEnabled", true);
    a.putIfAbsent("agentSlots", 5L);
    a.putIfAbsent("ticketsInService", 0L);
    for (Map.Entry<String, Object> e : r.entrySet()) {
      if (!e.getKey().equals("identity")) {
        a.put(e.getKey(), Json.copy(e.getValue()));
      }
    }
    a.putIfAbsent("teams", new ArrayList<>());
    return a;
  }

  private static CommandResult attendants(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    if (ctx.uri.size() == 1 && ctx.is("get")) {
      List<Map<String, Object>> out = new ArrayList<>();
      bot.agents.values().forEach(a -> out.add(Json.copy(a)));
      if ("false".equalsIgnoreCase(ctx.uri.param("$ascending"))) {
        java.util.Collections.reverse(out);
      }
      return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(ATTENDANT, out, ctx.skip(), ctx.take(20, 100)));
    }
    if (ctx.uri.size() == 1 && ctx.is("set")) {
      Map<String, Object> r = ctx.resourceMap();
      if (r.get("items") instanceof List) {
        for (Object item : Json.list(r.get("items"))) {
          Map<String, Object> m = Json.map(item);
          if (m == null) {
            throw CommandFailure.invalidArgument("Invalid attendant in collection");
          }
          putAgent(bot, m);
        }
      } else {
        putAgent(bot, r);
      }
      return CommandResult.empty();
    }
    if (ctx.uri.size() == 2 && "change-status".equalsIgnoreCase(ctx.uri.segment(1)) && ctx.is("set")) {
      Map<String, Object> r = ctx.resourceMap();
      String identity = Json.str(r, "identity");
      Map<String, Object> a = identity == null ? null : bot.agents.get(identity);
      if (a == null) {
        throw CommandFailure.notFound();
      }
      String status = canonicalAgentStatus(Json.str(r, "status"));
      if (status == null) {
        throw CommandFailure.invalidArgument("Invalid attendant status");
      }
      a.put("status", status);
      bot.agentStatusChanged(identity, status, ctx.now);
      return CommandResult.empty();
    }
    if (ctx.uri.size() == 2 && ctx.is("delete")) {
      String once = ctx.uri.decodedSegment(1);
      String key = bot.agents.containsKey(once) ? once : LimeUri.decode(once);
      if (bot.agents.remove(key) == null) {
        throw CommandFailure.notFound();
      }
      return CommandResult.empty();
    }
    if (ctx.uri.size() == 2 && ctx.is("get")) {
      Map<String, Object> a = bot.agents.get(ctx.uri.decodedSegment(1));
      if (a == null) {
        throw CommandFailure.notFound();
      }
      return CommandResult.of(ATTENDANT, Json.copy(a));
    }
    throw CommandFailure.notSupported();
  }

  static @Nullable String canonicalAgentStatus(@Nullable String s) {
    if (s == null) {
      return null;
    }
    for (String v : AGENT_STATUSES) {
      if (v.equalsIgnoreCase(s)) {
        return v;
      }
    }
    return null;
  }
}
