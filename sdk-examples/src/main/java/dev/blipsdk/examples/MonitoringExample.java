package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.AgentMetrics;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.MonitoredTicket;
import dev.blipsdk.desk.Monitoring;
import dev.blipsdk.desk.TeamMetrics;
import dev.blipsdk.desk.Tickets;
import dev.blipsdk.desk.TicketsSummary;
import java.time.Duration;
import java.util.List;

/**
 * The day's figures from Desk monitoring: tickets waiting, open, closed and transferred today; per team and per
 * agent; the tickets waiting in the queues now.
 *
 * <p>On the fake, a few tickets are opened, served, transferred and closed first so the figures are not all
 * zero. On a real contract the example only reads; see {@link ExampleEnvironment}.
 */
public final class MonitoringExample {
  private MonitoringExample() {}

  /**
   * The figures read.
   *
   * @param summary the day's ticket counts
   * @param teams the per-team figures
   * @param agents the per-agent figures
   * @param waiting the tickets waiting now
   */
  public record Outcome(TicketsSummary summary, List<TeamMetrics> teams, List<AgentMetrics> agents,
      List<MonitoredTicket> waiting) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @return the figures
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Today's Desk figures, on " + env.description());
    BlipClient blip = env.client();
    if (env.isFake()) {
      seedTheDay(env, DeskClient.of(blip).tickets());
    }

    // [snippet:monitoring]
    Monitoring monitoring = DeskClient.of(blip).monitoring();
    TicketsSummary today = monitoring.tickets();
    System.out.println("Tickets: " + today.waiting() + " waiting, " + today.open() + " open, " + today.closed()
        + " closed today (" + today.closedAttendant() + " by agents, " + today.closedClient() + " by customers), "
        + today.transferred() + " transferred, " + today.missed() + " missed");
    for (TeamMetrics team : monitoring.teams()) {
      System.out.println("  team " + team.name() + ": " + team.waitingTickets() + " waiting, "
          + team.openedTickets() + " open, " + team.closedTickets() + " closed");
    }
    for (AgentMetrics agent : monitoring.agents()) {
      System.out.println("  agent " + agent.identity() + " (" + agent.status() + "): " + agent.openedTickets()
          + " open, " + agent.closedTickets() + " closed");
    }
    // [/snippet:monitoring]

    List<MonitoredTicket> waiting = monitoring.waitingTickets();
    for (MonitoredTicket t : waiting) {
      System.out.println("  waiting: ticket " + t.sequentialId() + " in " + t.team() + " for "
          + minutes(t.queueTime()));
    }
    return new Outcome(today, monitoring.teams(), monitoring.agents(), waiting);
  }

  private static String minutes(Duration d) {
    return d == null ? "n/a" : d.toMinutes() + " min";
  }

  /** Some of the day's work on the fake: three tickets served and closed, one transferred, one waiting. */
  private static void seedTheDay(ExampleEnvironment env, Tickets tickets) {
    Identity ana = Agents.identityOf(ExampleEnvironment.DEMO_AGENT_EMAIL);
    var bot = env.fake().orElseThrow().bot();
    for (int i = 1; i <= 3; i++) {
      String id = bot.openTicket(String.format("55219%08d@wa.gw.msging.net", 50_000_000 + i),
          ExampleEnvironment.DEMO_QUEUE_SALES);
      tickets.assign(id, ana);
      tickets.closeAsAgent(id);
    }
    String transferred = bot.openTicket("5521950000010@wa.gw.msging.net", ExampleEnvironment.DEMO_QUEUE_SALES);
    tickets.assign(transferred, ana);
    tickets.transferToQueue(transferred, ExampleEnvironment.DEMO_QUEUE_SUPPORT);
    bot.openTicket("5521950000020@wa.gw.msging.net", ExampleEnvironment.DEMO_QUEUE_SALES);
  }
}
