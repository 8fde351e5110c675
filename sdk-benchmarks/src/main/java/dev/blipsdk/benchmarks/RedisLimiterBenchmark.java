package dev.blipsdk.benchmarks;

import dev.blipsdk.redis.RedisRateLimiter;
import dev.blipsdk.whatsapp.RateLimiter;
import io.lettuce.core.RedisClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared rate limiter of a fleet ({@code blip-sdk-redis}) against the in-memory one: what one permit costs
 * over loopback, and the highest aggregate rate one Redis grants to fleets of senders.
 *
 * <pre>
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.RedisLimiterBenchmark --seconds=10
 * </pre>
 *
 * <p>Starts its own {@code redis-server} (from the PATH) on 127.0.0.1. Limits are set far above what can be reached
 * (10^6 permits/s on Redis, 10^9 in memory) so that only the limiter's own cost binds. "Cost of a permit": one caller asking
 * {@code acquire().join()} in a loop (latency per permit), for each limiter. "Fleet": N senders, each with its own
 * {@link RedisRateLimiter} (its own connection, as N processes would have) on one key, each asking permits one at a
 * time in a loop for the measured seconds; the aggregate is every permit granted over the time. The senders are
 * threads of one JVM: a fleet of processes adds no Redis work, only more client CPU.
 */
public final class RedisLimiterBenchmark {
  private RedisLimiterBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code --seconds=N --fleets=4,16}
   * @throws Exception if redis-server cannot be started
   */
  public static void main(String[] args) throws Exception {
    int seconds = 10;
    List<Integer> fleets = List.of(1, 4, 16);
    for (String a : args) {
      if (a.startsWith("--seconds=")) {
        seconds = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("--fleets=")) {
        fleets = Arrays.stream(a.substring(9).split(",")).map(Integer::valueOf).toList();
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Process redis = startRedis(port);
    try {
      RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
      try {
        RateLimiter memory = RateLimiter.perSecond(1_000_000_000); // 1 ns apart: never waits
        double memNs = perPermitNanos(memory, seconds);
        double redisNs;
        try (RedisRateLimiter shared = RedisRateLimiter.builder(client).key("bench:single")
            .permitsPerSecond(1_000_000).build()) {
          redisNs = perPermitNanos(shared, seconds);
        }
        System.out.printf(Locale.ROOT, "permit cost, one caller: in-memory %.0f ns, Redis over loopback %.0f ns"
            + " (%.0f permits/s)%n", memNs, redisNs, 1e9 / redisNs);
        for (int n : fleets) {
          System.out.printf(Locale.ROOT, "fleet of %2d senders on one key: %.0f permits/s aggregate%n", n,
              fleetRate(client, n, seconds));
        }
      } finally {
        client.shutdown();
      }
    } finally {
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static double perPermitNanos(RateLimiter limiter, int seconds) {
    long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds / 3));
    while (System.nanoTime() < warmEnd) {
      limiter.acquire().join();
    }
    long n = 0;
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long now;
    do {
      limiter.acquire().join();
      n++;
      now = System.nanoTime();
    } while (now < end);
    return (now - start) / (double) n;
  }

  private static double fleetRate(RedisClient client, int senders, int seconds) throws Exception {
    List<RedisRateLimiter> limiters = new ArrayList<>();
    String key = "bench:fleet:" + senders;
    for (int i = 0; i < senders; i++) {
      limiters.add(RedisRateLimiter.builder(client).key(key).permitsPerSecond(1_000_000).build());
    }
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong granted = new AtomicLong();
    CountDownLatch done = new CountDownLatch(senders);
    for (RedisRateLimiter l : limiters) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          l.acquire().join();
          if (measuring.get()) {
            granted.incrementAndGet();
          }
        }
        done.countDown();
      });
      t.setDaemon(true);
      t.start();
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(1, seconds / 3)));
    long start = System.nanoTime();
    measuring.set(true);
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    done.await(30, TimeUnit.SECONDS);
    limiters.forEach(RedisRateLimiter::close);
    return granted.get() / (elapsed / 1e9);
  }

  private static Process startRedis(int port) throws IOException, InterruptedException {
    String bin = null;
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "redis-server"))) {
        bin = Path.of(d, "redis-server").toString();
      }
    }
    if (bin == null) {
      throw new IllegalStateException("redis-server is not on the PATH (Debian: apt-get install -y redis-server)");
    }
    Process p = new ProcessBuilder(bin, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 500; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return p;
      } catch (IOException e) {
        Thread.sleep(10);
      }
    }
    p.destroy();
    throw new IllegalStateException("redis-server did not start on port " + port);
  }
}
