package dev.blipsdk.whatsapp.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Active Campaign documents as they travel (API doc §3.6, wave2-api-shapes §1), decoded through the public
 * {@code JsonDocument.decode}: names match without regard to case, so {@code masterState} and {@code masterstate},
 * {@code Status} and {@code status} are both read. Dates stay strings here and are read tolerantly by
 * {@link #instant(String)}. Not API: public only so that the decoder in {@code dev.blipsdk.core} can build them
 * (the package is exported to that module alone).
 */
public final class CampaignWire {
  private CampaignWire() {}

  /**
   * {@code application/vnd.iris.activecampaign.campaign+json}: the answer to {@code set /campaign/full},
   * {@code set /campaign/v2}, {@code get /campaigns/{id}} and the items of {@code get /campaigns}.
   *
   * @param id the campaign id
   * @param name the name
   * @param campaignType {@code INDIVIDUAL} or {@code BATCH} (upper case in answers)
   * @param masterState the router identity replies go through
   * @param flowId the flow replies land in
   * @param stateId the block replies land in
   * @param status the status
   * @param created when it was created
   * @param scheduled when it is scheduled to start
   * @param tags the tags
   * @param channelType {@code WHATSAPP}
   * @param canSendWithOpenTicket whether it sends to customers with an open ticket
   * @param failedReason why it failed
   */
  public record CampaignDoc(@Nullable String id, @Nullable String name, @Nullable String campaignType,
      @Nullable String masterState, @Nullable String flowId, @Nullable String stateId, @Nullable String status,
      @Nullable String created, @Nullable String scheduled, @Nullable List<String> tags,
      @Nullable String channelType, @Nullable Boolean canSendWithOpenTicket, @Nullable String failedReason) {}

  /**
   * One item of a summary's {@code statusAudience} (PascalCase on the wire).
   *
   * @param recipientIdentity the recipient
   * @param status {@code PROCESSED}, {@code SENT}, {@code DELIVERED}, {@code READ} or {@code FAILED}
   * @param reasonCode the failure code
   * @param reasonDescription the failure description
   * @param replied whether the recipient replied (UNCONFIRMED: no source shows it)
   */
  public record StatusAudience(@Nullable String recipientIdentity, @Nullable String status,
      @Nullable Integer reasonCode, @Nullable String reasonDescription, @Nullable Boolean replied) {}

  /**
   * A campaign summary ({@code get /campaigns/summaries}, {@code /campaigns/{id}/summaries}) or report
   * ({@code /campaigns/{id}/reports}, which adds {@code stateName}).
   *
   * @param id the campaign id
   * @param name the name
   * @param messageTemplate the template name
   * @param flowId the flow
   * @param stateId the block
   * @param stateName the block's name (reports only)
   * @param sendDate when it was sent
   * @param statusAudience each recipient's status
   */
  public record SummaryDoc(@Nullable String id, @Nullable String name, @Nullable String messageTemplate,
      @Nullable String flowId, @Nullable String stateId, @Nullable String stateName, @Nullable String sendDate,
      @Nullable List<StatusAudience> statusAudience) {}

  /**
   * One item of {@code get /audiences/{id}}.
   *
   * @param campaignId the campaign
   * @param recipient the recipient as given ({@code +5531...})
   * @param status the recipient's status
   * @param validatedAccount {@code VALID} or {@code INVALID}
   * @param messageId the message id (UNCONFIRMED: no source shows it)
   * @param processed when it was processed
   * @param received when it was delivered
   * @param read when it was read
   * @param replied when the recipient replied (UNCONFIRMED)
   * @param reasonCode the failure code (UNCONFIRMED on this resource)
   * @param reasonDescription the failure description (UNCONFIRMED on this resource)
   * @param messageParams the recipient's variables
   */
  public record AudienceDoc(@Nullable String campaignId, @Nullable String recipient, @Nullable String status,
      @Nullable String validatedAccount, @Nullable String messageId, @Nullable String processed,
      @Nullable String received, @Nullable String read, @Nullable String replied, @Nullable Integer reasonCode,
      @Nullable String reasonDescription, @Nullable Map<String, String> messageParams) {}

  /**
   * Reads a wire date tolerantly: an ISO-8601 date-time with or without offset (no offset means UTC), or a bare
   * date (midnight UTC, as one client's mock of {@code created} shows). Blank or unreadable gives null: a date is
   * never worth failing a whole read for.
   *
   * @param text the text
   * @return the instant, or null
   */
  public static @Nullable Instant instant(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
