package dev.blipsdk.core.webhook;

/**
 * The HMAC signature of the request does not match its body under any configured secret.
 *
 * <p>Nine times out of ten the body was not the raw one: pass the request body bytes exactly as received,
 * not JSON your framework parsed and re-serialised, not a string read line by line (that drops the
 * newlines), not text decoded and re-encoded in another charset. Otherwise the secret is not the one the
 * sender uses (during a rotation, configure both).
 */
public final class SignatureMismatchException extends WebhookVerificationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param headerName the signature header
   * @param secretCount how many secrets were tried
   */
  public SignatureMismatchException(String headerName, int secretCount) {
    super(Failure.SIGNATURE_MISMATCH, headerName, "the signature in '" + headerName
        + "' does not match the request body under " + (secretCount == 1 ? "the configured secret"
            : "any of the " + secretCount + " configured secrets")
        + ". Pass the raw request body bytes exactly as received, not re-serialised JSON (parsing and"
        + " re-encoding, reading it line by line or changing its charset all break the signature), and check"
        + " that the secret is the one the sender signs with.");
  }
}
