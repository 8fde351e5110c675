package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerificationException;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.spring.BlipProperties.VerifierScheme;
import dev.blipsdk.spring.internal.VerifierSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each scheme of blip.webhook.verifier.*: what the fake's signer sends verifies, rotations accept the old secret. */
class VerifierSettingsTest {
  private static final byte[] BODY = "{\"id\":\"1\",\"event\":\"received\"}".getBytes(StandardCharsets.UTF_8);

  private static BlipProperties.Verifier settings(VerifierScheme scheme, String... secrets) {
    BlipProperties.Verifier v = new BlipProperties.Verifier();
    v.setScheme(scheme);
    v.setSecrets(List.of(secrets));
    if (scheme == VerifierScheme.STATIC_HEADER) {
      v.setHeaderName("X-Blip-Token");
    } else if (scheme == VerifierScheme.HMAC) {
      v.setHeaderName("X-Signature");
      v.getHmac().setEncoding(HmacScheme.Encoding.BASE64);
      v.getHmac().setTimestampHeader("X-Signature-Timestamp");
    }
    return v;
  }

  private static WebhookHeaders headers(Map<String, String> m) {
    return WebhookHeaders.fromMap(m);
  }

  @ParameterizedTest
  @EnumSource(value = VerifierScheme.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void theSignerOfTheCurrentAndOfThePreviousSecretVerify(VerifierScheme scheme) {
    WebhookVerifier verifier = VerifierSettings.verifier(settings(scheme, "current-one", "previous-one"))
        .orElseThrow();
    WebhookSigner current = VerifierSettings.signer(settings(scheme, "current-one")).orElseThrow();
    WebhookSigner previous = VerifierSettings.signer(settings(scheme, "previous-one")).orElseThrow();
    WebhookSigner stranger = VerifierSettings.signer(settings(scheme, "someone-else")).orElseThrow();
    verifier.verify(headers(current.headersFor(BODY)), BODY);
    verifier.verify(headers(previous.headersFor(BODY)), BODY);
    assertThatThrownBy(() -> verifier.verify(headers(stranger.headersFor(BODY)), BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(verifier.toString()).doesNotContain("current-one", "previous-one");
  }

  @Test
  void hmacSignsTheBodyItself() {
    WebhookVerifier verifier = VerifierSettings.verifier(settings(VerifierScheme.META_HUB_SIGNATURE_256, "app"))
        .orElseThrow();
    Map<String, String> signed = WebhookSigner.metaHubSignature256("app").headersFor(BODY);
    verifier.verify(headers(signed), BODY);
    byte[] tampered = "{\"id\":\"2\",\"event\":\"received\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(headers(signed), tampered))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void bearerTokensMatchExactly() {
    WebhookVerifier verifier = VerifierSettings.verifier(settings(VerifierScheme.BEARER, "tok")).orElseThrow();
    verifier.verify(WebhookHeaders.of("Authorization", "Bearer tok"), BODY);
    assertThatThrownBy(() -> verifier.verify(WebhookHeaders.of("Authorization", "Bearer to"), BODY))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> verifier.verify(WebhookHeaders.of("Authorization", "Bearer tok2"), BODY))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void noneVerifiesNothingAndSignsNothing() {
    assertThat(VerifierSettings.verifier(settings(VerifierScheme.NONE))).isEmpty();
    assertThat(VerifierSettings.signer(settings(VerifierScheme.NONE))).isEmpty();
  }

  @Test
  void aBadHeaderNameNamesTheProperty() {
    BlipProperties.Verifier v = settings(VerifierScheme.STATIC_HEADER, "x");
    v.setHeaderName("X Blip Token");
    assertThatThrownBy(() -> VerifierSettings.verifier(v)).isInstanceOf(InvalidBlipPropertyException.class)
        .hasMessageContaining("blip.webhook.verifier.header-name");
  }
}
