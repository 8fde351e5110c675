package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A waiting or open ticket as Desk monitoring shows it ({@code /monitoring/waiting-tickets} and
 * {@code /monitoring/open-tickets}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks identities.
 *
 * @param id the ticket id
 * @param sequentialId the number agents see, or null
 * @param customerIdentity the customer
 * @param agentIdentity the agent serving it (open tickets), or null
 * @param team the queue, or null
 * @param queueTime how long it waited (or has been waiting) in the queue, or null
 * @param firstResponseTime how long the agent took to answer first (open tickets), or null
 */
public record MonitoredTicket(String id, @Nullable Long sequentialId, Identity customerIdentity,
    @Nullable Identity agentIdentity, @Nullable String team, @Nullable Duration queueTime,
    @Nullable Duration firstResponseTime) {

  /**
   * Validates.
   *
   * @throws NullPointerException if id or customerIdentity is null
   */
  public MonitoredTicket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerIdentity, "customerIdentity");
  }

  static MonitoredTicket fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "monitored ticket");
    String id = o.str("id");
    Identity customer = o.identity("customerIdentity");
    if (id == null || customer == null) {
      throw new BlipProtocolException("monitored ticket without " + (id == null ? "id" : "customerIdentity"));
    }
    return new MonitoredTicket(id, o.lng("sequentialId"), customer, o.identity("agentIdentity"), o.str("team"),
        o.duration("queueTime"), o.duration("firstResponseTime"));
  }
}
