package dev.blipsdk.desk;

import dev.blipsdk.desk.internal.WireObject;

/**
 * Today's ticket counts of Desk monitoring ({@code /monitoring/tickets?version=2}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param waiting tickets waiting in a queue now
 * @param open tickets being served now
 * @param closed tickets closed today
 * @param closedAttendant of those, closed by an agent
 * @param closedClient of those, closed by the customer
 * @param transferred tickets transferred today
 * @param missed tickets missed (abandoned) today
 */
public record TicketsSummary(long waiting, long open, long closed, long closedAttendant, long closedClient,
    long transferred, long missed) {

  static TicketsSummary fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "tickets summary");
    return new TicketsSummary(n(o, "waiting"), n(o, "open"), n(o, "closed"), n(o, "closedAttendant"),
        n(o, "closedClient"), n(o, "transferred"), n(o, "missed"));
  }

  private static long n(WireObject o, String key) {
    Long v = o.lng(key);
    return v == null ? 0 : v;
  }
}
