package dev.blipsdk.core.webhook;

/**
 * A header the verification scheme needs is absent from the request. Either the sender is not configured
 * to send it, or something between the sender and your code (a proxy, a framework) drops it.
 */
public final class MissingHeaderException extends WebhookVerificationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the header.
   *
   * @param headerName the missing header
   */
  public MissingHeaderException(String headerName) {
    super(Failure.MISSING_HEADER, headerName, "the webhook request has no '" + headerName
        + "' header. Configure the sender to send it (for Blip: a custom header or OAuth under Configurations,"
        + " HTTP endpoints) and check that no proxy or framework in between drops it.");
  }
}
