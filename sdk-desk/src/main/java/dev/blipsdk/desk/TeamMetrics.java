package dev.blipsdk.desk;

import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One team's figures of the day ({@code /monitoring/teams?version=2}; the shape is not documented, the
 * SDK reads the fields below when present).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the team (queue) name
 * @param waitingTickets tickets waiting in the team's queue
 * @param openedTickets tickets being served
 * @param closedTickets tickets closed today
 * @param averageWaitTime the average wait, or null when not reported
 * @param averageAttendanceTime the average attendance time, or null when not reported
 * @param averageResponseTime the average response time, or null when not reported
 */
public record TeamMetrics(String name, long waitingTickets, long openedTickets, long closedTickets,
    @Nullable Duration averageWaitTime, @Nullable Duration averageAttendanceTime,
    @Nullable Duration averageResponseTime) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   */
  public TeamMetrics {
    Objects.requireNonNull(name, "name");
  }

  static TeamMetrics fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "team figures");
    String name = o.str("name");
    if (name == null) {
      name = o.str("team");
    }
    if (name == null) {
      throw new BlipProtocolException("team figures without name");
    }
    return new TeamMetrics(name, n(o, "waitingTickets"), n(o, "openedTickets"), n(o, "closedTickets"),
        o.duration("averageWaitTime"), o.duration("averageAttendanceTime"), o.duration("averageResponseTime"));
  }

  private static long n(WireObject o, String key) {
    Long v = o.lng(key);
    return v == null ? 0 : v;
  }
}
