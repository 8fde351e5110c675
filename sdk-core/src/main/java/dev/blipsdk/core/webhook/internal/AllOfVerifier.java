package dev.blipsdk.core.webhook.internal;

import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.util.List;

/** Requires every verifier to pass, in order. */
public final class AllOfVerifier implements WebhookVerifier {
  private final List<WebhookVerifier> verifiers;

  /**
   * Creates the verifier.
   *
   * @param verifiers the verifiers, in order
   */
  public AllOfVerifier(List<WebhookVerifier> verifiers) {
    this.verifiers = List.copyOf(verifiers);
  }

  @Override
  public void verify(WebhookHeaders headers, byte[] body) {
    for (WebhookVerifier v : verifiers) {
      v.verify(headers, body);
    }
  }

  @Override
  public String toString() {
    return "AllOf" + verifiers;
  }
}
