package dev.blipsdk.testing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Desk monitoring (§5.6, {@code ?version=2}), computed from the current state for the clock's current day (UTC).
 */
final class DeskMonitoringHandler implements CommandHandler {
  @Override
  public Set<String> extensions() {
    return Set.of("desk.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "monitoring".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    if (ctx.uri.size() != 2) {
      throw CommandFailure.notSupported();
    }
    String what = ctx.uri.segment(1).toLowerCase(Locale.ROOT);
    LocalDate today = LocalDate.ofInstant(ctx.now, ZoneOffset.UTC);
    List<Map<String, Object>> tickets = new ArrayList<>(ctx.bot.tickets.values());
    switch (what) {
      case "tickets": {
        long waiting = count(tickets, "Waiting");
        long open = count(tickets, "Open") + count(tickets, "Assigned");
        long closedAttendant = closedToday(tickets, today, "ClosedAttendant");
        long closedClient = closedToday(tickets, today, "ClosedClient") + closedToday(tickets, today, "ClosedClientInactivity");
        long transferred = closedToday(tickets, today, "Transferred");
        return CommandResult.of("application/vnd.iris.desk.ticketssummary+json", Json.obj(
            "waiting", waiting, "open", open, "closed", closedAttendant + closedClient,
            "closedAttendant", closedAttendant, "closedClient", closedClient, "transferred", transferred,
            "missed", 0L));
      }
      case "attendants": {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : ctx.bot.agents.values()) {
          Object id = a.get("identity");
          long opened = tickets.stream().filter(t -> id.equals(t.get("agentIdentity")) && BotState.isOpen(t)).count();
          long closed = tickets.stream().filter(t -> id.equals(t.get("agentIdentity"))
              && closedNotTransferred(t) && sameDay(t.get("closeDate"), today)).count();
          out.add(Json.obj("identity", id, "status", a.get("status"), "openedTickets", opened,
              "closedTickets", closed, "averageAttendanceTime", "00:00:00", "averageResponseTime", "00:00:00"));
        }
        return collection(ctx, "application/vnd.iris.desk.attendantticketssummary+json", out);
      }
      case "open-tickets":
      case "waiting-tickets": {
        boolean open = what.equals("open-tickets");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> t : tickets) {
          String s = String.valueOf(t.get("status"));
          if (open ? !(s.equals("Open") || s.equals("Assigned")) : !s.equals("Waiting")) {
            continue;
          }
          Instant created = ODataFilter.instant(t.get("storageDate"));
          Map<String, Object> item = Json.obj("id", t.get("id"), "sequentialId", t.get("sequentialId"),
              "agentIdentity", open ? t.get("agentIdentity") : null, "customerIdentity", t.get("customerIdentity"),
              "team", t.get("team"), "queueTime", Times.hms(created == null ? Duration.ZERO : Duration.between(created, ctx.now)));
          if (open) {
            item.put("firstResponseTime", "00:00:00");
          }
          out.add(item);
        }
        return collection(ctx, open ? "application/vnd.iris.desk.open-ticket-summary+json"
            : "application/vnd.iris.desk.waiting-ticket-summary+json", out);
      }
      case "teams": {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> q : ctx.bot.queues.values()) {
          Object name = q.get("name");
          out.add(Json.obj("name", name,
              "waitingTickets", tickets.stream().filter(t -> name.equals(t.get("team")) && "Waiting".equals(t.get("status"))).count(),
              "openedTickets", tickets.stream().filter(t -> name.equals(t.get("team")) && "Open".equals(t.get("status"))).count(),
              "closedTickets", tickets.stream().filter(t -> name.equals(t.get("team")) && closedNotTransferred(t)
                  && sameDay(t.get("closeDate"), today)).count(),
              "averageAttendanceTime", "00:00:00", "averageWaitTime", "00:00:00"));
        }
        return collection(ctx, "application/vnd.iris.desk.teamticketssummary+json", out);
      }
      default:
        throw CommandFailure.notSupported();
    }
  }

  private static CommandResult collection(CommandContext ctx, String itemType, List<Map<String, Object>> items)
      throws CommandFailure {
    return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(itemType, items, ctx.skip(), ctx.take(100, 100)));
  }

  private static long count(List<Map<String, Object>> tickets, String status) {
    return tickets.stream().filter(t -> status.equals(t.get("status"))).count();
  }

  /** Closed by an agent or the customer; a transfer closes a ticket too, but the summary counts it apart. */
  private static boolean closedNotTransferred(Map<String, Object> t) {
    return Boolean.TRUE.equals(t.get("closed")) && !"Transferred".equals(t.get("status"));
  }

  private static long closedToday(List<Map<String, Object>> tickets, LocalDate today, String status) {
    return tickets.stream().filter(t -> status.equals(t.get("status")) && sameDay(t.get("closeDate"), today)).count();
  }

  private static boolean sameDay(Object iso, LocalDate day) {
    Instant at = ODataFilter.instant(iso);
    return at != null && LocalDate.ofInstant(at, ZoneOffset.UTC).equals(day);
  }
}
