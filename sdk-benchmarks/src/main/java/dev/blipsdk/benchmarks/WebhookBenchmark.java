package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.webhook.WebhookEvent;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookParser;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook verify + parse of a typical delivery notification on one thread (so ops/s is per core; target
 * 200,000): HMAC-SHA256 ({@code X-Hub-Signature-256}) checked in constant time, then the body parsed into a
 * typed event. The raw baseline does the same with {@code javax.crypto.Mac}, {@code MessageDigest.isEqual} and
 * a Moshi class adapter.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class WebhookBenchmark {
  private static final String SECRET = "app-secret-0123456789abcdef";
  private final byte[] body = Payloads.NOTIFICATION_BYTES;
  private WebhookVerifier verifier;
  private WebhookParser parser;
  private WebhookHeaders headers;
  private String signatureHeader;
  private Mac mac;
  private JsonAdapter<MoshiModels.NotificationEnvelope> adapter;

  /**
   * Signs the body once and builds the verifier, parser, {@code Mac} and adapter once.
   *
   * @throws GeneralSecurityException never
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    verifier = WebhookVerifier.metaHubSignature256(SECRET);
    parser = WebhookParser.defaults();
    headers = WebhookHeaders.fromMap(WebhookSigner.metaHubSignature256(SECRET).headersFor(body));
    signatureHeader = headers.first("X-Hub-Signature-256");
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    adapter = new Moshi.Builder().build().adapter(MoshiModels.NotificationEnvelope.class);
  }

  /**
   * SDK: verify + parse.
   *
   * @return the event
   */
  @Benchmark
  public WebhookEvent sdkVerifyAndParse() {
    verifier.verify(headers, body);
    return parser.parse(body);
  }

  /**
   * Raw: HMAC + constant-time compare + Moshi.
   *
   * @return the notification
   * @throws IOException never
   */
  @Benchmark
  public MoshiModels.NotificationEnvelope rawVerifyAndParse() throws IOException {
    byte[] expected = HexFormat.of().parseHex(signatureHeader.substring("sha256=".length()));
    byte[] actual = mac.doFinal(body);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new IllegalStateException("bad signature");
    }
    return adapter.fromJson(new Buffer().write(body));
  }
}
