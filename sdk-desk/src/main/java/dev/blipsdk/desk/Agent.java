package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Desk agent (attendant, {@code application/vnd.iris.desk.attendant+json}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the identity and prints no e-mail or name.
 *
 * @param identity the agent identity, for example {@code ana%40acme.com@blip.ai}
 * @param fullName the full name, or null
 * @param email the e-mail address, or null
 * @param teams the teams (queues) the agent serves, never null
 * @param status the status ({@link AgentStatus#UNKNOWN} when absent or not known)
 * @param rawStatus the status as sent, or null
 * @param lastServiceDate when the agent last served a ticket, or null
 * @param agentSlots how many tickets the agent may serve at once, or null
 * @param ticketsInService how many tickets the agent is serving, or null
 * @param enabled whether the agent is enabled, or null when not said
 */
public record Agent(Identity identity, @Nullable String fullName, @Nullable String email, List<String> teams,
    AgentStatus status, @Nullable String rawStatus, @Nullable Instant lastServiceDate, @Nullable Integer agentSlots,
    @Nullable Integer ticketsInService, @Nullable Boolean enabled) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if identity or status is null
   */
  public Agent {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(status, "status");
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  static Agent fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "agent");
    Identity identity = o.identity("identity");
    if (identity == null) {
      String email = o.str("email");
      if (email == null) {
        throw new BlipProtocolException("agent without identity");
      }
      try {
        identity = Agents.identityOf(email);
      } catch (dev.blipsdk.core.exception.BlipValidationException | IllegalArgumentException e) {
        throw new BlipProtocolException("agent without identity and with an e-mail that is not an address", e);
      }
    }
    String raw = o.str("status");
    return new Agent(identity, o.str("fullName"), o.str("email"), o.strings("teams"), AgentStatus.fromWire(raw), raw,
        o.instant("lastServiceDate"), o.integer("agentSlots"), o.integer("ticketsInService"),
        o.has("isEnabled") ? o.bool("isEnabled", true) : null);
  }

  @Override
  public String toString() {
    return "Agent{identity=" + identity + ", status=" + status + ", teams=" + teams + ", ticketsInService="
        + ticketsInService + "}";
  }
}
