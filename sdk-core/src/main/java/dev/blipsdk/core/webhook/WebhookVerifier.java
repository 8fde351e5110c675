package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.webhook.internal.AllOfVerifier;
import dev.blipsdk.core.webhook.internal.BearerTokenVerifier;
import dev.blipsdk.core.webhook.internal.StaticHeaderVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks that a webhook request comes from who you expect, from its headers and its raw body bytes. Throws
 * a {@link WebhookVerificationException} (answer 401) or returns normally.
 *
 * <p>Pick the scheme your sender uses:
 * <pre>{@code
 * // Blip: a custom header configured in the portal (Configurations, HTTP endpoints)
 * WebhookVerifier v = WebhookVerifier.staticHeader("X-Blip-Token", token);
 * // Blip with OAuth: the bearer token, checked by your own validator
 * WebhookVerifier v = WebhookVerifier.bearerToken(tokenStore::isValid);
 * // A gateway or Meta's WhatsApp Cloud API: HMAC-SHA256 of the raw body (two secrets during a rotation)
 * WebhookVerifier v = WebhookVerifier.metaHubSignature256(newAppSecret, oldAppSecret);
 * // Both a custom header and a signature
 * WebhookVerifier v = WebhookVerifier.allOf(staticHeader, hmac);
 *
 * v.verify(WebhookHeaders.fromMultiMap(requestHeaders), rawBody);
 * }</pre>
 *
 * <p>Always pass the body bytes exactly as received: a body your framework parsed and re-serialised does
 * not carry the same signature. Blip itself signs nothing; its docs offer only custom headers and OAuth.
 *
 * <p>The verifiers made here are immutable and thread-safe, compare in constant time, and never show a
 * secret in {@code toString()} or in a message. To write your own, throw a
 * {@link WebhookVerificationException} made by one of its factories.
 */
@FunctionalInterface
public interface WebhookVerifier {

  /**
   * Verifies a request.
   *
   * @param headers the request headers
   * @param body the raw request body, exactly as received
   * @throws WebhookVerificationException if the request does not verify; the subclass says why
   */
  void verify(WebhookHeaders headers, byte[] body);

  /**
   * Accepts a request whose header holds one of the accepted values, such as the custom header configured
   * for a Blip bot's HTTP endpoints. Comparison hashes both sides with SHA-256 and compares the digests in
   * constant time, so timing reveals neither the value nor its length; only the digests are kept.
   *
   * @param headerName the header, for example {@code "X-Blip-Token"}
   * @param acceptedValue the value to accept
   * @param moreAcceptedValues further values accepted too (a rotation)
   * @return the verifier
   * @throws IllegalArgumentException if the header name is invalid or a value is empty
   */
  static WebhookVerifier staticHeader(String headerName, String acceptedValue, String... moreAcceptedValues) {
    Objects.requireNonNull(acceptedValue, "acceptedValue");
    Objects.requireNonNull(moreAcceptedValues, "moreAcceptedValues");
    List<String> values = new ArrayList<>(1 + moreAcceptedValues.length);
    values.add(acceptedValue);
    for (String v : moreAcceptedValues) {
      values.add(Objects.requireNonNull(v, "moreAcceptedValues"));
    }
    return new StaticHeaderVerifier(HmacScheme.checkHeaderName("headerName", headerName), values);
  }

  /**
   * Accepts a request with {@code Authorization: Bearer <token>} when the validator accepts the token,
   * for Blip bots configured with OAuth 2.0 (client credentials) on their HTTP endpoints. The scheme name
   * matches without regard to case.
   *
   * <p>The validator should return {@code false} for a token it does not accept and compare in constant
   * time; if it throws (its token store is down, say), the exception propagates and a
   * {@link WebhookReceiver} answers 500 so the sender retries.
   *
   * @param validator returns true for an accepted token
   * @return the verifier
   */
  static WebhookVerifier bearerToken(Predicate<String> validator) {
    return bearerToken("Authorization", validator);
  }

  /**
   * Like {@link #bearerToken(Predicate)} with another header name (Blip does not document the header its
   * OAuth option uses; {@code Authorization} is the standard).
   *
   * @param headerName the header that carries {@code Bearer <token>}
   * @param validator returns true for an accepted token
   * @return the verifier
   * @throws IllegalArgumentException if the header name is invalid
   */
  static WebhookVerifier bearerToken(String headerName, Predicate<String> validator) {
    return new BearerTokenVerifier(HmacScheme.checkHeaderName("headerName", headerName),
        Objects.requireNonNull(validator, "validator"));
  }

  /**
   * An HMAC-SHA256 verifier with the default tolerance (300 s) and the system clock. Use
   * {@link HmacVerifier#builder(HmacScheme)} to change them or to pass secrets as bytes.
   *
   * @param scheme how the signature travels
   * @param secret the secret (its UTF-8 bytes are the key)
   * @param olderSecrets further secrets accepted too, during a rotation
   * @return the verifier
   * @throws IllegalArgumentException if a secret is empty
   */
  static HmacVerifier hmacSha256(HmacScheme scheme, String secret, String... olderSecrets) {
    HmacVerifier.Builder b = HmacVerifier.builder(scheme).secret(secret);
    for (String s : Objects.requireNonNull(olderSecrets, "olderSecrets")) {
      b.secret(s);
    }
    return b.build();
  }

  /**
   * Meta's WhatsApp Cloud API signature, {@code X-Hub-Signature-256: sha256=<hex>}, keyed with the app
   * secret. It signs no timestamp: recognise replays by {@linkplain WebhookEvent#deduplicationKey()
   * de-duplicating}.
   *
   * @param appSecret the app secret
   * @param olderAppSecrets further app secrets accepted too, during a rotation
   * @return the verifier
   * @throws IllegalArgumentException if a secret is empty
   */
  static HmacVerifier metaHubSignature256(String appSecret, String... olderAppSecrets) {
    return hmacSha256(HmacScheme.metaHubSignature256(), appSecret, olderAppSecrets);
  }

  /**
   * Requires every verifier to pass, checked in order; the first failure is thrown.
   *
   * @param verifiers the verifiers, at least one
   * @return the combined verifier
   * @throws IllegalArgumentException if none is given
   */
  static WebhookVerifier allOf(WebhookVerifier... verifiers) {
    Objects.requireNonNull(verifiers, "verifiers");
    if (verifiers.length == 0) {
      throw new IllegalArgumentException("verifiers: give at least one");
    }
    List<WebhookVerifier> list = new ArrayList<>(verifiers.length);
    for (WebhookVerifier v : verifiers) {
      list.add(Objects.requireNonNull(v, "verifiers"));
    }
    return new AllOfVerifier(list);
  }
}
