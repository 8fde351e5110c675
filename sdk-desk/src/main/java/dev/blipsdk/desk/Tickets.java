package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.desk.internal.OData;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.Pages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Blip Desk tickets ({@code postmaster@desk.msging.net}): create, read, list, route, close, transfer.
 *
 * <pre>{@code
 * Tickets tickets = desk.tickets();
 * Ticket t = tickets.create(customer);
 * tickets.assign(t.id(), Agents.identityOf("ana@acme.com"));
 * TicketTransfer moved = tickets.transferToQueue(t.id(), "Sales");
 * Ticket current = moved.newTicket();          // a transfer makes a NEW ticket
 * tickets.close(current.id(), agent, List.of("resolved"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Tickets {
  /** The largest page Blip serves for tickets ({@code $take}). */
  public static final int MAX_TAKE = 100;
  /** The team Blip records on tickets sent straight to a named agent. */
  public static final String DIRECT_TRANSFER_TEAM = "DIRECT_TRANSFER";

  private final DeskCommands desk;

  Tickets(DeskCommands desk) {
    this.desk = desk;
  }

  /**
   * Opens a ticket for a customer; it enters the queues like any other ({@code status: Waiting}).
   *
   * @param customer the customer's identity
   * @return the created ticket
   */
  public Ticket create(Identity customer) {
    Objects.requireNonNull(customer, "customer");
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("customerIdentity", customer.value());
    return desk.set(DeskOperations.TICKETS_CREATE, "/tickets", MediaTypes.TICKET, r, Ticket.class);
  }

  /**
   * Opens a ticket for a customer directly for one agent, in a team. Blip documents this for Redis
   * distribution only; with SQL distribution the server refuses it.
   *
   * @param customer the customer's identity
   * @param agent the agent's identity
   * @param team the team, for example {@value #DIRECT_TRANSFER_TEAM}
   * @return the created ticket
   */
  public Ticket createForAgent(Identity customer, Identity agent, String team) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(agent, "agent");
    requireText("team", team);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("customerIdentity", customer.value());
    r.put("agentIdentity", agent.value());
    r.put("team", team);
    return desk.set(DeskOperations.TICKETS_CREATE, "/tickets", MediaTypes.TICKET, r, Ticket.class);
  }

  /**
   * Gets one ticket with {@code get /ticket/{id}} (singular, as documented). If the server does not
   * support that resource (code 62), falls back to {@code /tickets?$filter=id eq '{id}'}.
   *
   * @param ticketId the ticket id
   * @return the ticket
   * @throws BlipCommandException if it does not exist ({@link BlipCommandException#isNotFound()})
   */
  public Ticket get(String ticketId) {
    requireText("ticketId", ticketId);
    try {
      return desk.get(DeskOperations.TICKETS_GET, CommandUri.path("/ticket").segment(ticketId).build(), Ticket.class);
    } catch (BlipCommandException e) {
      Integer code = e.reasonCode();
      if (code == null || code != Reason.RESOURCE_NOT_SUPPORTED) {
        throw e;
      }
      String uri = CommandUri.path("/tickets").query("$filter", "id eq " + OData.string(ticketId))
          .query("$skip", 0).query("$take", 1).build();
      List<Ticket> found = desk.get(DeskOperations.TICKETS_LIST, uri, Pages.Tickets.class).items();
      if (found.isEmpty()) {
        throw new BlipCommandException(new Reason(Reason.RESOURCE_NOT_FOUND, "The requested resource was not found"),
            null, "get", uri, 1);
      }
      return found.get(0);
    }
  }

  /**
   * Gets one ticket, or nothing when it does not exist.
   *
   * @param ticketId the ticket id
   * @return the ticket or empty
   */
  public Optional<Ticket> find(String ticketId) {
    try {
      return Optional.of(get(ticketId));
    } catch (BlipCommandException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Lists tickets matching a query, fetched lazily {@value #MAX_TAKE} at a time (Blip's maximum; a
   * smaller {@link PagedIterable#pageSize(int)} is honoured, a larger one is refused).
   *
   * @param query the query
   * @return the tickets
   */
  public PagedIterable<Ticket> list(TicketQuery query) {
    Objects.requireNonNull(query, "query");
    String filter = query.toOData();
    boolean closed = query.closed();
    return PagedIterable.of((skip, take) -> {
      int t = Math.min(take, MAX_TAKE);
      CommandUri uri = CommandUri.path("/tickets");
      if (filter != null) {
        uri.query("$filter", filter);
      }
      if (closed) {
        uri.query("$closed", "true");
      }
      Pages.Tickets page = desk.get(DeskOperations.TICKETS_LIST, uri.query("$skip", skip).query("$take", t).build(),
          Pages.Tickets.class);
      return new Page<>(page.items(), page.total(), skip, t);
    }, MAX_TAKE, MAX_TAKE, Long.MAX_VALUE);
  }

  /**
   * The customer's open ticket (waiting, open or assigned), if any; the most recent one if the server
   * returns several.
   *
   * @param customer the customer's identity
   * @return the open ticket or empty
   */
  public Optional<Ticket> openTicketOf(Identity customer) {
    return openTicketOf(customer, RequestOptions.none());
  }

  /** {@link #openTicketOf(Identity)} with per-call options (the rest of an operation's deadline, say). */
  Optional<Ticket> openTicketOf(Identity customer, RequestOptions options) {
    Objects.requireNonNull(customer, "customer");
    TicketQuery q = TicketQuery.builder().customer(customer)
        .status(TicketStatus.WAITING, TicketStatus.OPEN, TicketStatus.ASSIGNED).build();
    String uri = CommandUri.path("/tickets").query("$filter", Objects.requireNonNull(q.toOData()))
        .query("$skip", 0).query("$take", MAX_TAKE).build();
    return desk.get(DeskOperations.TICKETS_LIST, uri, Pages.Tickets.class, options).items().stream()
        .filter(t -> t.isOpen() && t.customerIdentity().value().equalsIgnoreCase(customer.value()))
        .max(Comparator.comparing(t -> t.storageDate() == null ? java.time.Instant.MIN : t.storageDate()));
  }

  /**
   * The customer's closed tickets ({@code $closed=true}), most recent first as the server orders them.
   *
   * @param customer the customer's identity
   * @return the closed tickets
   */
  public PagedIterable<Ticket> closedTicketsOf(Identity customer) {
    return list(TicketQuery.builder().customer(customer).closed().build());
  }

  /**
   * Gives the ticket to an agent ({@code status: Open}).
   *
   * @param ticketId the ticket id
   * @param agent the agent's identity
   */
  public void assign(String ticketId, Identity agent) {
    Objects.requireNonNull(agent, "agent");
    changeStatus(ticketId, TicketStatus.OPEN, agent);
  }

  /**
   * Closes the ticket as the agent ({@code ClosedAttendant}).
   *
   * @param ticketId the ticket id
   */
  public void closeAsAgent(String ticketId) {
    changeStatus(ticketId, TicketStatus.CLOSED_ATTENDANT, null);
  }

  /**
   * Closes the ticket as the customer ({@code ClosedClient}).
   *
   * @param ticketId the ticket id
   */
  public void closeAsCustomer(String ticketId) {
    changeStatus(ticketId, TicketStatus.CLOSED_CLIENT, null);
  }

  /**
   * Changes a ticket's status ({@code set /tickets/change-status}).
   *
   * @param ticketId the ticket id
   * @param status the new status (not {@link TicketStatus#UNKNOWN})
   * @param agent the agent, needed for {@link TicketStatus#OPEN}; null otherwise
   * @throws BlipValidationException if {@code OPEN} comes without an agent or the status is UNKNOWN
   */
  public void changeStatus(String ticketId, TicketStatus status, @Nullable Identity agent) {
    requireText("ticketId", ticketId);
    Objects.requireNonNull(status, "status");
    if (status == TicketStatus.UNKNOWN || status == TicketStatus.NONE) {
      throw new BlipValidationException("status", "must be a real status",
          "cannot set a ticket to " + status + ": pick Open, ClosedAttendant, ClosedClient...");
    }
    if (status == TicketStatus.OPEN && agent == null) {
      throw new BlipValidationException("agent", "required for Open", "opening a ticket needs the agent");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", ticketId);
    r.put("status", status.wireValue());
    if (agent != null) {
      r.put("agentIdentity", agent.value());
    }
    desk.setIdempotent(DeskOperations.TICKETS_CHANGE_STATUS, "/tickets/change-status", MediaTypes.TICKET, r);
  }

  /**
   * Finalises (archives) a ticket with tags ({@code set /tickets/{id}/close}).
   *
   * @param ticketId the ticket id
   * @param closedBy who closes it, usually the agent
   * @param tags the tags to record (may be empty)
   */
  public void close(String ticketId, Identity closedBy, List<String> tags) {
    requireText("ticketId", ticketId);
    Objects.requireNonNull(closedBy, "closedBy");
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("closedBy", closedBy.value());
    r.put("tags", checkTags(tags));
    desk.setIdempotent(DeskOperations.TICKETS_CLOSE, ticketUri(ticketId).encodedSegment("close").build(), MediaTypes.TICKET, r);
  }

  /**
   * Transfers a ticket to another queue. Blip closes this ticket and opens a new one.
   *
   * @param ticketId the ticket to transfer
   * @param team the destination queue (team) name
   * @return the old id and the NEW ticket
   */
  public TicketTransfer transferToQueue(String ticketId, String team) {
    requireText("team", team);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("team", team);
    return transfer(ticketId, r);
  }

  /**
   * Transfers a ticket to one agent, in the team {@value #DIRECT_TRANSFER_TEAM} as the Desk app does.
   * Blip closes this ticket and opens a new one. Redis distribution only.
   *
   * @param ticketId the ticket to transfer
   * @param agent the destination agent
   * @return the old id and the NEW ticket
   */
  public TicketTransfer transferToAgent(String ticketId, Identity agent) {
    return transferToAgent(ticketId, agent, DIRECT_TRANSFER_TEAM);
  }

  /**
   * Transfers a ticket to one agent within a team. Blip closes this ticket and opens a new one.
   *
   * @param ticketId the ticket to transfer
   * @param agent the destination agent
   * @param team the team to record
   * @return the old id and the NEW ticket
   */
  public TicketTransfer transferToAgent(String ticketId, Identity agent, String team) {
    Objects.requireNonNull(agent, "agent");
    requireText("team", team);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("agentIdentity", agent.value());
    r.put("team", team);
    return transfer(ticketId, r);
  }

  private TicketTransfer transfer(String ticketId, Map<String, Object> resource) {
    requireText("ticketId", ticketId);
    Ticket created = desk.set(DeskOperations.TICKETS_TRANSFER, ticketUri(ticketId).encodedSegment("transfer").build(),
        MediaTypes.TICKET,
        resource, Ticket.class);
    return new TicketTransfer(ticketId, created);
  }

  /**
   * Replaces a ticket's tags ({@code set /tickets/{id}/change-tags}).
   *
   * @param ticketId the ticket id
   * @param tags the tags (the whole new list)
   */
  public void changeTags(String ticketId, List<String> tags) {
    requireText("ticketId", ticketId);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", ticketId);
    r.put("tags", checkTags(tags));
    desk.setIdempotent(DeskOperations.TICKETS_CHANGE_TAGS, ticketUri(ticketId).encodedSegment("change-tags").build(), MediaTypes.TICKET, r);
  }

  /**
   * The conversation of a ticket, up to the last {@value #MAX_TAKE} messages (Blip keeps ticket
   * messages about a month). For router setups the messages are read from the owner of the tunnel.
   *
   * @param ticketId the ticket id
   * @return the messages, in the server's order
   */
  public List<TicketMessage> messages(String ticketId) {
    requireText("ticketId", ticketId);
    String uri = ticketUri(ticketId).encodedSegment("messages").query("$take", MAX_TAKE)
        .query("getFromOwnerIfTunnel", "true").build();
    return desk.get(DeskOperations.TICKETS_MESSAGES, uri, Pages.Messages.class).items();
  }

  private static CommandUri ticketUri(String ticketId) {
    return CommandUri.path("/tickets").segment(ticketId);
  }

  private static List<String> checkTags(List<String> tags) {
    Objects.requireNonNull(tags, "tags");
    for (int i = 0; i < tags.size(); i++) {
      String t = tags.get(i);
      if (t == null || t.isBlank()) {
        throw new BlipValidationException("tags[" + i + "]", "must not be blank", "tag " + i + " is blank");
      }
    }
    return List.copyOf(tags);
  }

  static void requireText(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new BlipValidationException(field, "must not be blank", field + " must not be blank");
    }
  }
}
