package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.time.Instant;
import java.util.Objects;

/**
 * What a successful send returns: Blip accepted the message (HTTP 202). Whether WhatsApp delivers it is
 * told later by its notifications; follow {@link #envelopeId()} with a {@link StatusTracker}.
 *
 * @param envelopeId the message id the notifications will refer to
 * @param recipient the WhatsApp identity the message went to
 * @param sentAt when Blip accepted it, from the client's clock
 */
public record SendReceipt(String envelopeId, Identity recipient, Instant sentAt) {
  /** Checks the parts. */
  public SendReceipt {
    Objects.requireNonNull(envelopeId, "envelopeId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  /** Masks the recipient. */
  @Override
  public String toString() {
    return "SendReceipt{envelopeId=" + envelopeId + ", recipient=" + CoreBridge.maskAddress(recipient.value())
        + ", sentAt=" + sentAt + "}";
  }
}
