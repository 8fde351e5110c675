package dev.blipsdk.benchmarks;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import dev.blipsdk.whatsapp.BulkRecipient;
import dev.blipsdk.whatsapp.BulkSender;
import dev.blipsdk.whatsapp.BulkSummary;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The bulk sender ({@code WhatsAppClient.bulk()}) against FakeBlip with latency injected on every
 * {@code /messages} request, against the theoretical time {@code recipients x latency / concurrency}. The rate
 * limit is set far above what the latency allows, so only concurrency binds.
 *
 * <pre>
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.BulkSenderBenchmark \
 *     --recipients=400 --latency-ms=50 --concurrency=16 --runs=5
 * </pre>
 *
 * <p>Each run sends to fresh recipients (account identities, so no phone resolution) and reports the wall time
 * from {@code start} to {@code join}; the median of the runs is compared with the theoretical time. A warm-up run
 * comes first. Also printed: one send measured alone, which is the real per-request latency (injected latency plus
 * the client and server work), and the time that latency implies.
 */
public final class BulkSenderBenchmark {
  private BulkSenderBenchmark() {}

  /** The measured outcome. */
  record Result(int recipients, long latencyMs, int concurrency, double theoreticalMs, double[] runsMs,
      double medianMs, double singleSendMs, double[] rawRunsMs, double rawMedianMs) {
    double ratio() {
      return medianMs / theoreticalMs;
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args {@code --recipients=N --latency-ms=N --concurrency=N --runs=N}
   * @throws Exception if the fake cannot start
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int recipients = 400;
    long latencyMs = 50;
    int concurrency = 16;
    int runs = 5;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "--recipients" -> recipients = Integer.parseInt(kv[1]);
        case "--latency-ms" -> latencyMs = Long.parseLong(kv[1]);
        case "--concurrency" -> concurrency = Integer.parseInt(kv[1]);
        case "--runs" -> runs = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    print(run(recipients, latencyMs, concurrency, runs));
  }

  static void print(Result r) {
    System.out.printf(Locale.ROOT, "recipients %d, injected latency %d ms on /messages, concurrency %d, rate limit"
        + " 100,000/s (does not bind)%n", r.recipients(), r.latencyMs(), r.concurrency());
    System.out.printf(Locale.ROOT, "runs (ms): %s%n", Arrays.toString(Arrays.stream(r.runsMs())
        .mapToLong(Math::round).toArray()));
    System.out.printf(Locale.ROOT, "theoretical %.0f ms, median actual %.0f ms, actual/theoretical %.3f (target"
        + " <= 1.05: %s)%n", r.theoreticalMs(), r.medianMs(), r.ratio(), r.ratio() <= 1.05 ? "PASS" : "MISS");
    System.out.printf(Locale.ROOT, "raw OkHttp+Moshi, %d threads of synchronous POSTs, same recipients and"
        + " latency: runs (ms) %s, median %.0f ms, raw/theoretical %.3f; bulk/raw %.3f%n", r.concurrency(),
        Arrays.toString(Arrays.stream(r.rawRunsMs()).mapToLong(Math::round).toArray()), r.rawMedianMs(),
        r.rawMedianMs() / r.theoreticalMs(), r.medianMs() / r.rawMedianMs());
    double floor = r.recipients() * r.singleSendMs() / r.concurrency();
    System.out.printf(Locale.ROOT, "one send alone takes %.1f ms (latency + client + fake); at that latency the"
        + " floor is %.0f ms, actual/floor %.3f%n", r.singleSendMs(), floor, r.medianMs() / floor);
  }

  static Result run(int recipients, long latencyMs, int concurrency, int runs) throws Exception {
    try (FakeBlip fake = FakeBlip.start(); BlipClient blip = fake.client()) {
      fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      fake.inject(Fault.latency(Duration.ofMillis(latencyMs)).onPath("/messages").times(Fault.ALWAYS));
      WhatsAppClient whatsApp = WhatsAppClient.of(blip);
      BulkSender sender = whatsApp.bulk().ratePerSecond(100_000).concurrency(concurrency).build();
      int[] next = {0};
      // warm-up: connections opened, code compiled
      send(sender, next, Math.max(4 * concurrency, recipients / 4));
      List<Double> singles = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        BulkRecipient one = recipientAt(next[0]++);
        whatsApp.send(one.recipient(), one.message(), dev.blipsdk.whatsapp.SendOptions.none());
        singles.add((System.nanoTime() - t0) / 1e6);
      }
      OkHttpClient rawHttp = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
      RawClient raw = new RawClient(rawHttp, fake.baseUrl(), fake.authorizationHeader());
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      try {
        rawRun(raw, pool, concurrency, Math.max(4 * concurrency, recipients / 4)); // warm-up
        double[] times = new double[runs];
        double[] rawTimes = new double[runs];
        for (int i = 0; i < runs; i++) { // interleaved: bulk, then raw
          long t0 = System.nanoTime();
          BulkSummary s = send(sender, next, recipients);
          times[i] = (System.nanoTime() - t0) / 1e6;
          if (s.sent() != recipients) {
            throw new IllegalStateException("run " + i + " sent " + s.sent() + " of " + recipients + ": " + s);
          }
          rawTimes[i] = rawRun(raw, pool, concurrency, recipients);
        }
        singles.sort(null);
        return new Result(recipients, latencyMs, concurrency, (double) recipients * latencyMs / concurrency, times,
            median(times), singles.get(singles.size() / 2), rawTimes, median(rawTimes));
      } finally {
        pool.shutdownNow();
        rawHttp.dispatcher().executorService().shutdown();
        rawHttp.connectionPool().evictAll();
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** {@code threads} threads sending {@code count} text messages between them; the wall time in ms. */
  private static double rawRun(RawClient raw, ExecutorService pool, int threads, int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          raw.sendText("55319" + (20_000_000 + i) + "@wa.gw.msging.net", "Cliente " + i);
        }
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static BulkSummary send(BulkSender sender, int[] next, int count) {
    int first = next[0];
    next[0] += count;
    return sender.start(IntStream.range(first, first + count).mapToObj(BulkSenderBenchmark::recipientAt).toList())
        .join();
  }

  private static final TemplateMessage BASE = TemplateMessage.of("welcome", "pt_BR");

  private static BulkRecipient recipientAt(int i) {
    return BulkRecipient.of(dev.blipsdk.whatsapp.Recipient.of(Identity.parse("55319" + (10_000_000 + i)
        + "@wa.gw.msging.net")), BASE.body("Cliente " + i));
  }
}
