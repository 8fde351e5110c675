package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.Ticket;
import dev.blipsdk.desk.TicketTransfer;
import dev.blipsdk.desk.Tickets;
import java.util.List;

/**
 * A Desk ticket from start to end: opened for a customer, assigned to an agent, transferred to another queue
 * (which closes it and opens a new ticket that carries the conversation on), tagged and closed by the agent.
 *
 * <p>On a real contract set {@code BLIP_CUSTOMER_IDENTITY} (a customer without an open ticket),
 * {@code BLIP_AGENT_EMAIL} and {@code BLIP_TRANSFER_QUEUE}; see {@link ExampleEnvironment}.
 */
public final class TicketLifecycleExample {
  private TicketLifecycleExample() {}

  /**
   * What the example did.
   *
   * @param first the first ticket, as read after the transfer (closed)
   * @param transfer the transfer
   * @param closed the new ticket, as read after closing it
   */
  public record Outcome(Ticket first, TicketTransfer transfer, Ticket closed) {}

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
   * @return the tickets
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("A ticket's life, on " + env.description());
    Identity customer = Identity.parse(env.setting("BLIP_CUSTOMER_IDENTITY", ExampleEnvironment.DEMO_IDENTITY_BRUNO));
    Identity agent = Agents.identityOf(env.setting("BLIP_AGENT_EMAIL", ExampleEnvironment.DEMO_AGENT_EMAIL));
    String otherQueue = env.setting("BLIP_TRANSFER_QUEUE", ExampleEnvironment.DEMO_QUEUE_SUPPORT);
    BlipClient blip = env.client();

    // [snippet:ticket-lifecycle]
    Tickets tickets = DeskClient.of(blip).tickets();
    Ticket ticket = tickets.create(customer);                      // waiting in the default queue
    tickets.assign(ticket.id(), agent);                            // now in service with the agent
    TicketTransfer transfer = tickets.transferToQueue(ticket.id(), otherQueue);
    Ticket next = transfer.newTicket();                            // the old one is closed
    tickets.changeTags(next.id(), List.of("billing", "vip"));
    tickets.close(next.id(), agent, List.of("billing", "vip", "solved"));
    // [/snippet:ticket-lifecycle]

    System.out.println("Opened ticket " + ticket.displayNumber() + " for " + customer + ": " + ticket.status()
        + " in " + ticket.team());
    Ticket first = tickets.get(ticket.id());
    System.out.println("Assigned to " + agent + ", then transferred to " + otherQueue + ": ticket "
        + first.displayNumber() + " is " + first.status() + ", the conversation goes on in ticket "
        + next.displayNumber() + " (from " + next.parentSequentialId() + ")");
    Ticket closed = tickets.get(next.id());
    System.out.println("Ticket " + closed.displayNumber() + " tagged " + closed.tags() + " and "
        + closed.status());
    return new Outcome(first, transfer, closed);
  }
}
