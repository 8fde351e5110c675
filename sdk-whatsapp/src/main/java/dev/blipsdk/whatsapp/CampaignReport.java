package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.whatsapp.internal.CampaignWire;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's summary or report as Blip keeps it ({@code get /campaigns/summaries},
 * {@code /campaigns/{id}/summaries}, {@code /campaigns/{id}/reports}; 3P, API doc §3.6): the template, the block
 * replies land in, when it was sent, and each recipient's status, counted into {@link #counts()}.
 *
 * <p>Immutable and thread-safe. {@link #raw()} keeps the document as received (with every recipient's status: for a
 * large campaign it is large; page through {@link Campaigns#recipients(String)} instead to read them one by one).
 *
 * @param id the campaign id
 * @param name the campaign name
 * @param messageTemplate the template name, or null
 * @param flowId the flow replies land in, or null
 * @param stateId the block replies land in, or null
 * @param stateName the block's name (the report endpoint only), or null
 * @param sendDate when it was sent (or is scheduled), or null
 * @param counts recipients per status, failures per reason, replies
 * @param raw the document as received
 */
public record CampaignReport(String id, String name, @Nullable String messageTemplate, @Nullable String flowId,
    @Nullable String stateId, @Nullable String stateName, @Nullable Instant sendDate, CampaignCounts counts,
    JsonDocument raw) {

  /** Checks the parts. */
  public CampaignReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Reads a summary or report document.
   *
   * @param document the document
   * @return the report
   * @throws BlipProtocolException if it is not an object or has no {@code id}
   */
  public static CampaignReport fromJson(JsonDocument document) {
    Objects.requireNonNull(document, "document");
    CampaignWire.SummaryDoc d = document.decode(CampaignWire.SummaryDoc.class);
    if (d.id() == null || d.id().isBlank()) {
      throw new BlipProtocolException("campaign summary without id");
    }
    EnumMap<RecipientStatus, Long> byStatus = new EnumMap<>(RecipientStatus.class);
    Map<String, Long> reasons = new LinkedHashMap<>();
    long replied = 0;
    boolean sawReplied = false;
    if (d.statusAudience() != null) {
      for (CampaignWire.StatusAudience a : d.statusAudience()) {
        if (a == null) {
          continue;
        }
        RecipientStatus s = RecipientStatus.fromWire(a.status());
        byStatus.merge(s, 1L, Long::sum);
        if (s == RecipientStatus.FAILED) {
          String reason = a.reasonDescription() == null || a.reasonDescription().isBlank() ? "(no reason)"
              : a.reasonDescription();
          reasons.merge(reason, 1L, Long::sum);
        }
        if (a.replied() != null) {
          sawReplied = true;
          if (a.replied()) {
            replied++;
          }
        }
      }
    }
    return new CampaignReport(d.id(), d.name() == null ? "" : d.name(), d.messageTemplate(), d.flowId(),
        d.stateId(), d.stateName(), CampaignWire.instant(d.sendDate()),
        new CampaignCounts(byStatus, reasons, sawReplied ? replied : null), document);
  }

  /** Shows the campaign and the counts; no recipient. */
  @Override
  public String toString() {
    return "CampaignReport{id=" + id + ", name=" + name + ", template=" + messageTemplate + ", sendDate=" + sendDate
        + ", counts=" + counts.byStatus() + ", replied=" + counts.replied() + "}";
  }
}
