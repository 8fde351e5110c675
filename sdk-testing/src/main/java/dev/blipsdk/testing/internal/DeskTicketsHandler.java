package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Desk tickets (API doc §5.1, §5.2) on {@code postmaster@desk.msging.net}. */
final class DeskTicketsHandler implements CommandHandler {
  static final String TICKET = "application/vnd.iris.ticket+json";
  static final Set<String> STATUSES = Set.of("None", "Waiting", "Open", "ClosedAttendant", "ClosedClient",
      "ClosedClientInactivity", "Transferred", "Assigned");
  private static final Pattern CLOSED_FILTER = Pattern.compile("status\\s+eq\\s+'closed'", Pattern.CASE_INSENSITIVE);

  @Override
  public Set<String> extensions() {
    return Set.of("desk.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "tickets".equalsIgnoreCase(s) || "ticket".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    LimeUri uri = ctx.uri;
    BotState bot = ctx.bot;
    if ("ticket".equalsIgnoreCase(uri.segment(0))) {
      if (uri.size() != 2 || !ctx.is("get")) {
        throw CommandFailure.notSupported();
      }
      return CommandResult.of(TICKET, Json.copy(require(bot, uri.decodedSegment(1))));
    }
    if (uri.size() == 1) {
      if (ctx.is("get")) {
        return list(ctx);
      }
      if (ctx.is("set")) {
        Map<String, Object> r = ctx.resourceMap();
        String customer = Json.str(r, "customerIdentity");
        if (customer == null || customer.isBlank()) {
          throw CommandFailure.invalidArgument("The customerIdentity is required");
        }
        return CommandResult.of(TICKET, Json.copy(create(ctx, customer, Json.str(r, "team"),
            Json.str(r, "agentIdentity"), null)));
      }
      throw CommandFailure.methodNotSupported();
    }
    String second = uri.segment(1);
    if (uri.size() == 2 && ("change-status".equalsIgnoreCase(second)
        || "change-status-without-redirect".equalsIgnoreCase(second))) {
      if (!ctx.is("set")) {
        throw CommandFailure.methodNotSupported();
      }
      return changeStatus(ctx);
    }
    if (uri.size() == 2) {
      if (ctx.is("set")) {
        // create for the current conversation: /tickets/{urlencoded customer}
        String customer = uri.decodedSegment(1);
        return CommandResult.of(TICKET, Json.copy(create(ctx, customer, null, null, ctx.resource)));
      }
      // GET /tickets/{id} (plural) is reported to fail with 62; get one is /ticket/{id}
      throw CommandFailure.notSupported();
    }
    if (uri.size() == 3) {
      Map<String, Object> t = require(bot, uri.decodedSegment(1));
      String action = uri.segment(2).toLowerCase(Locale.ROOT);
      switch (action) {
        case "messages":
          if (!ctx.is("get")) {
            throw CommandFailure.methodNotSupported();
          }
          return messages(ctx, t);
        case "close":
          return close(ctx, t);
        case "transfer":
          return transfer(ctx, t);
        case "change-tags": {
          Map<String, Object> r = ctx.resourceMap();
          t.put("tags", new ArrayList<>(Json.list(r.get("tags"))));
          return CommandResult.empty();
        }
        default:
          throw CommandFailure.notSupported();
      }
    }
    throw CommandFailure.notSupported();
  }

  static Map<String, Object> require(BotState bot, @Nullable String id) throws CommandFailure {
    Map<String, Object> t = id == null ? null : bot.tickets.get(id);
    if (t == null) {
      throw CommandFailure.notFound();
    }
    return t;
  }

  private static Map<String, Object> create(CommandContext ctx, String customer, @Nullable String team,
      @Nullable String agent, @Nullable Object input) {
    String status = agent != null && ctx.bot.agentOnline(agent) ? "Open" : "Waiting";
    Map<String, Object> t = ctx.bot.newTicket(customer, team == null ? ctx.config.defaultQueue() : team, agent,
        status, ctx.now);
    if (input != null) {
      t.put("customerInput", Json.obj("type", ctx.type == null ? "text/plain" : ctx.type, "value", Json.copy(input)));
    }
    return t;
  }

  private static CommandResult list(CommandContext ctx) throws CommandFailure {
    int skip = ctx.skip();
    int take = ctx.take(100, 100);
    String filter = ctx.uri.param("$filter");
    if (filter != null && CLOSED_FILTER.matcher(filter).find()) {
      throw CommandFailure.invalidArgument("Invalid status 'closed' in filter; use $closed=true");
    }
    boolean closed = "true".equalsIgnoreCase(ctx.uri.param("$closed"));
    ODataFilter.Predicate p = filter == null || filter.isBlank() ? null : CrmHandler.compile(filter);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> t : ctx.bot.tickets.values()) {
      if (Boolean.TRUE.equals(t.get("closed")) != closed) {
        continue;
      }
      if (p == null || p.test(f -> CrmHandler.lookup(t, f))) {
        out.add(Json.copy(t));
      }
    }
    return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TICKET, out, skip, take));
  }

  private static CommandResult changeStatus(CommandContext ctx) throws CommandFailure {
    Map<String, Object> r = ctx.resourceMap();
    Map<String, Object> t = require(ctx.bot, Json.str(r, "id"));
    String status = canonical(Json.str(r, "status"));
    if (status == null) {
      throw CommandFailure.invalidArgument("Invalid ticket status");
    }
    if (status.equals(t.get("status"))) {
      throw CommandFailure.invalidArgument("The ticket is already in status " + status);
    }
    String agent = Json.str(r, "agentIdentity");
    if (agent != null) {
      t.put("agentIdentity", agent);
    }
    setStatus(t, status, ctx.now);
    if (Boolean.TRUE.equals(t.get("closed")) && t.get("closedBy") == null) {
      Object by = status.equals("ClosedAttendant") ? t.get("agentIdentity") : t.get("customerIdentity");
      if (by != null) {
        t.put("closedBy", by);
      }
    }
    return CommandResult.empty();
  }

  static void setStatus(Map<String, Object> t, String status, java.time.Instant now) {
    t.put("status", status);
    t.put("statusDate", Times.iso(now));
    if (status.equals("Open") && t.get("openDate") == null) {
      t.put("openDate", Times.iso(now));
    }
    if (status.startsWith("Closed") || status.equals("Transferred")) {
      t.put("closed", true);
      t.put("closeDate", Times.iso(now));
    }
  }

  static @Nullable String canonical(@Nullable String status) {
    if (status == null) {
      return null;
    }
    for (String s : STATUSES) {
      if (s.equalsIgnoreCase(status)) {
        return s;
      }
    }
    return null;
  }

  private static CommandResult close(CommandContext ctx, Map<String, Object> t) throws CommandFailure {
    if (!ctx.is("set")) {
      throw CommandFailure.methodNotSupported();
    }
    Map<String, Object> r = Json.map(ctx.resource) == null ? Map.of() : ctx.resourceMap();
    if (!Boolean.TRUE.equals(t.get("closed"))) {
      setStatus(t, "ClosedAttendant", ctx.now);
    }
    String by = Json.str(r, "closedBy");
    if (by != null) {
      t.put("closedBy", by);
    }
    if (r.get("tags") != null) {
      t.put("tags", new ArrayList<>(Json.list(r.get("tags"))));
    }
    return CommandResult.empty();
  }

  private static CommandResult transfer(CommandContext ctx, Map<String, Object> t) throws CommandFailure {
    if (!ctx.is("set")) {
      throw CommandFailure.methodNotSupported();
    }
    Map<String, Object> r = ctx.resourceMap();
    String team = Json.str(r, "team");
    String agent = Json.str(r, "agentIdentity");
    if (team == null && agent == null) {
      throw CommandFailure.invalidArgument("The team or agentIdentity is required");
    }
    if (Boolean.TRUE.equals(t.get("closed"))) {
      throw new CommandFailure(24, "The ticket is closed");
    }
    setStatus(t, "Transferred", ctx.now);
    String status = agent != null && ctx.bot.agentOnline(agent) ? "Open" : "Waiting";
    Map<String, Object> n = ctx.bot.newTicket(String.valueOf(t.get("customerIdentity")),
        team != null ? team : "DIRECT_TRANSFER", agent, status, ctx.now);
    n.put("parentSequentialId", t.get("sequentialId"));
    return CommandResult.of(TICKET, Json.copy(n));
  }

  private static CommandResult messages(CommandContext ctx, Map<String, Object> t) throws CommandFailure {
    String customer = String.valueOf(t.get("customerIdentity"));
    java.time.Instant since = ODataFilter.instant(t.get("storageDate"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : ctx.bot.threads.getOrDefault(customer, List.of())) {
      java.time.Instant at = ODataFilter.instant(m.get("date"));
      if (since == null || at == null || !at.isBefore(since)) {
        out.add(Json.copy(m));
      }
    }
    java.util.Collections.reverse(out);
    return CommandResult.of(CommandContext.COLLECTION,
        CommandContext.page(HistoryHandler.THREAD_MESSAGE, out, ctx.skip(), ctx.take(20, 100)));
  }
}
