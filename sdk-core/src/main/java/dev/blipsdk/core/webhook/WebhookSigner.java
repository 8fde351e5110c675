package dev.blipsdk.core.webhook;

import dev.blipsdk.core.webhook.internal.Hmacs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * Produces the headers a sender adds to a webhook body, for each scheme a {@link WebhookVerifier} checks:
 * for your tests, and for the SDK's fake Blip server when it delivers webhooks.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.hmacSha256(HmacScheme.metaHubSignature256(), "app-secret");
 * Map<String, String> headers = signer.headersFor(body);   // {X-Hub-Signature-256=sha256=...}
 *
 * // A signer is a Function<byte[], Map<String, String>>: pass it (or signer::headersFor) wherever
 * // extra headers per body are expected.
 * Function<byte[], Map<String, String>> extraHeaders = signer;
 * }</pre>
 *
 * <p>Timestamps come from the signer's clock ({@link #withClock(Clock)}) and are written as Unix seconds;
 * see {@link HmacScheme} for exactly what is signed. Immutable and thread-safe. {@link #toString()} never
 * shows a secret.
 */
public final class WebhookSigner implements Function<byte[], Map<String, String>> {

  /** Makes the headers for a body and a timestamp. */
  private interface Part {
    void addHeaders(byte[] body, Instant timestamp, Map<String, String> out);
  }

  private final List<Part> parts;
  private final Clock clock;
  private final String description;

  private WebhookSigner(List<Part> parts, Clock clock, String description) {
    this.parts = List.copyOf(parts);
    this.clock = clock;
    this.description = description;
  }

  /**
   * Signs with HMAC-SHA256 in the given scheme.
   *
   * @param scheme how the signature travels
   * @param secret the secret (its UTF-8 bytes are the key)
   * @return the signer, on the UTC system clock
   * @throws IllegalArgumentException if the secret is empty
   */
  public static WebhookSigner hmacSha256(HmacScheme scheme, String secret) {
    Objects.requireNonNull(secret, "secret");
    return hmacSha256(scheme, secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Signs with HMAC-SHA256 in the given scheme.
   *
   * @param scheme how the signature travels
   * @param secret the key bytes; copied
   * @return the signer, on the UTC system clock
   * @throws IllegalArgumentException if the secret is empty
   */
  public static WebhookSigner hmacSha256(HmacScheme scheme, byte[] secret) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(secret, "secret");
    SecretKeySpec key = Hmacs.key("secret", secret);
    boolean base64 = scheme.encoding() == HmacScheme.Encoding.BASE64;
    Part part = (body, timestamp, out) -> {
      String ts = scheme.signsTimestamp() ? Long.toString(timestamp.getEpochSecond()) : null;
      String signature = Hmacs.encode(base64, Hmacs.mac(key, ts, body));
      String inlineKey = scheme.inlineSignatureKey();
      String timestampHeader = scheme.timestampHeader();
      if (inlineKey != null) {
        out.put(scheme.signatureHeader(), "t=" + ts + "," + inlineKey + "=" + signature);
      } else {
        out.put(scheme.signatureHeader(), scheme.prefix() + signature);
        if (timestampHeader != null) {
          out.put(timestampHeader, ts);
        }
      }
    };
    return new WebhookSigner(List.of(part), Clock.systemUTC(), "hmacSha256(" + scheme + ")");
  }

  /**
   * Signs like Meta's WhatsApp Cloud API: {@code X-Hub-Signature-256: sha256=<hex>}.
   *
   * @param appSecret the app secret
   * @return the signer
   * @throws IllegalArgumentException if the secret is empty
   */
  public static WebhookSigner metaHubSignature256(String appSecret) {
    return hmacSha256(HmacScheme.metaHubSignature256(), appSecret);
  }

  /**
   * Adds a static header, as Blip does with the custom headers configured for a bot's HTTP endpoints.
   *
   * @param headerName the header
   * @param value the value
   * @return the signer
   * @throws IllegalArgumentException if the name is invalid or the value empty
   */
  public static WebhookSigner staticHeader(String headerName, String value) {
    HmacScheme.checkHeaderName("headerName", headerName);
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value: must not be empty or blank");
    }
    return new WebhookSigner(List.of((body, timestamp, out) -> out.put(headerName, value)), Clock.systemUTC(),
        "staticHeader(" + headerName + ")");
  }

  /**
   * Adds {@code Authorization: Bearer <token>}.
   *
   * @param token the token
   * @return the signer
   * @throws IllegalArgumentException if the token is empty or holds white space
   */
  public static WebhookSigner bearerToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("token: must be non-empty without white space");
    }
    return new WebhookSigner(List.of((body, timestamp, out) -> out.put("Authorization", "Bearer " + token)),
        Clock.systemUTC(), "bearerToken");
  }

  /**
   * Combines signers: the headers of all of them, on the first one's clock (change it with
   * {@link #withClock(Clock)}). Pairs with {@link WebhookVerifier#allOf(WebhookVerifier...)}.
   *
   * @param signers the signers, at least one
   * @return the combined signer
   * @throws IllegalArgumentException if none is given
   */
  public static WebhookSigner allOf(WebhookSigner... signers) {
    Objects.requireNonNull(signers, "signers");
    if (signers.length == 0) {
      throw new IllegalArgumentException("signers: give at least one");
    }
    List<Part> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (WebhookSigner s : signers) {
      Objects.requireNonNull(s, "signers");
      parts.addAll(s.parts);
      names.add(s.description);
    }
    return new WebhookSigner(parts, signers[0].clock, "allOf" + names);
  }

  /**
   * A copy that takes timestamps from another clock, for example the clock your test also gives the
   * verifier.
   *
   * @param clock the clock
   * @return the copy
   */
  public WebhookSigner withClock(Clock clock) {
    return new WebhookSigner(parts, Objects.requireNonNull(clock, "clock"), description);
  }

  /**
   * The headers to send with a body, timestamped now by the signer's clock.
   *
   * @param body the raw body that will be sent
   * @return the headers, in a stable order; unmodifiable
   */
  public Map<String, String> headersFor(byte[] body) {
    return headersFor(body, clock.instant());
  }

  /**
   * The headers to send with a body, with an explicit timestamp (truncated to whole seconds).
   *
   * @param body the raw body that will be sent
   * @param timestamp the time to sign
   * @return the headers, in a stable order; unmodifiable
   */
  public Map<String, String> headersFor(byte[] body, Instant timestamp) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(timestamp, "timestamp");
    Map<String, String> out = new LinkedHashMap<>();
    for (Part p : parts) {
      p.addHeaders(body, timestamp, out);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Same as {@link #headersFor(byte[])}, so a signer can be passed as a function.
   *
   * @param body the raw body
   * @return the headers
   */
  @Override
  public Map<String, String> apply(byte[] body) {
    return headersFor(body);
  }

  /** Names the schemes; never shows a secret or token. */
  @Override
  public String toString() {
    return "WebhookSigner{" + description + "}";
  }
}
