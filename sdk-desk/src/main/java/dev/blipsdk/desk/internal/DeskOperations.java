package dev.blipsdk.desk.internal;

import dev.blipsdk.core.observation.Operation;

/**
 * Every operation the Desk module names, for the client's {@link dev.blipsdk.core.observation.OperationListener}:
 * a closed set, so metric tags stay bounded. Contacts are the CRM extension's ({@code crm.*}); the rest are
 * Desk's ({@code desk.*}); the active message's context write is the bot's own ({@code desk.active_message.*}).
 */
public final class DeskOperations {
  public static final Operation CONTACTS_GET = Operation.of("crm.contacts.get", "/contacts/{identity}");
  public static final Operation CONTACTS_LIST = Operation.of("crm.contacts.list", "/contacts");
  public static final Operation CONTACTS_SET = Operation.of("crm.contacts.set", "/contacts");
  public static final Operation CONTACTS_MERGE = Operation.of("crm.contacts.merge", "/contacts");
  public static final Operation CONTACTS_DELETE = Operation.of("crm.contacts.delete", "/contacts/{identity}");
  public static final Operation COMMENTS_ADD = Operation.of("crm.contacts.comments.add",
      "/contacts/{identity}/comments");
  public static final Operation COMMENTS_LIST = Operation.of("crm.contacts.comments.list",
      "/contacts/{identity}/comments");
  public static final Operation COMMENTS_DELETE = Operation.of("crm.contacts.comments.delete",
      "/contacts/{identity}/comments/{id}");

  public static final Operation TICKETS_CREATE = Operation.of("desk.tickets.create", "/tickets");
  public static final Operation TICKETS_GET = Operation.of("desk.tickets.get", "/ticket/{id}");
  public static final Operation TICKETS_LIST = Operation.of("desk.tickets.list", "/tickets");
  public static final Operation TICKETS_CHANGE_STATUS = Operation.of("desk.tickets.change_status",
      "/tickets/change-status");
  public static final Operation TICKETS_CLOSE = Operation.of("desk.tickets.close", "/tickets/{id}/close");
  public static final Operation TICKETS_TRANSFER = Operation.of("desk.tickets.transfer", "/tickets/{id}/transfer");
  public static final Operation TICKETS_CHANGE_TAGS = Operation.of("desk.tickets.change_tags",
      "/tickets/{id}/change-tags");
  public static final Operation TICKETS_MESSAGES = Operation.of("desk.tickets.messages", "/tickets/{id}/messages");

  public static final Operation AGENTS_LIST = Operation.of("desk.agents.list", "/attendants");
  public static final Operation AGENTS_SET = Operation.of("desk.agents.set", "/attendants");
  public static final Operation AGENTS_DELETE = Operation.of("desk.agents.delete", "/attendants/{agent}");
  public static final Operation AGENTS_CHANGE_STATUS = Operation.of("desk.agents.change_status",
      "/attendants/change-status");
  public static final Operation TEAMS_LIST = Operation.of("desk.teams.list", "/teams");
  public static final Operation TEAMS_AGENTS_ONLINE = Operation.of("desk.teams.agents_online", "/teams/agents-online");

  public static final Operation QUEUES_LIST = Operation.of("desk.queues.list", "/attendance-queues");
  public static final Operation QUEUES_GET = Operation.of("desk.queues.get", "/attendance-queues/{id}");
  public static final Operation QUEUES_SET = Operation.of("desk.queues.set", "/attendance-queues");
  public static final Operation QUEUES_DELETE = Operation.of("desk.queues.delete", "/attendance-queues/{id}");

  public static final Operation MONITORING_TICKETS = Operation.of("desk.monitoring.tickets", "/monitoring/tickets");
  public static final Operation MONITORING_AGENTS = Operation.of("desk.monitoring.agents", "/monitoring/attendants");
  public static final Operation MONITORING_TEAMS = Operation.of("desk.monitoring.teams", "/monitoring/teams");
  public static final Operation MONITORING_WAITING = Operation.of("desk.monitoring.waiting_tickets",
      "/monitoring/waiting-tickets");
  public static final Operation MONITORING_OPEN = Operation.of("desk.monitoring.open_tickets",
      "/monitoring/open-tickets");

  public static final Operation ACTIVE_MESSAGE_ROUTE = Operation.of("desk.active_message.route",
      "/contexts/{identity}/Master-State");
  public static final Operation ACTIVE_MESSAGE_SEND = Operation.of("desk.active_message.send");

  public static final Operation ATTENDANCE_HOURS_LIST = Operation.of("desk.attendance_hours.list", "/attendance-hour");
  public static final Operation ATTENDANCE_HOURS_GET = Operation.of("desk.attendance_hours.get",
      "/attendance-hour-container/{id}");
  public static final Operation ATTENDANCE_HOURS_SET = Operation.of("desk.attendance_hours.set", "/attendance-hour");
  public static final Operation ATTENDANCE_HOURS_DELETE = Operation.of("desk.attendance_hours.delete",
      "/attendance-hour/{id}");

  public static final Operation REPLIES_LIST = Operation.of("desk.replies.list", "/replies");
  public static final Operation REPLIES_GET = Operation.of("desk.replies.get", "/replies/{category}");
  public static final Operation REPLIES_SET = Operation.of("desk.replies.set", "/replies/{category}");
  public static final Operation REPLIES_DELETE = Operation.of("desk.replies.delete", "/replies/{category}");

  public static final Operation OUT_OF_HOURS_THREADS = Operation.of("desk.out_of_hours.threads", "/threads");
  public static final Operation OUT_OF_HOURS_MESSAGES = Operation.of("desk.out_of_hours.messages",
      "/threads/{identity}");

  private DeskOperations() {}
}
