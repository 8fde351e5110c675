package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.exception.WebhookVerificationException.Failure;
import static dev.blipsdk.core.webhook.Vectors.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void producesTheOpensslVectorsForEveryHmacShape() {
    Instant at = Instant.ofEpochSecond(TIMESTAMP);
    assertEquals(Map.of("X-Hub-Signature-256", "sha256=" + META_NOTIFICATION_HEX),
        WebhookSigner.metaHubSignature256(META_SECRET).headersFor(NOTIFICATION, at));
    assertEquals(Map.of("X-Signature", HEX_S1),
        WebhookSigner.hmacSha256(HmacScheme.builder("X-Signature").build(), SECRET_1).headersFor(BODY, at));
    assertEquals(Map.of("X-Signature", B64_S1), WebhookSigner.hmacSha256(
        HmacScheme.builder("X-Signature").encoding(HmacScheme.Encoding.BASE64).build(), SECRET_1)
        .headersFor(BODY, at));
    assertEquals(Map.of("X-Signature", "sha256=" + TS_HEX_S1, "X-Signature-Timestamp", "1700000000"),
        WebhookSigner.hmacSha256(HmacScheme.builder("X-Signature").prefix("sha256=")
            .timestampHeader("X-Signature-Timestamp").build(), SECRET_1).headersFor(BODY, at));
    assertEquals(Map.of("X-Signature", TS_B64_S1, "X-Signature-Timestamp", "1700000000"),
        WebhookSigner.hmacSha256(HmacScheme.builder("X-Signature").encoding(HmacScheme.Encoding.BASE64)
            .timestampHeader("X-Signature-Timestamp").build(), SECRET_1).headersFor(BODY, at));
    assertEquals(Map.of("Blip-Signature", "t=1700000000,v1=" + TS_HEX_S2),
        WebhookSigner.hmacSha256(HmacScheme.builder("Blip-Signature").inlineTimestamp("v1").build(), SECRET_2)
            .headersFor(BODY, at));
  }

  @Test
  void timestampComesFromTheSignersClock() {
    WebhookSigner signer = WebhookSigner.hmacSha256(
        HmacScheme.builder("Blip-Signature").inlineTimestamp("v1").build(), SECRET_1)
        .withClock(clockAt(TIMESTAMP));
    assertEquals("t=1700000000,v1=" + TS_HEX_S1, signer.headersFor(BODY).get("Blip-Signature"));
    Function<byte[], Map<String, String>> asFunction = signer;
    assertEquals(signer.headersFor(BODY), asFunction.apply(BODY));
    Function<byte[], Map<String, String>> methodRef = signer::headersFor;
    assertEquals(signer.headersFor(BODY), methodRef.apply(BODY));
  }

  @Test
  void everySignerRoundTripsThroughItsVerifier() {
    List<HmacScheme> schemes = List.of(HmacScheme.metaHubSignature256(),
        HmacScheme.builder("X-S").encoding(HmacScheme.Encoding.BASE64).build(),
        HmacScheme.builder("X-S").prefix("v1=").timestampHeader("X-T").build(),
        HmacScheme.builder("X-S").encoding(HmacScheme.Encoding.BASE64).inlineTimestamp("v2").build());
    for (HmacScheme scheme : schemes) {
      WebhookSigner signer = WebhookSigner.hmacSha256(scheme, SECRET_1).withClock(clockAt(TIMESTAMP));
      HmacVerifier verifier = HmacVerifier.builder(scheme).secret(SECRET_2).secret(SECRET_1)
          .clock(clockAt(TIMESTAMP + 299)).build();
      verifier.verify(WebhookHeaders.fromMap(signer.headersFor(BODY)), BODY);
      Verifications.fails(Failure.SIGNATURE_MISMATCH,
          () -> verifier.verify(WebhookHeaders.fromMap(signer.headersFor(NOTIFICATION)), BODY), scheme.toString());
    }
    WebhookSigner tokens = WebhookSigner.allOf(WebhookSigner.staticHeader("X-Blip-Token", "tok"),
        WebhookSigner.bearerToken("bearer-tok"));
    WebhookVerifier.allOf(WebhookVerifier.staticHeader("X-Blip-Token", "tok"),
        WebhookVerifier.bearerToken("bearer-tok"::equals)).verify(WebhookHeaders.fromMap(tokens.apply(BODY)), BODY);
    assertFalse(tokens.toString().contains("tok,"), tokens.toString());
    assertFalse(tokens.toString().contains("bearer-tok"), tokens.toString());
  }
}
