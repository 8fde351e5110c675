package dev.blipsdk.desk.internal;

import dev.blipsdk.desk.Agent;
import dev.blipsdk.desk.AgentMetrics;
import dev.blipsdk.desk.AttendanceQueue;
import dev.blipsdk.desk.Contact;
import dev.blipsdk.desk.ContactComment;
import dev.blipsdk.desk.MonitoredTicket;
import dev.blipsdk.desk.Team;
import dev.blipsdk.desk.TeamMetrics;
import dev.blipsdk.desk.Ticket;
import dev.blipsdk.desk.TicketMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The LIME collections Desk answers with ({@code {"total": n, "itemType": .., "items": [..]}}), one record per
 * item type, so a page is read by the public typed {@code BlipClient.execute(Command, Class)} in one pass, as a
 * user would read it. A missing {@code items} reads as an empty page. Exported to core only, for the reader.
 */
public final class Pages {
  private Pages() {}

  /** Tickets. @param total the total or null @param items the tickets */
  public record Tickets(@Nullable Long total, List<Ticket> items) {}

  /** Thread messages of a ticket. @param total the total or null @param items the messages */
  public record Messages(@Nullable Long total, List<TicketMessage> items) {}

  /** Contacts. @param total the total or null @param items the contacts */
  public record Contacts(@Nullable Long total, List<Contact> items) {}

  /** Comments of a contact. @param total the total or null @param items the comments */
  public record Comments(@Nullable Long total, List<ContactComment> items) {}

  /** Agents. @param total the total or null @param items the agents */
  public record Agents(@Nullable Long total, List<Agent> items) {}

  /** Teams. @param total the total or null @param items the teams */
  public record Teams(@Nullable Long total, List<Team> items) {}

  /** Attendance queues. @param total the total or null @param items the queues */
  public record Queues(@Nullable Long total, List<AttendanceQueue> items) {}

  /** Agents' figures. @param total the total or null @param items the figures */
  public record AgentFigures(@Nullable Long total, List<AgentMetrics> items) {}

  /** Teams' figures. @param total the total or null @param items the figures */
  public record TeamFigures(@Nullable Long total, List<TeamMetrics> items) {}

  /** Monitored tickets. @param total the total or null @param items the tickets */
  public record MonitoredTickets(@Nullable Long total, List<MonitoredTicket> items) {}
}
