package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipException;

/**
 * Thrown when a send addressed to a phone number cannot go out because the number has no WhatsApp
 * account. Nothing was sent. Not retryable.
 */
public final class NotOnWhatsAppException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final transient Resolution.NotOnWhatsApp resolution;

  /**
   * Creates the exception.
   *
   * @param resolution the lookup's answer
   */
  public NotOnWhatsAppException(Resolution.NotOnWhatsApp resolution) {
    super("phone number " + resolution.phoneNumber() + " is not on WhatsApp (the accounts lookup answered "
        + (resolution.reason().code() == null ? "" : "code " + resolution.reason().code() + ", ")
        + resolution.reason().description() + ")", null,
        false, 1, null);
    this.resolution = resolution;
  }

  /**
   * The lookup's answer, with the number and Blip's reason.
   *
   * @return the resolution
   */
  public Resolution.NotOnWhatsApp resolution() {
    return resolution;
  }

  /**
   * Blip's reason.
   *
   * @return the reason
   */
  public Reason reason() {
    return resolution.reason();
  }
}
