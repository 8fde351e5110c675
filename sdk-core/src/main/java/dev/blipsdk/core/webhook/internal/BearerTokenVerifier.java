package dev.blipsdk.core.webhook.internal;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.util.Objects;
import java.util.function.Predicate;

/** Accepts {@code Bearer <token>} when the caller's validator accepts the token. */
public final class BearerTokenVerifier implements WebhookVerifier {
  private static final String SCHEME = "Bearer ";
  private final String headerName;
  private final Predicate<String> validator;

  /**
   * Creates the verifier.
   *
   * @param headerName the header
   * @param validator the caller's validator
   */
  public BearerTokenVerifier(String headerName, Predicate<String> validator) {
    this.headerName = headerName;
    this.validator = validator;
  }

  @Override
  public void verify(WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    String value = HeaderValues.single(headers, headerName);
    if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw WebhookVerificationException.malformedHeader(headerName, "expected 'Bearer <token>'");
    }
    String token = value.substring(SCHEME.length()).strip();
    if (token.isEmpty()) {
      throw WebhookVerificationException.malformedHeader(headerName, "the bearer token is empty");
    }
    if (!validator.test(token)) {
      throw WebhookVerificationException.tokenRejected(headerName, "the bearer token");
    }
  }

  @Override
  public String toString() {
    return "BearerTokenVerifier{header=" + headerName + "}";
  }
}
