package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One team's figures of the day ({@code /monitoring/teams?version=2},
 * {@code application/vnd.iris.desk.teamticketssummary+json}).
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
 * @param raw the whole item as Blip sent it
 */
public record TeamMetrics(String name, long waitingTickets, long openedTickets, long closedTickets,
    @Nullable Duration averageWaitTime, @Nullable Duration averageAttendanceTime,
    @Nullable Duration averageResponseTime, JsonDocument raw) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   */
  public TeamMetrics {
    Objects.requireNonNull(name, "name");
    raw = raw == null ? WriteBack.EMPTY : raw;
  }
}
