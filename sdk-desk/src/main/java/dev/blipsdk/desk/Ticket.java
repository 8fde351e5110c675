package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Blip Desk ticket ({@code application/vnd.iris.ticket+json}): one attendance of a customer.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks identities.
 *
 * @param id the ticket id (a uuid)
 * @param sequentialId the number agents see ({@code #138}), unique per bot only; null when absent
 * @param sequentialSuffix the suffix of the sequential id, or null
 * @param parentSequentialId after a transfer, the sequential id of the ticket it came from; else null
 * @param ownerIdentity the bot that owns the ticket, or null
 * @param customerIdentity the customer (in router setups often a {@code {uuid}@tunnel.msging.net})
 * @param agentIdentity the agent serving it ({@code ana%40acme.com@blip.ai}), or null when none
 * @param team the queue (team) name, for example {@code Default} or {@code DIRECT_TRANSFER}; or null
 * @param status the status ({@link TicketStatus#UNKNOWN} for a value the SDK does not know)
 * @param rawStatus the status exactly as sent, or null when absent
 * @param closed whether the ticket is closed
 * @param closedBy who closed it (an agent such as {@code ana%40acme.com@blip.ai}, or the customer), or null
 * @param tags the tags, never null
 * @param provider the provider ({@code Lime} for Blip Desk, {@code Webhook}...), or null
 * @param priority the priority (0..7 seen), or null
 * @param storageDate when it was created, or null
 * @param openDate when an agent opened it, or null
 * @param statusDate when its status last changed, or null
 * @param closeDate when it closed, or null
 * @param firstResponseDate when the agent first answered, or null
 * @param unreadMessages unread messages for the agent, or null
 * @param rating the customer's rating, or null
 * @param externalId the external id, or null
 * @param campaignId the active-campaign id on tickets born from campaigns ({@code CampaignId}), or null
 */
public record Ticket(
    String id,
    @Nullable Long sequentialId,
    @Nullable String sequentialSuffix,
    @Nullable Long parentSequentialId,
    @Nullable Identity ownerIdentity,
    Identity customerIdentity,
    @Nullable Identity agentIdentity,
    @Nullable String team,
    TicketStatus status,
    @Nullable String rawStatus,
    boolean closed,
    @Nullable Identity closedBy,
    List<String> tags,
    @Nullable String provider,
    @Nullable Integer priority,
    @Nullable Instant storageDate,
    @Nullable Instant openDate,
    @Nullable Instant statusDate,
    @Nullable Instant closeDate,
    @Nullable Instant firstResponseDate,
    @Nullable Long unreadMessages,
    @Nullable Integer rating,
    @Nullable String externalId,
    @Nullable String campaignId) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a required component is null
   */
  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerIdentity, "customerIdentity");
    Objects.requireNonNull(status, "status");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * Whether the customer counts as having an open ticket with this one (waiting, open or assigned, and
   * not closed).
   *
   * @return true for an open ticket
   */
  public boolean isOpen() {
    return status.isOpen() && !closed;
  }

  /**
   * The number agents see: {@code sequentialId} plus the suffix when there is one, else the id.
   *
   * @return the display number
   */
  public String displayNumber() {
    if (sequentialId == null) {
      return id;
    }
    return sequentialSuffix == null ? sequentialId.toString() : sequentialSuffix + "-" + sequentialId;
  }

  static Ticket fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "ticket");
    String id = o.str("id");
    Identity customer = o.identity("customerIdentity");
    if (id == null || customer == null) {
      throw new BlipProtocolException("ticket without " + (id == null ? "id" : "customerIdentity"));
    }
    String rawStatus = o.str("status");
    return new Ticket(id, o.lng("sequentialId"), o.str("sequentialSuffix"), o.lng("parentSequentialId"),
        o.identity("ownerIdentity"), customer, o.identity("agentIdentity"), o.str("team"),
        TicketStatus.fromWire(rawStatus), rawStatus, o.bool("closed", false), o.identity("closedBy"),
        o.strings("tags"), o.str("provider"), o.integer("priority"), o.instant("storageDate"),
        o.instant("openDate"), o.instant("statusDate"), o.instant("closeDate"), o.instant("firstResponseDate"),
        o.lng("unreadMessages"), o.integer("rating"), o.str("externalId"), o.str("campaignId"));
  }

  /** Masks identities. */
  @Override
  public String toString() {
    return "Ticket{id=" + id + ", sequentialId=" + sequentialId + ", status=" + status
        + (status == TicketStatus.UNKNOWN ? "(" + rawStatus + ")" : "") + ", team=" + team
        + ", customer=" + customerIdentity + ", agent=" + agentIdentity + ", storageDate=" + storageDate + "}";
  }
}
