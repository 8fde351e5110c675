package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One agent's figures of the day ({@code /monitoring/attendants?version=2}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the identity.
 *
 * @param identity the agent
 * @param status the agent's status now
 * @param openedTickets tickets the agent is serving
 * @param closedTickets tickets the agent closed today
 * @param averageAttendanceTime the average attendance time, or null when not reported
 * @param averageResponseTime the average response time, or null when not reported
 */
public record AgentMetrics(Identity identity, AgentStatus status, long openedTickets, long closedTickets,
    @Nullable Duration averageAttendanceTime, @Nullable Duration averageResponseTime) {

  /**
   * Validates.
   *
   * @throws NullPointerException if identity or status is null
   */
  public AgentMetrics {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(status, "status");
  }

  static AgentMetrics fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "agent figures");
    Identity id = o.identity("identity");
    if (id == null) {
      throw new BlipProtocolException("agent figures without identity");
    }
    Long opened = o.lng("openedTickets");
    Long closed = o.lng("closedTickets");
    return new AgentMetrics(id, AgentStatus.fromWire(o.str("status")), opened == null ? 0 : opened,
        closed == null ? 0 : closed, o.duration("averageAttendanceTime"), o.duration("averageResponseTime"));
  }
}
