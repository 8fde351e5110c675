package dev.blipsdk.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test vectors computed independently with OpenSSL 3.0 in a shell, not with the code under test.
 *
 * <pre>
 * printf '%s' '{"id":"99cf454e-...","content":"Help"}' &gt; body.json      # BODY below, byte for byte (159 bytes)
 * printf '1700000000.' &gt; ts.bin; cat ts.bin body.json &gt; signed.bin    # the timestamped payload
 * </pre>
 */
final class Vectors {
  private Vectors() {}

  /** Blip's documented message example (blip-http-api.md section 6), exact bytes, no trailing newline. */
  static final String BODY_TEXT = "{\"id\":\"99cf454e-f25d-4ebd-831f-e48a1c612cd4\","
      + "\"from\":\"551100001111@0mn.io/4ac58r6e3\",\"to\":\"blipmessaginghubapp@msging.net\","
      + "\"type\":\"text/plain\",\"content\":\"Help\"}";
  static final byte[] BODY = BODY_TEXT.getBytes(StandardCharsets.UTF_8);

  /** Blip's documented notification example, exact bytes. */
  static final byte[] NOTIFICATION = ("{\"id\":\"123e4567-e89b-12d3-a456-426655440000\","
      + "\"from\":\"551100001111@0mn.io/4ac58r6e3\",\"to\":\"blipmessaginghubapp@msging.net/7a8fr233x\","
      + "\"event\":\"received\"}").getBytes(StandardCharsets.UTF_8);

  static final String SECRET_1 = "whsec_test_secret_1";
  static final String SECRET_2 = "rotated-secret-2";
  static final long TIMESTAMP = 1_700_000_000L;

  /** {@code openssl dgst -sha256 -hmac 'whsec_test_secret_1' body.json}. */
  static final String HEX_S1 = "96e34630522d891c8a47c480409d4e435341727f9cad1224b720512ddbadcef0";
  /** {@code openssl dgst -sha256 -hmac 'rotated-secret-2' body.json}. */
  static final String HEX_S2 = "47a2efc76520b3f97f4b1206cd44edaf4b3c7da083f92cc095bb128196a9c8fa";
  /** {@code openssl dgst -sha256 -hmac 'whsec_test_secret_1' -binary body.json | base64}. */
  static final String B64_S1 = "luNGMFItiRyKR8SAQJ1OQ1NBcn+crRIktyBRLdutzvA=";
  /** {@code openssl dgst -sha256 -hmac 'whsec_test_secret_1' signed.bin}. */
  static final String TS_HEX_S1 = "6dacd318bdac950c70300c5a57611d522a7d7c81c787ba794a40c8106bae93bb";
  /** {@code openssl dgst -sha256 -hmac 'rotated-secret-2' signed.bin}. */
  static final String TS_HEX_S2 = "40bce19581ba44afc6adfe857aca31bbab0036dec73535aa1180e5d41641c432";
  /** {@code openssl dgst -sha256 -hmac 'whsec_test_secret_1' -binary signed.bin | base64}. */
  static final String TS_B64_S1 = "bazTGL2slQxwMAxaV2EdUip9fIHHh7p5SkDIEGuuk7s=";
  /** {@code openssl dgst -sha256 -hmac 'meta-app-secret' notif.json} over {@link #NOTIFICATION}. */
  static final String META_NOTIFICATION_HEX = "6916775498e16096a5225f0c272bb4cc3d6dc56bc5a4469b740c73631ad4bc77";
  static final String META_SECRET = "meta-app-secret";

  static Clock clockAt(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }
}
