package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.Agent;
import dev.blipsdk.desk.AgentStatus;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.AttendanceQueue;
import dev.blipsdk.desk.AttendanceQueues;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.Team;
import java.util.List;

/**
 * Attendance queues and agents: creates a queue, renames and reprioritises it, adds an agent to two teams, puts
 * them online, lists the agents and the teams with agents online, then removes the agent and deletes the queue.
 *
 * <p>On a real contract this changes the Desk configuration: set {@code BLIP_NEW_AGENT_EMAIL} to an e-mail of a
 * Blip account that may be added (and removed) as an agent; see {@link ExampleEnvironment}.
 */
public final class QueuesAndAgentsExample {
  /** The demo's new agent. */
  public static final String DEMO_NEW_AGENT_EMAIL = "bia@acme.com";

  private QueuesAndAgentsExample() {}

  /**
   * What the example saw.
   *
   * @param created the queue as created
   * @param updated the queue after the update
   * @param agents the agents listed while the new agent was there
   * @param teamsOnline the teams with agents online at that moment
   * @param statusAfterChange the new agent's status after going online, as read back
   * @param queuesAtEnd the queues after the clean-up
   */
  public record Outcome(AttendanceQueue created, AttendanceQueue updated, List<Agent> agents, List<Team> teamsOnline,
      AgentStatus statusAfterChange, List<AttendanceQueue> queuesAtEnd) {}

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
   * @return what it saw
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Queues and agents, on " + env.description());
    Identity newAgent = Agents.identityOf(env.setting("BLIP_NEW_AGENT_EMAIL", DEMO_NEW_AGENT_EMAIL));
    BlipClient blip = env.client();
    DeskClient desk = DeskClient.of(blip);
    AttendanceQueues queues = desk.queues();
    System.out.println("Queues now: " + names(queues.list()));

    // [snippet:queues-agents]
    AttendanceQueue billing = queues.create("Billing", 1);               // priority: lower is served first
    AttendanceQueue updated = queues.update(billing.withName("Billing & Payments").withPriority(0));
    Agents agents = desk.agents();
    agents.add(newAgent, List.of("Sales"));
    agents.addToTeams(newAgent, List.of(updated.name()));
    agents.changeStatus(newAgent, AgentStatus.ONLINE, null);
    for (Agent agent : agents.list()) {
      System.out.println("  agent " + agent.identity() + " " + agent.status() + " in " + agent.teams());
    }
    List<Team> online = agents.teamsWithAgentsOnline();
    // [/snippet:queues-agents]

    System.out.println("Created queue " + billing.name() + " (id " + billing.id() + ", priority " + billing.priority()
        + "), now " + updated.name() + " with priority " + updated.priority());
    AgentStatus status = agents.status(newAgent).orElse(AgentStatus.UNKNOWN);
    System.out.println("New agent " + newAgent + " is " + status);
    online.forEach(t -> System.out.println("  team " + t.name() + ": " + t.agentsOnline() + " online"));
    List<Agent> listed = agents.list().stream().toList();

    agents.remove(newAgent);
    queues.delete(updated.id());
    List<AttendanceQueue> atEnd = queues.list();
    System.out.println("Cleaned up: agent removed, queue deleted; queues now: " + names(atEnd));
    return new Outcome(billing, updated, listed, online, status, atEnd);
  }

  private static List<String> names(List<AttendanceQueue> queues) {
    return queues.stream().map(AttendanceQueue::name).toList();
  }
}
