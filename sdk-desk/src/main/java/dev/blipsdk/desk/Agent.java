package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Desk agent (attendant, {@code application/vnd.iris.desk.attendant+json}). When Blip leaves the identity
 * out, it is made from the e-mail address ({@link Agents#identityOf(String)}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the identity and prints no e-mail or name.
 *
 * @param identity the agent identity, for example {@code ana%40acme.com@blip.ai}
 * @param fullName the full name, or null
 * @param email the e-mail address, or null
 * @param teams the teams (queues) the agent serves, never null
 * @param status the status ({@link AgentStatus#UNKNOWN} when absent or not known)
 * @param rawStatus the status as sent (a name, or Blip's number 0..3), or null
 * @param lastServiceDate when the agent last served a ticket, or null
 * @param agentSlots how many tickets the agent may serve at once, or null
 * @param ticketsInService how many tickets the agent is serving, or null
 * @param isEnabled whether the agent is enabled, or null when not said
 * @param raw the whole agent document as Blip sent it
 */
public record Agent(Identity identity, @Nullable String fullName, @Nullable String email, List<String> teams,
    AgentStatus status, @Nullable String rawStatus, @Nullable Instant lastServiceDate, @Nullable Integer agentSlots,
    @Nullable Integer ticketsInService, @Nullable Boolean isEnabled, JsonDocument raw) {

  /**
   * Validates and copies; an agent without identity gets the one made from its e-mail address.
   *
   * @throws NullPointerException if the identity is null and there is no e-mail address, or status is null
   * @throws IllegalArgumentException if the identity is null and the e-mail is not an address
   */
  public Agent {
    if (identity == null && email != null) {
      try {
        identity = Agents.identityOf(email);
      } catch (BlipValidationException e) {
        throw new IllegalArgumentException("agent without identity, and its e-mail is not an address", e);
      }
    }
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(status, "status");
    teams = teams == null ? List.of() : List.copyOf(teams);
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  @Override
  public String toString() {
    return "Agent{identity=" + identity + ", status=" + status + ", teams=" + teams + ", ticketsInService="
        + ticketsInService + "}";
  }
}
