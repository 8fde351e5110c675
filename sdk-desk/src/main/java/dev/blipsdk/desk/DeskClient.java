package dev.blipsdk.desk;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.whatsapp.Campaign;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entry point to Blip Desk: contacts, tickets, attendance queues, agents and teams, monitoring, active
 * messages sent from Desk, attendance hours, ready replies and out-of-hours contacts.
 * Built on a {@link BlipClient}, whose key, timeouts, retries and clock it uses.
 *
 * <pre>{@code
 * BlipClient blip = BlipClient.builder().contract("acme").credentials("mybot", accessKey).build();
 * DeskClient desk = DeskClient.of(blip);
 *
 * Optional<Ticket> open = desk.tickets().openTicketOf(customer);
 * desk.contacts().update(ContactUpdate.of(customer).extra("plan", "Gold").build());
 * TicketsSummary today = desk.monitoring().tickets();
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per bot and share it. It holds no state of its own besides its
 * configuration, so closing the {@link BlipClient} is all the clean-up there is.
 */
public final class DeskClient {
  private final BlipClient client;
  private final Node contactsAddress;
  private final Contacts contacts;
  private final Tickets tickets;
  private final AttendanceQueues queues;
  private final Agents agents;
  private final Monitoring monitoring;
  private final DeskActiveMessages activeMessages;
  private final WhatsAppClient whatsApp;
  private final AttendanceHours attendanceHours;
  private final ReadyReplies readyReplies;
  private final OutOfHoursContacts outOfHours;

  private DeskClient(Builder b) {
    this.client = b.client;
    this.contactsAddress = b.contactsAddress;
    DeskCommands desk = new DeskCommands(client, DeskCommands.DESK);
    this.contacts = new Contacts(new DeskCommands(client, contactsAddress));
    this.tickets = new Tickets(desk);
    this.queues = new AttendanceQueues(desk);
    this.agents = new Agents(desk);
    this.monitoring = new Monitoring(desk);
    this.whatsApp = b.whatsApp != null ? b.whatsApp : WhatsAppClient.of(client);
    Clock clock = b.clock != null ? b.clock : client.clock();
    this.activeMessages = new DeskActiveMessages(tickets, agents, whatsApp, clock, b.routing, b.serviceBot,
        b.directRoutingWindow, b.visibilityAfterExpiry);
    this.attendanceHours = new AttendanceHours(desk, clock);
    this.readyReplies = new ReadyReplies(desk);
    this.outOfHours = new OutOfHoursContacts(new DeskCommands(client, DeskCommands.MSGING), activeMessages, clock);
  }

  /**
   * A Desk client with the defaults.
   *
   * @param client the Blip client of the bot that runs Desk
   * @return the Desk client
   */
  public static DeskClient of(BlipClient client) {
    return builder(client).build();
  }

  /**
   * A builder.
   *
   * @param client the Blip client of the bot that runs Desk
   * @return the builder
   */
  public static Builder builder(BlipClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /**
   * The Blip client this Desk client sends through.
   *
   * @return the client
   */
  public BlipClient blipClient() {
    return client;
  }

  /**
   * The bot's contacts.
   *
   * @return the contacts API
   */
  public Contacts contacts() {
    return contacts;
  }

  /**
   * Tickets.
   *
   * @return the tickets API
   */
  public Tickets tickets() {
    return tickets;
  }

  /**
   * Attendance queues.
   *
   * @return the queues API
   */
  public AttendanceQueues queues() {
    return queues;
  }

  /**
   * Agents and teams.
   *
   * @return the agents API
   */
  public Agents agents() {
    return agents;
  }

  /**
   * Today's monitoring figures.
   *
   * @return the monitoring API
   */
  public Monitoring monitoring() {
    return monitoring;
  }

  /**
   * Active messages sent from Desk by agents.
   *
   * @return the active-messages API
   */
  public DeskActiveMessages activeMessages() {
    return activeMessages;
  }

  /**
   * The active campaign a ticket was born from: the ticket's {@code CampaignId} looked up with
   * {@link dev.blipsdk.whatsapp.Campaigns#find(String)} (through the WhatsApp client of this Desk client). Here,
   * not in the WhatsApp module, because Desk depends on WhatsApp and not the other way round.
   *
   * @param ticket the ticket
   * @return the campaign, or empty when the ticket has no {@code CampaignId} or Blip no longer has the campaign
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public Optional<Campaign> campaignOf(Ticket ticket) {
    Objects.requireNonNull(ticket, "ticket");
    String id = ticket.campaignId();
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return whatsApp.campaigns().find(id);
  }

  /**
   * Attendance hours, with their queue overrides, and the escalation decision.
   *
   * @return the attendance-hours API
   */
  public AttendanceHours attendanceHours() {
    return attendanceHours;
  }

  /**
   * Ready replies, by category.
   *
   * @return the ready-replies API
   */
  public ReadyReplies readyReplies() {
    return readyReplies;
  }

  /**
   * The customers who wrote out of hours, from the thread history, and active messages to them.
   *
   * @return the out-of-hours API
   */
  public OutOfHoursContacts outOfHours() {
    return outOfHours;
  }

  @Override
  public String toString() {
    return "DeskClient{" + client + ", contacts=" + contactsAddress.value() + "}";
  }

  /** Builds a {@link DeskClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private final BlipClient client;
    private Node contactsAddress = DeskCommands.CRM;
    private @Nullable WhatsAppClient whatsApp;
    private @Nullable Clock clock;
    private ActiveMessageRouting routing = ActiveMessageRouting.AGENT_METADATA;
    private @Nullable Identity serviceBot;
    private Duration directRoutingWindow = DeskActiveMessages.DEFAULT_DIRECT_ROUTING_WINDOW;
    private Duration visibilityAfterExpiry = DeskActiveMessages.DEFAULT_VISIBILITY_AFTER_EXPIRY;

    private Builder(BlipClient client) {
      this.client = client;
    }

    /**
     * Where contact commands go: {@code postmaster@crm.msging.net} by default (the documented address).
     * Some bots use {@code postmaster@msging.net}; whether the two are equivalent is not documented.
     *
     * @param address the postmaster address
     * @return this builder
     * @throws IllegalArgumentException if the text is not a node
     */
    public Builder contactsAddress(String address) {
      this.contactsAddress = Node.parse(Objects.requireNonNull(address, "address"));
      return this;
    }

    /**
     * The WhatsApp client active messages are resolved and sent through. By default one made from the
     * Desk client's {@link BlipClient}; in router setups, pass one built on the router's key (the bot
     * with the WhatsApp channel), with {@link ActiveMessageRouting#MASTER_STATE}.
     *
     * @param client the WhatsApp client
     * @return this builder
     */
    public Builder whatsApp(WhatsAppClient client) {
      this.whatsApp = Objects.requireNonNull(client, "whatsApp");
      return this;
    }

    /**
     * The clock active-message expiry is measured on; the {@link BlipClient}'s clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How the answer to an active message is routed to the sending agent; default
     * {@link ActiveMessageRouting#AGENT_METADATA}.
     *
     * @param value the routing mechanism
     * @return this builder
     */
    public Builder activeMessageRouting(ActiveMessageRouting value) {
      this.routing = Objects.requireNonNull(value, "activeMessageRouting");
      return this;
    }

    /**
     * The service bot that runs Desk, written into the customer's {@code Master-State} with
     * {@link ActiveMessageRouting#MASTER_STATE}, for example {@code mydeskbot@msging.net}.
     *
     * @param identity the service bot identity
     * @return this builder
     */
    public Builder serviceBot(Identity identity) {
      this.serviceBot = Objects.requireNonNull(identity, "serviceBot");
      return this;
    }

    /**
     * How long after the send the answer is routed to the sending agent (24 h by default, as the Desk
     * help center says).
     *
     * @param window a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the window is not positive
     */
    public Builder directRoutingWindow(Duration window) {
      Objects.requireNonNull(window, "directRoutingWindow");
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("directRoutingWindow must be positive, was " + window);
      }
      this.directRoutingWindow = window;
      return this;
    }

    /**
     * How long after the window a send stays in the agent's "Sent" list (48 h by default).
     *
     * @param duration zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder visibilityAfterExpiry(Duration duration) {
      Objects.requireNonNull(duration, "visibilityAfterExpiry");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("visibilityAfterExpiry must not be negative, was " + duration);
      }
      this.visibilityAfterExpiry = duration;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the Desk client
     * @throws IllegalStateException if {@link ActiveMessageRouting#MASTER_STATE} is chosen without a
     *     {@link #serviceBot(Identity)}
     */
    public DeskClient build() {
      if (routing == ActiveMessageRouting.MASTER_STATE && serviceBot == null) {
        throw new IllegalStateException("MASTER_STATE routing needs serviceBot(identity): the bot that runs Desk");
      }
      return new DeskClient(this);
    }
  }
}
