package dev.blipsdk.spring.internal;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.InvalidBlipPropertyException;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code blip.*} properties into a {@link BlipClient.Builder}, translating every refusal of the SDK's builders
 * into an {@link InvalidBlipPropertyException} that names the property. Stateless.
 */
public final class BlipClientSettings {
  private BlipClientSettings() {}

  /**
   * A builder with the connection settings (timeouts, deadline, retries, User-Agent) applied, and no place or
   * credentials yet.
   *
   * @param p the properties
   * @return the builder
   * @throws InvalidBlipPropertyException naming the first bad property
   */
  public static BlipClient.Builder connectionSettings(BlipProperties p) {
    BlipClient.Builder b = BlipClient.builder();
    apply("blip.connect-timeout", p.getConnectTimeout(), b::connectTimeout, "a positive duration such as 10s");
    apply("blip.read-timeout", p.getReadTimeout(), b::readTimeout, "a positive duration such as 30s");
    apply("blip.write-timeout", p.getWriteTimeout(), b::writeTimeout, "a positive duration such as 30s");
    apply("blip.deadline", p.getDeadline(), b::deadline, "a positive duration such as 60s");
    apply("blip.user-agent-suffix", p.getUserAgentSuffix(), b::userAgentSuffix,
        "printable ASCII, for example my-crm/2.3");
    b.retryPolicy(retryPolicy(p.getRetry()));
    return b;
  }

  /**
   * Applies where to connect and the credentials from the properties.
   *
   * @param p the properties
   * @param b the builder
   * @throws InvalidBlipPropertyException if the contract or the credentials are missing, ambiguous or malformed
   */
  public static void placeAndCredentials(BlipProperties p, BlipClient.Builder b) {
    String contract = blankToNull(p.getContract());
    String baseUrl = blankToNull(p.getBaseUrl());
    if (contract == null && baseUrl == null) {
      throw new InvalidBlipPropertyException("blip.contract", "required",
          "Neither blip.contract nor blip.base-url is set, so the Blip client does not know where to connect.",
          "Set blip.contract to your contract id (Blip portal: Configurations, Connection information), or"
              + " blip.base-url to an explicit URL. In tests, set blip.fake.enabled=true to use a fake Blip.");
    }
    if (contract != null && baseUrl != null) {
      throw new InvalidBlipPropertyException("blip.base-url", "one of contract or base-url",
          "Both blip.contract and blip.base-url are set.", "Keep one: blip.contract, or blip.base-url for an"
              + " explicit URL.");
    }
    if (contract != null) {
      apply("blip.contract", contract, b::contract, "letters, digits and '-' (the contract id, not a URL)");
    } else {
      apply("blip.base-url", baseUrl, b::baseUrl, "an absolute http or https URL");
    }
    String identifier = blankToNull(p.getIdentifier());
    String accessKey = blankToNull(p.getAccessKey());
    String key = blankToNull(p.getAuthorizationKey());
    if (key != null && (identifier != null || accessKey != null)) {
      throw new InvalidBlipPropertyException("blip.authorization-key", "one kind of credentials",
          "Both blip.authorization-key and blip.identifier/blip.access-key are set.",
          "Keep one: blip.authorization-key (the portal's 'Key ...' value), or blip.identifier with"
              + " blip.access-key.");
    }
    if (key != null) {
      apply("blip.authorization-key", key, b::authorizationKey,
          "the whole 'Key ...' value the portal shows (Configurations, Connection information)");
      return;
    }
    if (identifier == null && accessKey == null) {
      throw new InvalidBlipPropertyException("blip.access-key", "required",
          "No Blip credentials are set: blip.identifier with blip.access-key, or blip.authorization-key.",
          "Set blip.identifier and blip.access-key (or blip.authorization-key) from the portal's Configurations,"
              + " Connection information, for example blip.access-key=${BLIP_ACCESS_KEY}. In tests, set"
              + " blip.fake.enabled=true to use a fake Blip.");
    }
    if (identifier == null) {
      throw new InvalidBlipPropertyException("blip.identifier", "required with blip.access-key",
          "blip.access-key is set but blip.identifier is not.",
          "Set blip.identifier to the bot's identifier (the part before @msging.net), or use"
              + " blip.authorization-key instead.");
    }
    if (accessKey == null) {
      throw new InvalidBlipPropertyException("blip.access-key", "required with blip.identifier",
          "blip.identifier is set but blip.access-key is not.",
          "Set blip.access-key to the bot's access key, for example blip.access-key=${BLIP_ACCESS_KEY}, or use"
              + " blip.authorization-key instead.");
    }
    try {
      b.credentials(identifier, accessKey);
    } catch (IllegalArgumentException e) {
      // the SDK's message names no value; the identifier is not a secret, the key is never repeated
      throw new InvalidBlipPropertyException("blip.identifier", "valid credentials",
          "blip.identifier/blip.access-key are not valid: " + e.getMessage() + ".",
          "Set blip.identifier to the bot's identifier (no ':') and blip.access-key to its non-empty key.");
    }
  }

  private static RetryPolicy retryPolicy(BlipProperties.Retry r) {
    RetryPolicy.Builder rb = RetryPolicy.defaults().toBuilder();
    apply("blip.retry.max-attempts", r.getMaxAttempts(), rb::maxAttempts, "a whole number of at least 1");
    apply("blip.retry.base-delay", r.getBaseDelay(), rb::baseDelay, "a positive duration such as 500ms");
    apply("blip.retry.max-delay", r.getMaxDelay(), rb::maxDelay, "a positive duration such as 8s");
    apply("blip.retry.honor-retry-after", r.getHonorRetryAfter(), rb::honorRetryAfter, "true or false");
    try {
      return rb.build();
    } catch (IllegalStateException e) {
      throw new InvalidBlipPropertyException("blip.retry.max-delay", "at least base-delay", e.getMessage() + ".",
          "Make blip.retry.max-delay at least blip.retry.base-delay.");
    }
  }

  /**
   * Hands a set property to a setter; a refusal becomes an {@link InvalidBlipPropertyException}.
   *
   * @param property the property name
   * @param value the value, or {@code null} to leave the default
   * @param setter the builder's setter
   * @param expected what a good value looks like
   * @param <T> the value's type
   */
  public static <T> void apply(String property, @Nullable T value, Consumer<T> setter, String expected) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidBlipPropertyException(property, expected, property + " is not valid: " + e.getMessage()
          + ".", "Set " + property + " to " + expected + ".");
    }
  }

  /**
   * The value, or {@code null} when it is {@code null} or blank (an unset environment placeholder).
   *
   * @param s the value
   * @return the value or {@code null}
   */
  public static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Positive durations only.
   *
   * @param property the property name
   * @param d the duration
   * @return the duration
   * @throws InvalidBlipPropertyException naming the property if it is zero or negative
   */
  public static Duration positive(String property, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new InvalidBlipPropertyException(property, "positive", property + " must be positive, was " + d + ".",
          "Set " + property + " to a positive duration such as 30s.");
    }
    return d;
  }
}
