package dev.blipsdk.desk;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.desk.internal.DeskTransport;
import java.util.Objects;

/**
 * The entry point to Blip Desk: contacts, tickets, attendance queues, agents and teams, monitoring.
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

  private DeskClient(Builder b) {
    this.client = b.client;
    this.contactsAddress = b.contactsAddress;
    DeskTransport desk = new DeskTransport(client, DeskTransport.DESK);
    this.contacts = new Contacts(new DeskTransport(client, contactsAddress));
    this.tickets = new Tickets(desk);
    this.queues = new AttendanceQueues(desk);
    this.agents = new Agents(desk);
    this.monitoring = new Monitoring(desk);
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

  @Override
  public String toString() {
    return "DeskClient{" + client + ", contacts=" + contactsAddress.value() + "}";
  }

  /** Builds a {@link DeskClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private final BlipClient client;
    private Node contactsAddress = DeskTransport.CRM;

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
     * Builds the client.
     *
     * @return the Desk client
     */
    public DeskClient build() {
      return new DeskClient(this);
    }
  }
}
