package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * Code you gave a {@link dev.blipsdk.core.webhook.WebhookReceiver} (a listener, or a verifier of your own) threw. The receiver
 * answers 500 so the sender may deliver the event again, reports this exception to the error listener
 * with your exception as the {@linkplain #getCause() cause}, and logs it without the body.
 */
public final class WebhookCallbackException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String deduplicationKey;

  /**
   * Creates the exception.
   *
   * @param message what threw, for which event
   * @param cause the exception your code threw
   * @param deduplicationKey the key of the event being dispatched, or {@code null} if none was parsed yet
   */
  public WebhookCallbackException(String message, Throwable cause, @Nullable String deduplicationKey) {
    super(message, cause, true, 0, null);
    this.deduplicationKey = deduplicationKey;
  }

  /**
   * The {@linkplain dev.blipsdk.core.webhook.WebhookEvent#deduplicationKey() de-duplication key} of the event being dispatched.
   *
   * @return the key, or {@code null} when the failure happened before parsing (in a verifier)
   */
  public @Nullable String deduplicationKey() {
    return deduplicationKey;
  }

  @Override
  protected String details() {
    return deduplicationKey == null ? "" : "deduplicationKey=" + deduplicationKey + ", ";
  }
}
