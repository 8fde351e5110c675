package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.CampaignWire;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a campaign and what became of its message ({@code get /audiences/{id}}; 3P, API doc §3.6).
 *
 * <p>{@link #messageId()} and {@link #receipt()} let the message be followed like any other with a
 * {@link StatusTracker}: {@code receipt().ifPresent(tracker::track)}. The message id is UNCONFIRMED on Blip's side
 * (no public source shows it in the audience); it is null when the answer does not carry it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the phone number; {@link #raw()} holds the recipient's
 * variables, which are personal data.
 *
 * @param recipient the recipient as the campaign holds it ({@code +5531999998888})
 * @param status how far its message got
 * @param rawStatus the status exactly as sent, or null
 * @param validAccount whether the number has a WhatsApp account ({@code validatedAccount}); null before validation
 * @param messageId the id of the template message sent to it, or null
 * @param processed when the campaign processed it, or null
 * @param received when it was delivered, or null
 * @param read when it was read, or null
 * @param replied when the recipient replied, or null (UNCONFIRMED)
 * @param failure why it failed, or null
 * @param raw the item as received
 */
public record CampaignRecipientResult(String recipient, RecipientStatus status, @Nullable String rawStatus,
    @Nullable Boolean validAccount, @Nullable String messageId, @Nullable Instant processed,
    @Nullable Instant received, @Nullable Instant read, @Nullable Instant replied, @Nullable Reason failure,
    JsonDocument raw) {

  /** Checks the parts. */
  public CampaignRecipientResult {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Reads an audience item.
   *
   * @param document the item
   * @return the result
   * @throws BlipProtocolException if it is not an object or names no recipient
   */
  public static CampaignRecipientResult fromJson(JsonDocument document) {
    Objects.requireNonNull(document, "document");
    CampaignWire.AudienceDoc d = document.decode(CampaignWire.AudienceDoc.class);
    if (d.recipient() == null || d.recipient().isBlank()) {
      throw new BlipProtocolException("campaign audience item without recipient");
    }
    Boolean valid = d.validatedAccount() == null ? null : "VALID".equalsIgnoreCase(d.validatedAccount().trim());
    Reason failure = d.reasonCode() == null && d.reasonDescription() == null ? null
        : new Reason(d.reasonCode(), d.reasonDescription() == null ? "" : d.reasonDescription());
    return new CampaignRecipientResult(d.recipient(), RecipientStatus.fromWire(d.status()), d.status(), valid,
        d.messageId() == null || d.messageId().isBlank() ? null : d.messageId(), CampaignWire.instant(d.processed()),
        CampaignWire.instant(d.received()), CampaignWire.instant(d.read()), CampaignWire.instant(d.replied()),
        failure, document);
  }

  /**
   * A receipt to follow the message with {@link StatusTracker#track(SendReceipt)}: the message id, the recipient's
   * WhatsApp identity ({@code digits@wa.gw.msging.net}, to match replies) and the time it was processed.
   *
   * @return the receipt, or empty when the message id or the processing time is unknown, or the recipient is not a
   *     phone number
   */
  public Optional<SendReceipt> receipt() {
    if (messageId == null || processed == null) {
      return Optional.empty();
    }
    String digits = recipient.trim().startsWith("+") ? recipient.trim().substring(1) : recipient.trim();
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(new SendReceipt(messageId, Identity.parse(digits + "@wa.gw.msging.net"), processed));
  }

  /** Masks the phone number. */
  @Override
  public String toString() {
    return "CampaignRecipientResult{recipient=" + CoreBridge.maskDigits(recipient) + ", status=" + status
        + ", messageId=" + messageId + ", processed=" + processed
        + (failure == null ? "" : ", failure=" + failure.code()) + "}";
  }
}
