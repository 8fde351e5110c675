package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Today's ticket counts of Desk monitoring ({@code /monitoring/tickets?version=2},
 * {@code application/vnd.iris.desk.ticketssummary+json}). Counters Blip sends beyond these (tenants see more
 * than the docs list) are in {@link #raw()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the day the counts are for, or null when not sent
 * @param waiting tickets waiting in a queue now
 * @param open tickets being served now
 * @param closed tickets closed today
 * @param closedAttendant of those, closed by an agent
 * @param closedClient of those, closed by the customer
 * @param transferred tickets transferred today
 * @param missed tickets missed (abandoned) today
 * @param raw the whole summary as Blip sent it
 */
public record TicketsSummary(@Nullable Instant date, long waiting, long open, long closed, long closedAttendant,
    long closedClient, long transferred, long missed, JsonDocument raw) {

  /** Fills a missing raw document with an empty object. */
  public TicketsSummary {
    raw = raw == null ? WriteBack.EMPTY : raw;
  }
}
