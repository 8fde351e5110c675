package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Blip Desk ticket ({@code application/vnd.iris.ticket+json}): one attendance of a customer. The fields are
 * those of Blip's ticket document (docs: "Ticket" document and the Desk extension's examples); everything else
 * Blip sends is kept in {@link #raw()}, for example a distribution setting or a field newer than this SDK.
 *
 * <p>Decoded by the SDK's one reader: {@code JsonDocument.decode(Ticket.class)} reads a ticket wherever it is
 * found (a command's resource, a redirect message's {@code context.value}, a thread item, a webhook, or
 * {@code TicketEvent.ticket(Ticket.class)}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks identities.
 *
 * @param id the ticket id (a UUID, though Blip sends other ids too)
 * @param sequentialId the number agents see ({@code #138}), unique per bot only; null when absent
 * @param sequentialSuffix the suffix of the sequential id, or null
 * @param parentSequentialId after a transfer, the sequential id of the ticket it came from; else null
 * @param ownerIdentity the bot that owns the ticket, or null
 * @param routingOwnerIdentity when present, the owner used for routing instead of {@code ownerIdentity}
 * @param customerIdentity the customer (in router setups often a {@code {uuid}@tunnel.msging.net})
 * @param customerDomain the domain of the customer's channel ({@code wa.gw.msging.net}...), which in router
 *     setups differs from the identity's domain; or null
 * @param agentIdentity the agent serving it ({@code ana%40acme.com@blip.ai}), or null when none
 * @param team the queue (team) name, for example {@code Default} or {@code DIRECT_TRANSFER}; or null
 * @param status the status ({@link TicketStatus#UNKNOWN} for a value the SDK does not know or none)
 * @param rawStatus the status exactly as sent, or null when absent
 * @param closed whether the ticket is closed
 * @param closedBy who closed it (an agent such as {@code ana%40acme.com@blip.ai}, or the customer), or null
 * @param tags the tags, never null (empty when absent: {@code raw().member("tags")} tells them apart)
 * @param provider the provider ({@code Lime} for Blip Desk, {@code Webhook}...), or null
 * @param priority the priority (0..7 seen), or null
 * @param storageDate when it was created, or null
 * @param expirationDate when it expires, or null
 * @param openDate when an agent opened it, or null
 * @param statusDate when its status last changed, or null
 * @param closeDate when it closed, or null
 * @param firstResponseDate when the agent first answered, or null
 * @param unreadMessages unread messages for the agent, or null
 * @param queuePosition the position in the queue while waiting, or null
 * @param rating the customer's rating, or null
 * @param externalId the provider's ticket id, or null
 * @param customerInput the customer's input that opened the ticket (a document container
 *     {@code {"type": .., "value": ..}}), the JSON {@code null} document when absent
 * @param campaignId the active-campaign id on tickets born from campaigns ({@code CampaignId}), or null
 * @param raw the whole ticket document as Blip sent it
 */
public record Ticket(
    String id,
    @Nullable Long sequentialId,
    @Nullable String sequentialSuffix,
    @Nullable Long parentSequentialId,
    @Nullable Identity ownerIdentity,
    @Nullable Identity routingOwnerIdentity,
    Identity customerIdentity,
    @Nullable String customerDomain,
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
    @Nullable Instant expirationDate,
    @Nullable Instant openDate,
    @Nullable Instant statusDate,
    @Nullable Instant closeDate,
    @Nullable Instant firstResponseDate,
    @Nullable Long unreadMessages,
    @Nullable Integer queuePosition,
    @Nullable Integer rating,
    @Nullable String externalId,
    JsonDocument customerInput,
    @Nullable String campaignId,
    JsonDocument raw) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if id, customerIdentity or status is null
   */
  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerIdentity, "customerIdentity");
    Objects.requireNonNull(status, "status");
    tags = tags == null ? List.of() : List.copyOf(tags);
    customerInput = customerInput == null ? JsonDocument.parse("null") : customerInput;
    raw = raw == null ? WriteBack.EMPTY : raw;
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

  /** Masks identities. */
  @Override
  public String toString() {
    return "Ticket{id=" + id + ", sequentialId=" + sequentialId + ", status=" + status
        + (status == TicketStatus.UNKNOWN ? "(" + rawStatus + ")" : "") + ", team=" + team
        + ", customer=" + customerIdentity + ", agent=" + agentIdentity + ", storageDate=" + storageDate + "}";
  }
}
