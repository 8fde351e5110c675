package dev.blipsdk.core.webhook;

/**
 * A static header value or a bearer token was present and well-formed but not accepted. Check the value
 * configured at the sender (for Blip: the custom header or the OAuth settings of the bot's HTTP endpoints).
 */
public final class TokenRejectedException extends WebhookVerificationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param headerName the header that carried the value
   * @param what a short description, for example "the value" or "the bearer token"; never the value itself
   */
  public TokenRejectedException(String headerName, String what) {
    super(Failure.TOKEN_REJECTED, headerName, what + " in the webhook header '" + headerName
        + "' was not accepted. Check the value configured at the sender (for Blip: the custom header or the"
        + " OAuth settings of the bot's HTTP endpoints) against the one configured here.");
  }
}
