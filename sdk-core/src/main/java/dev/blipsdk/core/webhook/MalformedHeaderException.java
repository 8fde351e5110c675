package dev.blipsdk.core.webhook;

/**
 * A header the verification scheme needs is present but cannot be read: a wrong prefix, a signature that
 * is not valid hex or base64 or has the wrong length, a timestamp that is not a number of seconds, a
 * header sent more than once. The message says which, without repeating the value.
 */
public final class MalformedHeaderException extends WebhookVerificationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param headerName the header
   * @param problem what is wrong with it and what was expected; must not contain the value
   */
  public MalformedHeaderException(String headerName, String problem) {
    super(Failure.MALFORMED_HEADER, headerName, "the webhook header '" + headerName + "' is malformed: "
        + problem);
  }
}
