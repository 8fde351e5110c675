package dev.blipsdk.redis;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.whatsapp.BulkRecipient;
import dev.blipsdk.whatsapp.BulkRun;
import dev.blipsdk.whatsapp.BulkSummary;
import dev.blipsdk.whatsapp.Plan;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One instance of a service, run as its own JVM by {@link FleetTest}: it talks to the test over stdin/stdout
 * (one command or report per line) and to the fake Blip and Redis over loopback.
 *
 * <ul>
 *   <li>{@code sender <baseUrl> <bot> <key> <redisUri> <limiterRate> <first> <count>}: a BulkSender at the paid
 *       plan's 50/s sharing the Redis limiter; prints {@code READY}, starts on {@code GO}, cancels on
 *       {@code STOP}, prints {@code DONE sent=.. rateLimited=..};</li>
 *   <li>{@code webhook <redisUri> <token>}: a WebhookReceiver with the Redis de-duplication store behind an
 *       HTTP server (MockWebServer) on 127.0.0.1; prints {@code PORT <n>}, then {@code EVENT <key>} for every listener call;
 *       ends on {@code STOP}.</li>
 * </ul>
 */
public final class FleetMember {
  private FleetMember() {}

  static TemplateMessage message(int i) {
    return TemplateMessage.of("welcome", "pt_BR").body("Cliente " + i);
  }

  static Recipient recipient(int i) {
    return Recipient.of(Identity.parse("55" + (3_100_000_000L + i) + "@wa.gw.msging.net"));
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (args[0].equals("sender")) {
      sender(args, in);
    } else {
      webhook(args, in);
    }
    System.exit(0);
  }

  private static void sender(String[] a, BufferedReader in) throws Exception {
    int first = Integer.parseInt(a[6]);
    int count = Integer.parseInt(a[7]);
    RedisClient redis = RedisClient.create(a[4]);
    try (BlipClient blip = BlipClient.builder().baseUrl(a[1]).credentials(a[2], a[3]).build();
        RedisRateLimiter limiter = RedisRateLimiter.builder(redis).key("fleet:rate")
            .permitsPerSecond(Double.parseDouble(a[5])).build()) {
      WhatsAppClient whatsApp = WhatsAppClient.builder(blip).rateLimiter(limiter).build();
      Iterator<BulkRecipient> recipients = IntStream.range(first, first + count)
          .mapToObj(i -> BulkRecipient.of(recipient(i), message(i))).iterator();
      // warm up the HTTP client, the JSON code and the limiter (on another key), so that the first sends after GO
      // are not held back by class loading and arrive late and bunched
      whatsApp.templates().list();
      try (RedisRateLimiter warmUp = RedisRateLimiter.builder(redis).key("fleet:warm-up:" + first)
          .permitsPerSecond(1000).build()) {
        warmUp.acquire().get();
      }
      System.out.println("READY");
      System.out.flush();
      if (!"GO".equals(in.readLine())) {
        return;
      }
      BulkRun run = whatsApp.bulk().plan(Plan.PAID).concurrency(8).build().start(recipients, (long) count);
      Thread stopper = new Thread(() -> {
        try {
          in.readLine();
        } catch (java.io.IOException e) {
          // the test went away: stop as well
        }
        run.cancel();
      }, "stop-on-stdin");
      stopper.setDaemon(true);
      stopper.start();
      BulkSummary s = run.join();
      System.out.println("DONE sent=" + s.sent() + " failed=" + s.failed() + " rateLimited=" + s.rateLimited());
      System.out.flush();
    } finally {
      redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static void webhook(String[] a, BufferedReader in) throws Exception {
    RedisClient redis = RedisClient.create(a[1]);
    try (RedisDeduplicationStore seen = RedisDeduplicationStore.builder(redis).build()) {
      WebhookReceiver receiver = WebhookReceiver.builder()
          .verifier(WebhookVerifier.staticHeader("X-Fleet-Token", a[2]))
          .deduplicate(seen, Duration.ofHours(1))
          .onStatus(s -> {
            synchronized (System.out) {
              System.out.println("EVENT " + s.deduplicationKey());
              System.out.flush();
            }
          })
          .build();
      MockWebServer http = new MockWebServer();
      http.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
          WebhookResponse r = receiver.handle(request.getMethod(),
              WebhookHeaders.fromMultiMap(request.getHeaders().toMultimap()), body);
          return new MockResponse.Builder().code(r.statusCode()).body(r.body()).build();
        }
      });
      http.start(InetAddress.getByName("127.0.0.1"), 0);
      System.out.println("PORT " + http.getPort());
      System.out.flush();
      in.readLine();
      http.close();
    } finally {
      redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
