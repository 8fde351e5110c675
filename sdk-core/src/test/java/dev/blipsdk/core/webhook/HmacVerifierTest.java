package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException.Failure;
import dev.blipsdk.core.exception.WebhookVerificationException;
import static dev.blipsdk.core.webhook.Vectors.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HmacVerifierTest {
  private static final HmacScheme HEX_PLAIN = HmacScheme.builder("X-Signature").build();
  private static final HmacScheme B64_PLAIN =
      HmacScheme.builder("X-Signature").encoding(HmacScheme.Encoding.BASE64).build();
  private static final HmacScheme HEX_TS_HEADER =
      HmacScheme.builder("X-Signature").prefix("sha256=").timestampHeader("X-Signature-Timestamp").build();
  private static final HmacScheme B64_TS_HEADER = HmacScheme.builder("X-Signature")
      .encoding(HmacScheme.Encoding.BASE64).timestampHeader("X-Signature-Timestamp").build();
  private static final HmacScheme INLINE = HmacScheme.builder("Blip-Signature").inlineTimestamp("v1").build();

  private static HmacVerifier verifier(HmacScheme scheme, long nowSeconds, String... secrets) {
    HmacVerifier.Builder b = HmacVerifier.builder(scheme).clock(clockAt(nowSeconds));
    for (String s : secrets) {
      b.secret(s);
    }
    return b.build();
  }

  @Test
  void metaPresetAcceptsOpensslVector() {
    WebhookVerifier v = WebhookVerifier.metaHubSignature256(META_SECRET);
    v.verify(WebhookHeaders.of("X-Hub-Signature-256", "sha256=" + META_NOTIFICATION_HEX), NOTIFICATION);
    // header names and the prefix match without regard to case; hex digits in either case
    v.verify(WebhookHeaders.of("x-hub-signature-256", "SHA256=" + META_NOTIFICATION_HEX.toUpperCase()),
        NOTIFICATION);
  }

  @Test
  void metaPresetRejectsOtherSecretAndSaysPassRawBody() {
    WebhookVerifier v = WebhookVerifier.metaHubSignature256("another-secret");
    WebhookVerificationException e = Verifications.fails(Failure.SIGNATURE_MISMATCH,
        () -> v.verify(WebhookHeaders.of("X-Hub-Signature-256", "sha256=" + META_NOTIFICATION_HEX),
            NOTIFICATION));
    assertEquals(WebhookVerificationException.Failure.SIGNATURE_MISMATCH, e.failure());
    assertEquals("X-Hub-Signature-256", e.headerName());
    assertTrue(e.getMessage().contains("raw request body bytes exactly as received, not re-serialised JSON"),
        e.getMessage());
    assertFalse(e.getMessage().contains("another-secret"));
    assertFalse(e.isRetryable());
  }

  @Test
  void reSerialisedBodyFails() {
    // the same JSON, pretty-printed as a framework would re-encode it
    byte[] reEncoded = BODY_TEXT.replace(",", ", ").replace(":", ": ").getBytes(StandardCharsets.UTF_8);
    HmacVerifier v = verifier(HEX_PLAIN, TIMESTAMP, SECRET_1);
    v.verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY);
    Verifications.fails(Failure.SIGNATURE_MISMATCH,
        () -> v.verify(WebhookHeaders.of("X-Signature", HEX_S1), reEncoded));
    byte[] withNewline = (BODY_TEXT + "\n").getBytes(StandardCharsets.UTF_8);
    Verifications.fails(Failure.SIGNATURE_MISMATCH,
        () -> v.verify(WebhookHeaders.of("X-Signature", HEX_S1), withNewline));
  }

  @Test
  void hexAndBase64WithoutTimestamp() {
    verifier(HEX_PLAIN, 0, SECRET_1).verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY);
    verifier(B64_PLAIN, 0, SECRET_1).verify(WebhookHeaders.of("X-Signature", B64_S1), BODY);
    // the base64 verifier does not take hex and vice versa
    Verifications.fails(Failure.MALFORMED_HEADER,
        () -> verifier(B64_PLAIN, 0, SECRET_1).verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY));
    Verifications.fails(Failure.MALFORMED_HEADER,
        () -> verifier(HEX_PLAIN, 0, SECRET_1).verify(WebhookHeaders.of("X-Signature", B64_S1), BODY));
  }

  @Test
  void timestampInItsOwnHeader() {
    WebhookHeaders ok = WebhookHeaders.of("X-Signature", "sha256=" + TS_HEX_S1,
        "X-Signature-Timestamp", Long.toString(TIMESTAMP));
    verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1).verify(ok, BODY);
    verifier(B64_TS_HEADER, TIMESTAMP, SECRET_1).verify(WebhookHeaders.of("X-Signature", TS_B64_S1,
        "X-Signature-Timestamp", Long.toString(TIMESTAMP)), BODY);
    // a different timestamp with the same signature does not verify: the timestamp is signed
    Verifications.fails(Failure.SIGNATURE_MISMATCH, () -> verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1).verify(
        WebhookHeaders.of("X-Signature", "sha256=" + TS_HEX_S1, "X-Signature-Timestamp", "1700000001"), BODY));
    // the untimestamped signature is not valid in the timestamped scheme
    Verifications.fails(Failure.SIGNATURE_MISMATCH, () -> verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1).verify(
        WebhookHeaders.of("X-Signature", "sha256=" + HEX_S1, "X-Signature-Timestamp", "1700000000"), BODY));
    WebhookVerificationException missing = Verifications.fails(Failure.MISSING_HEADER,
        () -> verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1).verify(
            WebhookHeaders.of("X-Signature", "sha256=" + TS_HEX_S1), BODY));
    assertEquals("X-Signature-Timestamp", missing.headerName());
  }

  @Test
  void inlineStripeStyleHeader() {
    String header = "t=" + TIMESTAMP + ",v1=" + TS_HEX_S1;
    verifier(INLINE, TIMESTAMP, SECRET_1).verify(WebhookHeaders.of("Blip-Signature", header), BODY);
    // spaces, other schemes and several v1 parts are fine; any matching v1 verifies
    verifier(INLINE, TIMESTAMP, SECRET_1).verify(WebhookHeaders.of("Blip-Signature",
        "t=" + TIMESTAMP + ", v0=abc, v1=" + TS_HEX_S2 + ", v1=" + TS_HEX_S1), BODY);
    Verifications.fails(Failure.MALFORMED_HEADER, () -> verifier(INLINE, TIMESTAMP, SECRET_1)
        .verify(WebhookHeaders.of("Blip-Signature", "v1=" + TS_HEX_S1), BODY));
    Verifications.fails(Failure.MALFORMED_HEADER, () -> verifier(INLINE, TIMESTAMP, SECRET_1)
        .verify(WebhookHeaders.of("Blip-Signature", "t=" + TIMESTAMP), BODY));
    Verifications.fails(Failure.MALFORMED_HEADER, () -> verifier(INLINE, TIMESTAMP, SECRET_1)
        .verify(WebhookHeaders.of("Blip-Signature", "t=1,t=2,v1=" + TS_HEX_S1), BODY));
    Verifications.fails(Failure.MALFORMED_HEADER, () -> verifier(INLINE, TIMESTAMP, SECRET_1)
        .verify(WebhookHeaders.of("Blip-Signature", header + ",garbage"), BODY));
  }

  @Test
  void rotationAcceptsEitherSecretAndRejectsOthers() {
    HmacVerifier both = verifier(HEX_PLAIN, 0, SECRET_2, SECRET_1);
    both.verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY);
    both.verify(WebhookHeaders.of("X-Signature", HEX_S2), BODY);
    HmacVerifier inlineBoth = verifier(INLINE, TIMESTAMP, SECRET_1, SECRET_2);
    inlineBoth.verify(WebhookHeaders.of("Blip-Signature", "t=" + TIMESTAMP + ",v1=" + TS_HEX_S2), BODY);
    WebhookVerificationException e = Verifications.fails(Failure.SIGNATURE_MISMATCH,
        () -> verifier(HEX_PLAIN, 0, "x", "y").verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY));
    assertTrue(e.getMessage().contains("any of the 2 configured secrets"), e.getMessage());
    // the shortcut takes several secrets too
    WebhookVerifier.hmacSha256(HEX_PLAIN, "new", SECRET_1).verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY);
  }

  @Test
  void toleranceInBothDirections() {
    WebhookHeaders h = WebhookHeaders.of("Blip-Signature", "t=" + TIMESTAMP + ",v1=" + TS_HEX_S1);
    // exactly at the edges: accepted
    verifier(INLINE, TIMESTAMP + 300, SECRET_1).verify(h, BODY);
    verifier(INLINE, TIMESTAMP - 300, SECRET_1).verify(h, BODY);
    WebhookVerificationException old = Verifications.fails(Failure.TIMESTAMP_TOO_OLD,
        () -> verifier(INLINE, TIMESTAMP + 301, SECRET_1).verify(h, BODY));
    assertEquals(WebhookVerificationException.Failure.TIMESTAMP_TOO_OLD, old.failure());
    assertEquals(TIMESTAMP, old.timestamp().getEpochSecond());
    assertEquals(TIMESTAMP + 301, old.now().getEpochSecond());
    assertEquals(Duration.ofSeconds(300), old.tolerance());
    assertTrue(old.getMessage().contains("301 s before now"), old.getMessage());
    WebhookVerificationException future = Verifications.fails(Failure.TIMESTAMP_IN_FUTURE,
        () -> verifier(INLINE, TIMESTAMP - 301, SECRET_1).verify(h, BODY));
    assertEquals(WebhookVerificationException.Failure.TIMESTAMP_IN_FUTURE, future.failure());
    assertTrue(future.getMessage().contains("301 s after now"), future.getMessage());
    // a custom tolerance
    HmacVerifier wide = HmacVerifier.builder(INLINE).secret(SECRET_1).tolerance(Duration.ofHours(1))
        .clock(clockAt(TIMESTAMP + 3600)).build();
    wide.verify(h, BODY);
    Verifications.fails(Failure.TIMESTAMP_IN_FUTURE, () -> HmacVerifier.builder(INLINE).secret(SECRET_1)
        .tolerance(Duration.ofSeconds(10)).clock(clockAt(TIMESTAMP - 11)).build().verify(h, BODY));
  }

  @Test
  void signatureIsCheckedBeforeTheClock() {
    // a stale timestamp with a wrong signature reports the mismatch, not the clock
    WebhookHeaders h = WebhookHeaders.of("Blip-Signature", "t=" + TIMESTAMP + ",v1=" + TS_HEX_S2);
    Verifications.fails(Failure.SIGNATURE_MISMATCH,
        () -> verifier(INLINE, TIMESTAMP + 10_000, SECRET_1).verify(h, BODY));
  }

  @Test
  void missingAndMalformedHeaders() {
    HmacVerifier v = verifier(HmacScheme.metaHubSignature256(), 0, META_SECRET);
    WebhookVerificationException missing = Verifications.fails(Failure.MISSING_HEADER,
        () -> v.verify(WebhookHeaders.empty(), NOTIFICATION));
    assertEquals(WebhookVerificationException.Failure.MISSING_HEADER, missing.failure());
    assertTrue(missing.getMessage().contains("X-Hub-Signature-256"));
    String[] malformed = {"", "   ", META_NOTIFICATION_HEX, "sha1=" + META_NOTIFICATION_HEX,
        "sha256=" + META_NOTIFICATION_HEX.substring(2), "sha256=" + META_NOTIFICATION_HEX + "00",
        "sha256=" + META_NOTIFICATION_HEX.replace('a', 'g'), "sha256="};
    for (String value : malformed) {
      WebhookVerificationException e = Verifications.fails(Failure.MALFORMED_HEADER,
          () -> v.verify(WebhookHeaders.of("X-Hub-Signature-256", value), NOTIFICATION), value);
      assertEquals(WebhookVerificationException.Failure.MALFORMED_HEADER, e.failure());
    }
    // sent twice: ambiguous, refused
    Verifications.fails(Failure.MALFORMED_HEADER, () -> v.verify(WebhookHeaders.of(
        "X-Hub-Signature-256", "sha256=" + META_NOTIFICATION_HEX,
        "x-hub-signature-256", "sha256=" + META_NOTIFICATION_HEX), NOTIFICATION));
    // timestamps must be whole seconds
    for (String ts : new String[] {"1700000000000", "-1700000000", "17e8", "abc", "1700000000.5"}) {
      Verifications.fails(Failure.MALFORMED_HEADER, () -> verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1).verify(
          WebhookHeaders.of("X-Signature", "sha256=" + TS_HEX_S1, "X-Signature-Timestamp", ts), BODY), ts);
    }
  }

  @Test
  void secretsNeverShow() {
    HmacVerifier v = verifier(HEX_TS_HEADER, TIMESTAMP, SECRET_1, SECRET_2);
    assertFalse(v.toString().contains(SECRET_1));
    assertFalse(v.toString().contains(SECRET_2));
    assertTrue(v.toString().contains("secrets=2"), v.toString());
    WebhookSigner s = WebhookSigner.hmacSha256(HEX_TS_HEADER, SECRET_1);
    assertFalse(s.toString().contains(SECRET_1));
    Exception e = Verifications.fails(Failure.SIGNATURE_MISMATCH, () -> v.verify(WebhookHeaders.of(
        "X-Signature", "sha256=" + HEX_S1, "X-Signature-Timestamp", "1700000000"), BODY));
    assertFalse(e.toString().contains(SECRET_1));
    assertFalse(e.toString().contains(HEX_S1), "the presented signature is not echoed");
  }

  @Test
  void configurationIsValidated() {
    assertThrows(IllegalStateException.class, () -> HmacVerifier.builder(HEX_PLAIN).build());
    assertThrows(IllegalArgumentException.class, () -> HmacVerifier.builder(HEX_PLAIN).secret(""));
    assertThrows(IllegalArgumentException.class, () -> HmacVerifier.builder(HEX_PLAIN).secret(new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> HmacVerifier.builder(HEX_PLAIN).tolerance(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> HmacScheme.builder("Bad Header"));
    assertThrows(IllegalArgumentException.class, () -> HmacScheme.builder("X-S").timestampHeader("x-s"));
    assertThrows(IllegalStateException.class,
        () -> HmacScheme.builder("X-S").inlineTimestamp("v1").timestampHeader("X-T").build());
    assertThrows(IllegalStateException.class,
        () -> HmacScheme.builder("X-S").inlineTimestamp("v1").prefix("sha256=").build());
    assertThrows(IllegalArgumentException.class, () -> HmacScheme.builder("X-S").inlineTimestamp("t"));
    // byte[] secrets work like their UTF-8 string
    HmacVerifier.builder(HEX_PLAIN).secret(SECRET_1.getBytes(StandardCharsets.UTF_8)).build()
        .verify(WebhookHeaders.of("X-Signature", HEX_S1), BODY);
  }
}
