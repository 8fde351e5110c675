package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.desk.internal.OData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets to list: typed filters turned into Blip's {@code $filter} (escaped by the SDK), plus
 * {@code $closed=true} for closed tickets (Blip refuses {@code status eq 'closed'}).
 *
 * <pre>{@code
 * TicketQuery q = TicketQuery.builder()
 *     .status(TicketStatus.WAITING, TicketStatus.OPEN)
 *     .team("Sales")
 *     .createdFrom(Instant.parse("2024-05-01T00:00:00Z"))
 *     .build();
 * for (Ticket t : desk.tickets().list(q)) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TicketQuery {
  private final Set<TicketStatus> statuses;
  private final @Nullable Identity customer;
  private final @Nullable Identity agent;
  private final @Nullable String team;
  private final @Nullable Instant createdFrom;
  private final @Nullable Instant createdUntil;
  private final boolean closed;

  private TicketQuery(Builder b) {
    this.statuses = b.statuses.isEmpty() ? Set.of() : Set.copyOf(b.statuses);
    this.customer = b.customer;
    this.agent = b.agent;
    this.team = b.team;
    this.createdFrom = b.createdFrom;
    this.createdUntil = b.createdUntil;
    this.closed = b.closed;
  }

  /**
   * A new builder; with nothing set, the query lists every ticket the server lists by default.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A query for every ticket the server lists by default (open ones).
   *
   * @return the query
   */
  public static TicketQuery all() {
    return new Builder().build();
  }

  /**
   * Whether the query asks for closed tickets ({@code $closed=true}).
   *
   * @return true for closed tickets
   */
  public boolean closed() {
    return closed;
  }

  /**
   * The {@code $filter} text before percent-encoding, or null when the query filters nothing.
   *
   * @return the OData filter or null
   */
  public @Nullable String toOData() {
    List<String> parts = new ArrayList<>();
    if (!statuses.isEmpty()) {
      List<String> ors = new ArrayList<>();
      for (TicketStatus s : TicketStatus.values()) {
        if (statuses.contains(s)) {
          ors.add("status eq " + OData.string(s.wireValue()));
        }
      }
      parts.add(ors.size() == 1 ? ors.get(0) : "(" + String.join(" or ", ors) + ")");
    }
    if (customer != null) {
      parts.add("customerIdentity eq " + OData.string(customer.value()));
    }
    if (agent != null) {
      parts.add("agentIdentity eq " + OData.string(agent.value()));
    }
    if (team != null) {
      parts.add("team eq " + OData.string(team));
    }
    if (createdFrom != null) {
      parts.add("storageDate ge " + OData.dateTime(createdFrom));
    }
    if (createdUntil != null) {
      parts.add("storageDate le " + OData.dateTime(createdUntil));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "(" + String.join(" and ", parts) + ")";
  }

  /** Masks the values. */
  @Override
  public String toString() {
    String f = toOData();
    return "TicketQuery{filter=" + (f == null ? "none" : CoreBridge.maskUri(f)) + ", closed=" + closed + "}";
  }

  /** Builds a {@link TicketQuery}. Not thread-safe. */
  public static final class Builder {
    private final Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
    private @Nullable Identity customer;
    private @Nullable Identity agent;
    private @Nullable String team;
    private @Nullable Instant createdFrom;
    private @Nullable Instant createdUntil;
    private boolean closed;

    private Builder() {}

    /**
     * Only tickets with one of these statuses.
     *
     * @param values the statuses (not {@link TicketStatus#UNKNOWN})
     * @return this builder
     * @throws IllegalArgumentException for {@link TicketStatus#UNKNOWN}
     */
    public Builder status(TicketStatus... values) {
      for (TicketStatus s : values) {
        Objects.requireNonNull(s, "status");
        if (s == TicketStatus.UNKNOWN) {
          throw new IllegalArgumentException("status UNKNOWN cannot be filtered on: it is not a wire value");
        }
        statuses.add(s);
      }
      return this;
    }

    /**
     * Only tickets of this customer.
     *
     * @param identity the customer
     * @return this builder
     */
    public Builder customer(Identity identity) {
      this.customer = Objects.requireNonNull(identity, "customer");
      return this;
    }

    /**
     * Only tickets served by this agent.
     *
     * @param identity the agent, for example {@code Agents.identityOf("ana@acme.com")}
     * @return this builder
     */
    public Builder agent(Identity identity) {
      this.agent = Objects.requireNonNull(identity, "agent");
      return this;
    }

    /**
     * Only tickets in this queue (team).
     *
     * @param name the queue name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder team(String name) {
      Objects.requireNonNull(name, "team");
      if (name.isBlank()) {
        throw new IllegalArgumentException("team must not be blank");
      }
      this.team = name;
      return this;
    }

    /**
     * Only tickets created at or after an instant ({@code storageDate ge ...}).
     *
     * @param instant the instant
     * @return this builder
     */
    public Builder createdFrom(Instant instant) {
      this.createdFrom = Objects.requireNonNull(instant, "createdFrom");
      return this;
    }

    /**
     * Only tickets created at or before an instant ({@code storageDate le ...}).
     *
     * @param instant the instant
     * @return this builder
     */
    public Builder createdUntil(Instant instant) {
      this.createdUntil = Objects.requireNonNull(instant, "createdUntil");
      return this;
    }

    /**
     * Closed tickets ({@code $closed=true}) instead of the default list.
     *
     * @return this builder
     */
    public Builder closed() {
      this.closed = true;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException if the dates are reversed, or closed statuses are asked without
     *     {@link #closed()}
     */
    public TicketQuery build() {
      if (createdFrom != null && createdUntil != null && createdFrom.isAfter(createdUntil)) {
        throw new IllegalArgumentException("createdFrom must not be after createdUntil");
      }
      for (TicketStatus s : statuses) {
        if (s.isClosed() && !closed) {
          throw new IllegalArgumentException("status " + s.wireValue() + " is a closed status: call closed() "
              + "too (Blip lists closed tickets only with $closed=true)");
        }
      }
      return new TicketQuery(this);
    }
  }
}
