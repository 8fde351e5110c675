package dev.blipsdk.spring.internal;

import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.HmacVerifier;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.BlipProperties.VerifierScheme;
import dev.blipsdk.spring.InvalidBlipPropertyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds the webhook verifier {@code blip.webhook.verifier.*} describes, and the matching signer the fake Blip signs
 * its deliveries with. Stateless; the verifiers it builds are immutable and thread-safe.
 */
public final class VerifierSettings {
  private static final String P = "blip.webhook.verifier.";

  private VerifierSettings() {}

  /**
   * The verifier, or empty for scheme {@code none}.
   *
   * @param v the verifier properties
   * @return the verifier
   * @throws InvalidBlipPropertyException if the scheme is missing or its settings are incomplete or malformed
   */
  public static Optional<WebhookVerifier> verifier(BlipProperties.Verifier v) {
    VerifierScheme scheme = scheme(v);
    List<String> secrets = secrets(v, scheme);
    return Optional.ofNullable(switch (scheme) {
      case NONE -> null;
      case STATIC_HEADER -> {
        String header = requiredHeader(v, "X-Blip-Token");
        yield build("header-name", () -> WebhookVerifier.staticHeader(header, secrets.get(0),
            secrets.subList(1, secrets.size()).toArray(String[]::new)));
      }
      case BEARER -> {
        List<byte[]> digests = new ArrayList<>();
        for (String s : secrets) {
          digests.add(sha256(s));
        }
        String header = v.getHeaderName() == null ? "Authorization" : v.getHeaderName();
        yield build("header-name", () -> WebhookVerifier.bearerToken(header, token -> accepted(digests, token)));
      }
      case HMAC -> {
        HmacScheme hmac = hmacScheme(v);
        yield build("secrets", () -> hmacVerifier(hmac, v, secrets));
      }
      case META_HUB_SIGNATURE_256 -> build("secrets", () -> hmacVerifier(HmacScheme.metaHubSignature256(), v,
          secrets));
    });
  }

  /**
   * The signer that produces what {@link #verifier} accepts, with the first (current) secret; empty for
   * {@code none}. For the fake Blip's deliveries.
   *
   * @param v the verifier properties
   * @return the signer
   */
  public static Optional<WebhookSigner> signer(BlipProperties.Verifier v) {
    VerifierScheme scheme = scheme(v);
    List<String> secrets = secrets(v, scheme);
    return Optional.ofNullable(switch (scheme) {
      case NONE -> null;
      case STATIC_HEADER -> WebhookSigner.staticHeader(requiredHeader(v, "X-Blip-Token"), secrets.get(0));
      case BEARER -> v.getHeaderName() == null || v.getHeaderName().equalsIgnoreCase("Authorization")
          ? WebhookSigner.bearerToken(secrets.get(0))
          : WebhookSigner.staticHeader(v.getHeaderName(), "Bearer " + secrets.get(0));
      case HMAC -> WebhookSigner.hmacSha256(hmacScheme(v), secrets.get(0));
      case META_HUB_SIGNATURE_256 -> WebhookSigner.metaHubSignature256(secrets.get(0));
    });
  }

  private static VerifierScheme scheme(BlipProperties.Verifier v) {
    VerifierScheme scheme = v.getScheme();
    if (scheme == null) {
      throw new InvalidBlipPropertyException(P + "scheme", "required with blip.webhook.path",
          "blip.webhook.path is set but blip.webhook.verifier.scheme is not, so anyone who finds the URL could post"
              + " events to it.",
          "Set blip.webhook.verifier.scheme to static-header (the custom header set for the bot's HTTP endpoints in"
              + " the portal), bearer, hmac or meta-hub-signature-256, with blip.webhook.verifier.secrets; or to"
              + " none for an endpoint nothing untrusted can reach; or declare a WebhookVerifier bean.");
    }
    return scheme;
  }

  private static List<String> secrets(BlipProperties.Verifier v, VerifierScheme scheme) {
    List<String> secrets = new ArrayList<>();
    for (String s : v.getSecrets()) {
      if (s != null && !s.isBlank()) {
        secrets.add(s);
      }
    }
    if (scheme != VerifierScheme.NONE && secrets.isEmpty()) {
      throw new InvalidBlipPropertyException(P + "secrets", "required",
          "blip.webhook.verifier.scheme is " + scheme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + " but blip.webhook.verifier.secrets is empty.",
          "Set blip.webhook.verifier.secrets to the accepted value (current first, then the previous one during a"
              + " rotation), for example blip.webhook.verifier.secrets=${BLIP_WEBHOOK_SECRET}.");
    }
    return secrets;
  }

  private static String requiredHeader(BlipProperties.Verifier v, String example) {
    String header = BlipClientSettings.blankToNull(v.getHeaderName());
    if (header == null) {
      throw new InvalidBlipPropertyException(P + "header-name", "required",
          "blip.webhook.verifier.scheme needs the header to check, but blip.webhook.verifier.header-name is not set.",
          "Set blip.webhook.verifier.header-name, for example " + example + ".");
    }
    return header;
  }

  private static HmacScheme hmacScheme(BlipProperties.Verifier v) {
    BlipProperties.Hmac h = v.getHmac();
    String header = requiredHeader(v, "X-Signature");
    return build("hmac", () -> {
      HmacScheme.Builder b = HmacScheme.builder(header).prefix(h.getPrefix()).encoding(h.getEncoding());
      if (h.getTimestampHeader() != null) {
        b.timestampHeader(h.getTimestampHeader());
      }
      if (h.getInlineSignatureKey() != null) {
        b.inlineTimestamp(h.getInlineSignatureKey());
      }
      return b.build();
    });
  }

  private static HmacVerifier hmacVerifier(HmacScheme scheme, BlipProperties.Verifier v, List<String> secrets) {
    HmacVerifier.Builder b = HmacVerifier.builder(scheme);
    secrets.forEach(b::secret);
    BlipClientSettings.apply(P + "hmac.tolerance", v.getHmac().getTolerance(), b::tolerance,
        "a positive duration such as 5m");
    return b.build();
  }

  /** Runs an SDK builder; its refusal (which never holds a secret) becomes a property error. */
  private static <T> T build(String property, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidBlipPropertyException(P + property, "valid verifier settings",
          P + property + " is not valid: " + e.getMessage() + ".",
          "Fix blip.webhook.verifier." + property + " as the message says.");
    }
  }

  private static boolean accepted(List<byte[]> digests, @Nullable String token) {
    if (token == null) {
      return false;
    }
    byte[] presented = sha256(token);
    boolean match = false;
    for (byte[] d : digests) {
      match |= MessageDigest.isEqual(d, presented);
    }
    return match;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
