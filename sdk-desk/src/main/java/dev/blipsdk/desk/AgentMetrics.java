package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One agent's figures of the day ({@code /monitoring/attendants?version=2},
 * {@code application/vnd.iris.desk.attendantticketssummary+json}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the identity.
 *
 * @param identity the agent
 * @param status the agent's status now ({@link AgentStatus#UNKNOWN} when absent or not known)
 * @param rawStatus the status as sent (a name, or Blip's number 0..3), or null
 * @param openedTickets tickets the agent is serving
 * @param closedTickets tickets the agent closed today
 * @param averageAttendanceTime the average attendance time, or null when not reported
 * @param averageResponseTime the average response time, or null when not reported
 * @param raw the whole item as Blip sent it
 */
public record AgentMetrics(Identity identity, AgentStatus status, @Nullable String rawStatus, long openedTickets,
    long closedTickets, @Nullable Duration averageAttendanceTime, @Nullable Duration averageResponseTime,
    JsonDocument raw) {

  /**
   * Validates.
   *
   * @throws NullPointerException if identity or status is null
   */
  public AgentMetrics {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(status, "status");
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /** Masks the identity. */
  @Override
  public String toString() {
    return "AgentMetrics{identity=" + identity + ", status=" + status + ", openedTickets=" + openedTickets
        + ", closedTickets=" + closedTickets + "}";
  }
}
