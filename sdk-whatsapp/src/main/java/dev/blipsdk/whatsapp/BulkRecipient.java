package dev.blipsdk.whatsapp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a bulk send with its own message (variables).
 *
 * @param recipient who
 * @param message the template message with this recipient's variables
 * @param envelopeId the envelope id to send with, or {@code null} to generate one
 * @param reference your own key for this recipient (a CRM id, a row number), echoed in the result, or
 *     {@code null}
 */
public record BulkRecipient(Recipient recipient, TemplateMessage message, @Nullable String envelopeId,
    @Nullable String reference) {
  /** Checks the parts. */
  public BulkRecipient {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A recipient with a generated envelope id.
   *
   * @param recipient who
   * @param message the message
   * @return the bulk recipient
   */
  public static BulkRecipient of(Recipient recipient, TemplateMessage message) {
    return new BulkRecipient(recipient, message, null, null);
  }

  /**
   * A phone recipient with a generated envelope id.
   *
   * @param phoneNumber the number
   * @param message the message
   * @return the bulk recipient
   */
  public static BulkRecipient of(PhoneNumber phoneNumber, TemplateMessage message) {
    return new BulkRecipient(Recipient.of(phoneNumber), message, null, null);
  }

  /**
   * A copy with your reference.
   *
   * @param ref the reference
   * @return the copy
   */
  public BulkRecipient withReference(String ref) {
    return new BulkRecipient(recipient, message, envelopeId, ref);
  }
}
