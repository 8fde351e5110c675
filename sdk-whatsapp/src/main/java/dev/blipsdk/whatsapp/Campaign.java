package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.whatsapp.internal.CampaignWire;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An active campaign as Blip answers it ({@code application/vnd.iris.activecampaign.campaign+json}): the flat
 * document of {@code set /campaign/full}, {@code set /campaign/v2}, {@code get /campaigns/{id}} (3P, API doc §3.6).
 *
 * <p>Immutable and thread-safe. {@link #raw()} keeps the document exactly as it came, with every field this record
 * does not model. {@link #toString()} shows no routing identities.
 *
 * @param id the campaign id, used by every other campaign call
 * @param name the campaign name (unique per bot)
 * @param type individual or batch
 * @param status the status ({@link CampaignStatus#UNKNOWN} for a value this SDK does not know)
 * @param rawStatus the status exactly as sent, or null when absent
 * @param masterState the router identity replies go through ({@code masterState}), or null
 * @param flowId the flow replies land in, or null
 * @param stateId the block replies land in, or null
 * @param created when it was created, or null (read tolerantly: a bare date is midnight UTC)
 * @param scheduled when it is scheduled to start, or null when it was sent at once
 * @param tags the tags, never null
 * @param channelType the channel ({@code WHATSAPP}), or null
 * @param canSendWithOpenTicket whether it sends to customers who have an open Desk ticket
 * @param failedReason why it failed, or null
 * @param raw the document as received
 */
public record Campaign(String id, String name, CampaignType type, CampaignStatus status, @Nullable String rawStatus,
    @Nullable String masterState, @Nullable String flowId, @Nullable String stateId, @Nullable Instant created,
    @Nullable Instant scheduled, List<String> tags, @Nullable String channelType, boolean canSendWithOpenTicket,
    @Nullable String failedReason, JsonDocument raw) {

  /** Checks and copies the parts. */
  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raw, "raw");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * Reads a campaign document.
   *
   * @param document the resource of a campaign answer
   * @return the campaign
   * @throws BlipProtocolException if it is not an object or has no {@code id}
   */
  public static Campaign fromJson(JsonDocument document) {
    Objects.requireNonNull(document, "document");
    CampaignWire.CampaignDoc d = document.decode(CampaignWire.CampaignDoc.class);
    if (d.id() == null || d.id().isBlank()) {
      throw new BlipProtocolException("campaign document without id");
    }
    List<String> tags = d.tags() == null ? List.of() : d.tags().stream().filter(Objects::nonNull).toList();
    return new Campaign(d.id(), d.name() == null ? "" : d.name(), CampaignType.fromWire(d.campaignType()),
        CampaignStatus.fromWire(d.status()), d.status(), d.masterState(), d.flowId(), d.stateId(),
        CampaignWire.instant(d.created()), CampaignWire.instant(d.scheduled()), tags, d.channelType(),
        Boolean.TRUE.equals(d.canSendWithOpenTicket()), d.failedReason(), document);
  }

  /** Shows id, name, type, status and dates; no routing identities. */
  @Override
  public String toString() {
    return "Campaign{id=" + id + ", name=" + name + ", type=" + type + ", status=" + status
        + (status == CampaignStatus.UNKNOWN ? "(" + rawStatus + ")" : "") + ", created=" + created
        + (scheduled == null ? "" : ", scheduled=" + scheduled)
        + (failedReason == null ? "" : ", failedReason=" + failedReason) + "}";
  }
}
