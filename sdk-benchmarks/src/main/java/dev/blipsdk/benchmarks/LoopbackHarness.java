package dev.blipsdk.benchmarks;

import dev.blipsdk.testing.internal.NoDelayServerSocketFactory;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.MessageScript;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Measures, in one run and side by side, raw OkHttp + Moshi (the floor, {@link RawClient}) against the SDK's
 * {@code BlipClient.sendMessage} and {@code BlipClient.execute} on 127.0.0.1: sequential latency (median, p99),
 * client CPU and bytes allocated per call, and throughput with 16 threads. Every figure is also printed as the
 * ratio SDK / raw. It then prints the size of the SDK's runtime jars.
 *
 * <p>Two servers: {@code canned}, a mockwebserver3 dispatcher answering fixed responses (isolates the client's
 * cost), and {@code fake}, the stateful {@link FakeBlip}. The server's cost is the same for both sides.
 *
 * <p>Method: client CPU is the CPU time of the calling threads ({@code ThreadMXBean.getCurrentThreadCpuTime}):
 * a synchronous OkHttp call does all its client work (encoding, writing, reading, parsing) on the calling
 * thread, so this excludes the server's threads exactly. Bytes allocated are
 * {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes} of the same threads (OkHttp's
 * connection-pool cleanup thread is not counted, on either side). Rounds of the two sides are interleaved, in
 * alternating order, to spread drift (JIT, GC, frequency) evenly.
 *
 * <pre>{@code
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.LoopbackHarness
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.LoopbackHarness --server=canned --seconds=5
 * }</pre>
 *
 * <p>Ends with the bulk sender against FakeBlip ({@link BulkSenderBenchmark}: 400 recipients, 50 ms, 16).
 *
 * <p>Options: {@code --server=both|canned|fake}, {@code --calls=N} (sequential calls per side and operation,
 * default 2000), {@code --warmup=N} (default 3000), {@code --threads=N} (default 16), {@code --seconds=S} (per
 * throughput window, default 3; two windows per side), {@code --quick} (a smoke run of a second or two).
 * Bounded in calls and time; stops by itself.
 */
public final class LoopbackHarness {
  private static final String CUSTOMER = Payloads.CUSTOMER;
  private static final String CRM = "postmaster@crm.msging.net";
  private static final String CONTACT_URI = "/contacts/5531988889999%40wa.gw.msging.net";
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private LoopbackHarness() {}

  /** One call of one side. */
  @FunctionalInterface
  private interface Op {
    void call();
  }

  private record Options(String server, int calls, int warmup, int threads, double seconds, int rounds) {
    static Options parse(String[] args) {
      Map<String, String> m = new LinkedHashMap<>();
      for (String a : args) {
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("unknown argument " + a + "; see the class javadoc");
        }
        int eq = a.indexOf('=');
        m.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
      }
      boolean quick = m.containsKey("quick");
      return new Options(m.getOrDefault("server", "both"),
          Integer.parseInt(m.getOrDefault("calls", quick ? "100" : "2000")),
          Integer.parseInt(m.getOrDefault("warmup", quick ? "100" : "3000")),
          Integer.parseInt(m.getOrDefault("threads", "16")),
          Double.parseDouble(m.getOrDefault("seconds", quick ? "0.2" : "3")),
          quick ? 1 : 2);
    }
  }

  /** Sequential measurement of one side. */
  private static final class Sequential {
    final long[] latencies;
    int count;
    long cpuNanos;
    long allocatedBytes;

    Sequential(int calls) {
      latencies = new long[calls];
    }

    double percentileMicros(double p) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1000.0;
    }
  }

  /** Throughput measurement of one side, summed over windows. */
  private static final class Throughput {
    long calls;
    long nanos;
    long cpuNanos;
    long allocatedBytes;
    int errors;
    @Nullable Throwable firstError;

    double perSecond() {
      return calls * 1e9 / nanos;
    }
  }

  /** A server to measure against, with the two clients pointed at it. */
  private record Target(String name, String description, Op rawSend, Op sdkSend, Op rawGet, Op sdkGet,
      AutoCloseable resources, Runnable drain) {}

  /**
   * Runs the harness.
   *
   * @param args options, see the class javadoc
   * @throws Exception if a server cannot start
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options = Options.parse(args);
    printMachine(options);
    List<String> servers = options.server().equals("both") ? List.of("canned", "fake") : List.of(options.server());
    List<String[]> summary = new ArrayList<>();
    for (String server : servers) {
      Target t = server.equals("canned") ? canned() : fake();
      try {
        run(t, options, summary);
      } finally {
        t.resources().close();
      }
    }
    System.out.println();
    System.out.println("== Targets (issue 7), ratios SDK / raw OkHttp+Moshi measured above");
    System.out.printf(Locale.ROOT, "%-8s %-44s %10s %10s  %s%n", "server", "metric", "ratio", "target", "");
    for (String[] row : summary) {
      System.out.printf(Locale.ROOT, "%-8s %-44s %10s %10s  %s%n", (Object[]) row);
    }
    System.out.println();
    printJarSizes();
    System.out.println();
    System.out.println("== Bulk sender vs theoretical time (recipients x latency / concurrency)");
    BulkSenderBenchmark.print(BulkSenderBenchmark.run(400, 50, 16, 5));
  }

  private static void printMachine(Options o) {
    System.out.println("== Machine");
    System.out.println("cores (availableProcessors): " + Runtime.getRuntime().availableProcessors());
    System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    System.out.println("CPU: " + cpuModel());
    System.out.println("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    System.out.println("options: " + o);
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }

  // ---- targets

  private static OkHttpClient okHttp() {
    // Same settings for both sides; a pool big enough for the 16 threads so neither side reconnects.
    return new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
  }

  private static Target canned() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    MockResponse accepted = new MockResponse.Builder().code(202).build();
    MockResponse contact = new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8").body(Payloads.CONTACT_RESPONSE).build();
    MockResponse notFound = new MockResponse.Builder().code(404).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return path.equals("/messages") ? accepted : path.equals("/commands") ? contact : notFound;
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    String base = server.url("/").toString();
    return target("canned", "mockwebserver3 dispatcher with fixed responses (isolates client cost)", base,
        "fakebot", "fake-access-key", server, () -> {
          try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
              // the server records every request; drop them between phases
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private static Target fake() {
    FakeBlip fake = FakeBlip.start();
    fake.seedContact(CUSTOMER, "Maria Aparecida dos Santos");
    fake.script(CUSTOMER, MessageScript.acceptedOnly());
    return target("fake", "FakeBlip (stateful fake server, sdk-testing)", fake.baseUrl(), fake.identifier(),
        fake.accessKey(), fake, () -> { });
  }

  private static Target target(String name, String description, String baseUrl, String identifier,
      String accessKey, AutoCloseable server, Runnable drain) {
    String authorization = "Key " + java.util.Base64.getEncoder()
        .encodeToString((identifier + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
    OkHttpClient rawHttp = okHttp();
    RawClient raw = new RawClient(rawHttp, baseUrl, authorization);
    OkHttpClient sdkHttp = okHttp();
    BlipClient sdk = BlipClient.builder().baseUrl(baseUrl).credentials(identifier, accessKey).httpClient(sdkHttp)
        .build();
    Node customer = Node.parse(CUSTOMER);
    Op rawSend = () -> raw.sendText(CUSTOMER, "Olá! Seu pedido saiu para entrega.");
    Op sdkSend = () -> sdk.sendMessage(Message.text(customer, "Olá! Seu pedido saiu para entrega."));
    Op rawGet = () -> {
      if (raw.getContact(CRM, CONTACT_URI).identity == null) {
        throw new IllegalStateException("contact without identity");
      }
    };
    Op sdkGet = () -> {
      // the typed overload: the resource is decoded in the same pass as the envelope, as the raw side does
      SdkModels.Contact c = sdk.execute(Command.get(CONTACT_URI).to(CRM).build(), SdkModels.Contact.class);
      if (c.identity() == null) {
        throw new IllegalStateException("contact without identity");
      }
    };
    AutoCloseable resources = () -> {
      sdk.close();
      for (OkHttpClient c : List.of(rawHttp, sdkHttp)) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
      }
      server.close();
    };
    return new Target(name, description, rawSend, sdkSend, rawGet, sdkGet, resources, drain);
  }

  // ---- measurement

  private static void run(Target t, Options o, List<String[]> summary) {
    System.out.println();
    System.out.println("== Server: " + t.name() + " — " + t.description());
    String[] ops = {"send (POST /messages)", "get contact (POST /commands)"};
    Op[][] pairs = {{t.rawSend(), t.sdkSend()}, {t.rawGet(), t.sdkGet()}};
    for (int k = 0; k < ops.length; k++) {
      Op raw = pairs[k][0];
      Op sdk = pairs[k][1];
      // warm-up, interleaved
      int block = Math.max(1, Math.min(200, o.warmup() / 10));
      for (int done = 0; done < o.warmup(); done += block) {
        repeat(raw, block);
        repeat(sdk, block);
      }
      t.drain().run();
      Sequential sr = new Sequential(o.calls());
      Sequential ss = new Sequential(o.calls());
      int rounds = Math.max(1, Math.min(20, o.calls() / 50));
      int per = o.calls() / rounds;
      for (int r = 0; r < rounds; r++) {
        int n = r == rounds - 1 ? o.calls() - per * (rounds - 1) : per;
        if (r % 2 == 0) {
          sequential(raw, n, sr);
          sequential(sdk, n, ss);
        } else {
          sequential(sdk, n, ss);
          sequential(raw, n, sr);
        }
      }
      t.drain().run();
      Throughput tr = new Throughput();
      Throughput ts = new Throughput();
      for (int r = 0; r < o.rounds(); r++) {
        if (r % 2 == 0) {
          throughput(raw, o, tr, t);
          throughput(sdk, o, ts, t);
        } else {
          throughput(sdk, o, ts, t);
          throughput(raw, o, tr, t);
        }
      }
      report(t.name(), ops[k], sr, ss, tr, ts, o, summary);
    }
  }

  private static void repeat(Op op, int n) {
    for (int i = 0; i < n; i++) {
      op.call();
    }
  }

  private static void sequential(Op op, int n, Sequential into) {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      op.call();
      into.latencies[into.count++] = System.nanoTime() - t0;
    }
    into.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
    into.allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - alloc0;
  }

  private static void throughput(Op op, Options o, Throughput into, Target t) {
    System.gc();
    int threads = o.threads();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] calls = new long[threads];
    long[] cpu = new long[threads];
    long[] alloc = new long[threads];
    long[] finished = new long[threads];
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<Throwable> first = new AtomicReference<>();
    long windowNanos = (long) (o.seconds() * 1e9);
    long[] start = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int id = i;
      Thread w = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long end = start[0] + windowNanos;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
        long n = 0;
        while (System.nanoTime() < end) {
          try {
            op.call();
            n++;
          } catch (RuntimeException e) {
            first.compareAndSet(null, e);
            if (errors.incrementAndGet() > 100) {
              break;
            }
          }
        }
        calls[id] = n;
        cpu[id] = THREADS.getCurrentThreadCpuTime() - cpu0;
        alloc[id] = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
        finished[id] = System.nanoTime();
      }, "bench-worker-" + i);
      w.setDaemon(true);
      workers.add(w);
      w.start();
    }
    try {
      ready.await();
      start[0] = System.nanoTime();
      go.countDown();
      for (Thread w : workers) {
        w.join(windowNanos / 1_000_000 + 60_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    long last = start[0];
    for (int i = 0; i < threads; i++) {
      into.calls += calls[i];
      into.cpuNanos += cpu[i];
      into.allocatedBytes += alloc[i];
      last = Math.max(last, finished[i]);
    }
    into.nanos += last - start[0];
    into.errors += errors.get();
    if (into.firstError == null) {
      into.firstError = first.get();
    }
    t.drain().run();
  }

  private static void report(String server, String op, Sequential sr, Sequential ss, Throughput tr, Throughput ts,
      Options o, List<String[]> summary) {
    System.out.println();
    System.out.println("-- " + op + ": " + sr.count + " sequential calls per side, then " + o.threads()
        + " threads x " + o.rounds() + " windows of " + o.seconds() + " s per side");
    System.out.printf(Locale.ROOT, "%-40s %14s %14s %8s%n", "metric", "raw OkHttp+Moshi", "SDK", "SDK/raw");
    double medR = sr.percentileMicros(50);
    double medS = ss.percentileMicros(50);
    double p99R = sr.percentileMicros(99);
    double p99S = ss.percentileMicros(99);
    double cpuR = sr.cpuNanos / 1000.0 / sr.count;
    double cpuS = ss.cpuNanos / 1000.0 / ss.count;
    double allocR = (double) sr.allocatedBytes / sr.count;
    double allocS = (double) ss.allocatedBytes / ss.count;
    double tputR = tr.perSecond();
    double tputS = ts.perSecond();
    double tcpuR = tr.cpuNanos / 1000.0 / Math.max(1, tr.calls);
    double tcpuS = ts.cpuNanos / 1000.0 / Math.max(1, ts.calls);
    double tallocR = (double) tr.allocatedBytes / Math.max(1, tr.calls);
    double tallocS = (double) ts.allocatedBytes / Math.max(1, ts.calls);
    row("latency median (us), sequential", medR, medS);
    row("latency p99 (us), sequential", p99R, p99S);
    row("client CPU per call (us), sequential", cpuR, cpuS);
    row("bytes allocated per call, sequential", allocR, allocS);
    row("throughput (calls/s), " + o.threads() + " threads", tputR, tputS);
    row("client CPU per call (us), " + o.threads() + " threads", tcpuR, tcpuS);
    row("bytes allocated per call, " + o.threads() + " threads", tallocR, tallocS);
    for (Throughput t : List.of(tr, ts)) {
      if (t.errors > 0) {
        System.out.println("ERRORS: " + t.errors + " failed calls (" + (t == tr ? "raw" : "SDK") + "), first: "
            + t.firstError);
      }
    }
    String name = op.substring(0, op.indexOf(' ') < 0 ? op.length() : op.indexOf(" ("));
    summary.add(verdict(server, name + ": latency median", medS / medR, "<= 1.10", medS / medR <= 1.10));
    summary.add(verdict(server, name + ": client CPU per call (seq)", cpuS / cpuR, "<= 1.10", cpuS / cpuR <= 1.10));
    summary.add(verdict(server, name + ": throughput, " + o.threads() + " threads", tputS / tputR, ">= 0.95",
        tputS / tputR >= 0.95));
    summary.add(verdict(server, name + ": bytes allocated per call (seq)", allocS / allocR, "<= 1.50",
        allocS / allocR <= 1.5));
  }

  private static String[] verdict(String server, String metric, double ratio, String target, boolean ok) {
    return new String[] {server, metric, String.format(Locale.ROOT, "%.3f", ratio), target, ok ? "PASS" : "MISS"};
  }

  private static void row(String metric, double raw, double sdk) {
    System.out.printf(Locale.ROOT, "%-40s %14.1f %14.1f %8.3f%n", metric, raw, sdk, sdk / raw);
  }

  // ---- jar sizes

  private static void printJarSizes() throws IOException {
    System.out.println("== Runtime jars of the SDK with their runtime dependencies (target <= 3.5 MiB)");
    String cp;
    try (InputStream in = LoopbackHarness.class.getResourceAsStream("sdk-runtime-classpath.txt")) {
      if (in == null) {
        System.out.println("MISSING: sdk-runtime-classpath.txt not in the jar; rebuild with mvn package");
        return;
      }
      cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    long total = 0;
    boolean whatsapp = false;
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      long size = size(p);
      total += size;
      whatsapp |= p.getFileName().toString().contains("blip-sdk-whatsapp");
      System.out.printf(Locale.ROOT, "%10d  %s%n", size, p.getFileName());
    }
    System.out.printf(Locale.ROOT, "%10d  total = %.3f MiB (%s)%n", total, total / 1024.0 / 1024.0,
        total <= 3.5 * 1024 * 1024 ? "PASS" : "MISS");
    if (!whatsapp) { // sdk-whatsapp not on the classpath
      System.out.println("note: sdk-whatsapp is not on main yet; this total is sdk-core with its dependencies");
    }
  }

  private static long size(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var files = Files.walk(p)) {
        return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
    }
    return Files.exists(p) ? Files.size(p) : 0;
  }
}
