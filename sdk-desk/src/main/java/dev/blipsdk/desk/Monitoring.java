package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.DeskTransport;
import dev.blipsdk.desk.internal.WireCollection;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.core.observation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Desk monitoring for the current day ({@code /monitoring/...?version=2}): ticket counts, per agent and
 * per team figures, and the tickets waiting and in service with their times as {@link java.time.Duration}.
 *
 * <pre>{@code
 * TicketsSummary today = desk.monitoring().tickets();
 * for (MonitoredTicket t : desk.monitoring().waitingTickets()) {
 *   if (t.queueTime() != null && t.queueTime().toMinutes() > 10) { ... }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Monitoring {
  private static final int PAGE = 100;

  private final DeskTransport desk;

  Monitoring(DeskTransport desk) {
    this.desk = desk;
  }

  /**
   * Today's ticket counts.
   *
   * @return the summary
   */
  public TicketsSummary tickets() {
    Command response = desk.get(DeskOperations.MONITORING_TICKETS, CommandUri.path("/monitoring/tickets").query("version", 2).build());
    Object tree = response.requireResource().tree();
    if (tree instanceof Map<?, ?> map && map.get("items") instanceof List<?> items) {
      if (items.isEmpty()) {
        throw new BlipProtocolException("the tickets summary came back as an empty collection");
      }
      tree = items.get(0);
    }
    return TicketsSummary.fromWire(tree);
  }

  /**
   * Each agent's figures of the day.
   *
   * @return the figures, one per agent
   */
  public List<AgentMetrics> agents() {
    return all(DeskOperations.MONITORING_AGENTS, "/monitoring/attendants", AgentMetrics::fromWire);
  }

  /**
   * Each team's figures of the day.
   *
   * @return the figures, one per team
   */
  public List<TeamMetrics> teams() {
    return all(DeskOperations.MONITORING_TEAMS, "/monitoring/teams", TeamMetrics::fromWire);
  }

  /**
   * The tickets waiting in a queue now, with how long they have waited.
   *
   * @return the waiting tickets
   */
  public List<MonitoredTicket> waitingTickets() {
    return all(DeskOperations.MONITORING_WAITING, "/monitoring/waiting-tickets", MonitoredTicket::fromWire);
  }

  /**
   * The tickets being served now, with their queue and first-response times.
   *
   * @return the open tickets
   */
  public List<MonitoredTicket> openTickets() {
    return all(DeskOperations.MONITORING_OPEN, "/monitoring/open-tickets", MonitoredTicket::fromWire);
  }

  private <T> List<T> all(Operation operation, String path, Function<Object, T> mapper) {
    PagedIterable<T> pages = PagedIterable.of((skip, take) -> {
      WireCollection c = WireCollection.of(desk.get(operation, CommandUri.path(path).query("version", 2)
          .query("$skip", skip).query("$take", take).build()));
      List<T> out = new ArrayList<>(c.items().size());
      for (Object item : c.items()) {
        out.add(mapper.apply(item));
      }
      // paging on these resources is not documented: a server that ignores $take and answers everything
      // at once must not be asked again (and again) for the next page
      Long total = c.total() == null && out.size() > take ? (long) skip + out.size() : c.total();
      return new Page<>(out, total, skip, take);
    }, PAGE, Long.MAX_VALUE);
    List<T> out = new ArrayList<>();
    pages.forEach(out::add);
    return List.copyOf(out);
  }
}
