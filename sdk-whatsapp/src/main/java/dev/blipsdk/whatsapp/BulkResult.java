package dev.blipsdk.whatsapp;

/**
 * The outcome of one recipient of a bulk send, reported exactly once per recipient as it happens.
 */
public sealed interface BulkResult {

  /**
   * The recipient's position in the source, from 0.
   *
   * @return the index
   */
  long index();

  /**
   * The recipient.
   *
   * @return the recipient
   */
  BulkRecipient recipient();

  /**
   * Sent: Blip accepted the message.
   *
   * @param index the position in the source
   * @param recipient the recipient
   * @param receipt the receipt with the envelope id
   */
  record Sent(long index, BulkRecipient recipient, SendReceipt receipt) implements BulkResult {}

  /**
   * Not sent: the message was invalid, the number is not on WhatsApp, or the send failed.
   *
   * @param index the position in the source
   * @param recipient the recipient
   * @param error why ({@link dev.blipsdk.core.exception.BlipValidationException},
   *     {@link NotOnWhatsAppException}, another {@link dev.blipsdk.core.exception.BlipException}...)
   */
  record Failed(long index, BulkRecipient recipient, RuntimeException error) implements BulkResult {}

  /**
   * Not sent because the run was cancelled after this recipient was taken from the source (it was
   * waiting to be retried after a 429).
   *
   * @param index the position in the source
   * @param recipient the recipient
   */
  record Cancelled(long index, BulkRecipient recipient) implements BulkResult {}
}
