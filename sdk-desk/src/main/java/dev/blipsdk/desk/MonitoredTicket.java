package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A waiting or open ticket as Desk monitoring shows it ({@code /monitoring/waiting-tickets} and
 * {@code /monitoring/open-tickets}; {@code application/vnd.iris.desk.open-ticket-summary+json} and
 * {@code ...waiting-ticket-summary+json}). Times are .NET TimeSpans on the wire ({@code 00:11:29},
 * {@code 1.02:03:04.5000000}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks identities.
 *
 * @param id the ticket id
 * @param sequentialId the number agents see, or null
 * @param customerIdentity the customer
 * @param agentIdentity the agent serving it (open tickets), or null
 * @param ownerUserIdentity the user that owns the report, or null
 * @param team the queue, or null
 * @param queueTime how long it waited (or has been waiting) in the queue, or null
 * @param firstResponseTime how long the agent took to answer first (open tickets), or null
 * @param attendanceTime how long it has been in service (open tickets), or null
 * @param raw the whole item as Blip sent it
 */
public record MonitoredTicket(String id, @Nullable Long sequentialId, Identity customerIdentity,
    @Nullable Identity agentIdentity, @Nullable Identity ownerUserIdentity, @Nullable String team,
    @Nullable Duration queueTime, @Nullable Duration firstResponseTime, @Nullable Duration attendanceTime,
    JsonDocument raw) {

  /**
   * Validates.
   *
   * @throws NullPointerException if id or customerIdentity is null
   */
  public MonitoredTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerIdentity, "customerIdentity");
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /** Masks identities. */
  @Override
  public String toString() {
    return "MonitoredTicket{id=" + id + ", sequentialId=" + sequentialId + ", customer=" + customerIdentity
        + ", agent=" + agentIdentity + ", team=" + team + ", queueTime=" + queueTime + "}";
  }
}
