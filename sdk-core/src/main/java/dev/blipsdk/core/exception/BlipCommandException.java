package dev.blipsdk.core.exception;

import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * A command came back with {@code "status":"failure"} (inside HTTP 200, as Blip reports business
 * errors). Carries the LIME reason code (nullable: Blip sometimes omits it), the description, the
 * command id and its uri. The message masks phone numbers and e-mail addresses in the uri and in the
 * description, since messages end up in logs and traces; {@link #description()} is the server's text as sent.
 *
 * <pre>{@code
 * try {
 *   client.execute(command);
 * } catch (BlipCommandException e) {
 *   if (e.isNotFound()) { ... }
 * }
 * }</pre>
 */
public class BlipCommandException extends BlipException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Integer reasonCode;
  private final String description;
  private final @Nullable String uri;
  private final String method;

  /**
   * Creates the exception.
   *
   * @param reason the reason the server gave (code may be null)
   * @param commandId the command id
   * @param method the command method, for example {@code get}
   * @param uri the command uri (the {@code #command.uri} the server reported, or the request's)
   * @param attempts how many attempts were made
   */
  public BlipCommandException(Reason reason, @Nullable String commandId, String method, @Nullable String uri,
      int attempts) {
    super("command " + method + " " + Redaction.uri(uri) + " failed: "
        + (reason.code() == null ? "" : "code " + reason.code() + ", ") + Redaction.text(reason.description()), null,
        false, attempts, commandId);
    this.reasonCode = reason.code();
    this.description = reason.description();
    this.uri = uri;
    this.method = method;
  }

  /**
   * The LIME reason code.
   *
   * @return the code, or {@code null} when the server sent none
   */
  public @Nullable Integer reasonCode() {
    return reasonCode;
  }

  /**
   * The server's description, as sent (not masked: it may hold the identity the command was about).
   *
   * @return the description, empty when none was sent
   */
  public String description() {
    return description;
  }

  /**
   * The reason as a value.
   *
   * @return the reason
   */
  public Reason reason() {
    return new Reason(reasonCode, description);
  }

  /**
   * The command uri: the {@code #command.uri} the server reported in the failure's metadata (absolute, for
   * example {@code lime://bot@msging.net/contacts/...}) when it reported one, else the request's uri. May hold
   * identities; do not log it unmasked.
   *
   * @return the uri, or {@code null}
   */
  public @Nullable String uri() {
    return uri;
  }

  /**
   * The command method.
   *
   * @return the lower-case method
   */
  public String method() {
    return method;
  }

  /**
   * The id of the failed command.
   *
   * @return the id, or {@code null}
   */
  public @Nullable String commandId() {
    return envelopeId();
  }

  /**
   * Whether the server said the resource does not exist (code 67, or the description "not found" when
   * the code is missing).
   *
   * @return true for "not found"
   */
  public boolean isNotFound() {
    return (reasonCode != null && reasonCode == Reason.RESOURCE_NOT_FOUND)
        || (reasonCode == null && description.toLowerCase(java.util.Locale.ROOT).contains("not found"));
  }

  @Override
  protected String details() {
    return "reasonCode=" + reasonCode + ", method=" + method + ", uri=" + Redaction.uri(uri) + ", ";
  }
}
