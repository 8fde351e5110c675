package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

  private final DeskCommands desk;

  Monitoring(DeskCommands desk) {
    this.desk = desk;
  }

  /**
   * Today's ticket counts.
   *
   * @return the summary
   */
  public TicketsSummary tickets() {
    JsonDocument resource = desk.get(DeskOperations.MONITORING_TICKETS,
        CommandUri.path("/monitoring/tickets").query("version", 2).build())
        .requireResource();
    if (resource.member("items").isPresent()) {
      // some tenants answer with a collection of one summary
      List<TicketsSummary> items = resource.asCollection(TicketsSummary.class).items();
      if (items.isEmpty()) {
        throw new BlipProtocolException("the tickets summary came back as an empty collection");
      }
      return items.get(0);
    }
    return resource.decode(TicketsSummary.class);
  }

  /**
   * Each agent's figures of the day.
   *
   * @return the figures, one per agent
   */
  public List<AgentMetrics> agents() {
    return all(DeskOperations.MONITORING_AGENTS, "/monitoring/attendants", Pages.AgentFigures.class, Pages.AgentFigures::total,
        Pages.AgentFigures::items);
  }

  /**
   * Each team's figures of the day.
   *
   * @return the figures, one per team
   */
  public List<TeamMetrics> teams() {
    return all(DeskOperations.MONITORING_TEAMS, "/monitoring/teams", Pages.TeamFigures.class,
        Pages.TeamFigures::total, Pages.TeamFigures::items);
  }

  /**
   * The tickets waiting in a queue now, with how long they have waited.
   *
   * @return the waiting tickets
   */
  public List<MonitoredTicket> waitingTickets() {
    return all(DeskOperations.MONITORING_WAITING, "/monitoring/waiting-tickets", Pages.MonitoredTickets.class, Pages.MonitoredTickets::total,
        Pages.MonitoredTickets::items);
  }

  /**
   * The tickets being served now, with their queue and first-response times.
   *
   * @return the open tickets
   */
  public List<MonitoredTicket> openTickets() {
    return all(DeskOperations.MONITORING_OPEN, "/monitoring/open-tickets", Pages.MonitoredTickets.class, Pages.MonitoredTickets::total,
        Pages.MonitoredTickets::items);
  }

  private <P, T> List<T> all(Operation operation, String path, Class<P> pageType, Function<P, @Nullable Long> totalOf,
      Function<P, List<T>> itemsOf) {
    PagedIterable<T> pages = PagedIterable.of((skip, take) -> {
      P page = desk.get(operation, CommandUri.path(path).query("version", 2).query("$skip", skip).query("$take", take)
          .build(), pageType);
      List<T> out = itemsOf.apply(page);
      // paging on these resources is not documented: a server that ignores $take and answers everything
      // at once must not be asked again (and again) for the next page
      Long total = totalOf.apply(page) == null && out.size() > take ? (long) skip + out.size()
          : totalOf.apply(page);
      return new Page<>(out, total, skip, take);
    }, PAGE, Long.MAX_VALUE);
    List<T> out = new ArrayList<>();
    pages.forEach(out::add);
    return List.copyOf(out);
  }
}
