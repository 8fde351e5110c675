package dev.blipsdk.benchmarks;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.MessageScript;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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
import mockwebserver3.MockWebServer;
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
 * connection-pool cleanup thread is not counted, on either side).
 *
 * <p>Like with like: both sides use one {@code OkHttpClient} (one connection pool, so the same connection and
 * server thread serve both), and each phase starts from one warm connection. Warm-up is 20,000 calls per side
 * so both run JIT-compiled code. Sequential calls run in short rounds (200 calls) in alternating order, raw
 * first then SDK first; the verdicts use <em>paired</em> ratios: SDK/raw of each round, then the median over
 * rounds, printed with its quartiles. Throughput windows alternate the same way and pair up likewise. On a
 * shared 2-core machine the rates drift by tens of percent within a minute; pairing cancels the drift that
 * pooled totals keep (pooled totals are printed too).
 *
 * <pre>{@code
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.LoopbackHarness
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.LoopbackHarness --server=canned --ops=get
 * }</pre>
 *
 * <p>A full run (both servers, both operations) ends with the bulk sender against FakeBlip
 * ({@link BulkSenderBenchmark}: 400 recipients, 50 ms, 16); {@code --bulk=true|false} overrides that.
 *
 * <p>Options: {@code --server=both|canned|fake}, {@code --ops=send,get,desk,template} (which operations: the
 * core send and typed get, the Desk {@code contacts().get} and a WhatsApp template send, each against raw OkHttp +
 * Moshi doing the same request), {@code --calls=N}
 * (sequential calls per side and operation, default 6000), {@code --round=N} (calls per round, default 200),
 * {@code --warmup=N} (default 20000), {@code --threads=N} (default 16), {@code --windows=N} (throughput windows
 * per side, default 12), {@code --seconds=S} (per window, default 1), {@code --bulk=true|false}, {@code --quick}
 * (a smoke run of a second or two). Bounded in calls and time; stops by itself.
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

  private record Options(String server, int calls, int warmup, int threads, double seconds, int windows,
      int roundCalls, List<String> ops, boolean bulk) {
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
          Integer.parseInt(m.getOrDefault("calls", quick ? "200" : "6000")),
          Integer.parseInt(m.getOrDefault("warmup", quick ? "100" : "20000")),
          Integer.parseInt(m.getOrDefault("threads", "16")),
          Double.parseDouble(m.getOrDefault("seconds", quick ? "0.2" : "1")),
          Integer.parseInt(m.getOrDefault("windows", quick ? "2" : "12")),
          Integer.parseInt(m.getOrDefault("round", quick ? "50" : "200")),
          List.of(m.getOrDefault("ops", "send,get,desk,template").split(",")),
          Boolean.parseBoolean(m.getOrDefault("bulk", String.valueOf(m.getOrDefault("server", "both")
              .equals("both") && !m.containsKey("ops")))));
    }
  }

  /** Sequential measurement of one side: all latencies, and per round its median, CPU and allocation. */
  private static final class Sequential {
    final long[] latencies;
    int count;
    long cpuNanos;
    long allocatedBytes;
    final List<double[]> rounds = new ArrayList<>(); // {median latency ns, CPU ns per call, bytes per call}

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

  /** Throughput measurement of one side, summed over windows, and the rate of each window. */
  private static final class Throughput {
    final List<Double> windowRates = new ArrayList<>();
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
      Op sdkDeskGet, Op rawTemplate, Op sdkTemplate, AutoCloseable resources, Runnable drain) {}

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
    System.out.println("== Targets (issues 7 and 13), ratios SDK / raw OkHttp+Moshi measured above");
    System.out.printf(Locale.ROOT, "%-8s %-44s %10s %10s  %s%n", "server", "metric", "ratio", "target", "");
    for (String[] row : summary) {
      System.out.printf(Locale.ROOT, "%-8s %-44s %10s %10s  %s%n", (Object[]) row);
    }
    System.out.println();
    printJarSizes();
    if (options.bulk()) {
      System.out.println();
      System.out.println("== Bulk sender vs theoretical time (recipients x latency / concurrency)");
      BulkSenderBenchmark.print(BulkSenderBenchmark.run(400, 50, 16, 5));
    }
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
    MockWebServer server = CannedServer.start();
    return target("canned", "mockwebserver3 dispatcher with fixed responses (isolates client cost)",
        server.url("/").toString(), CannedServer.IDENTIFIER, CannedServer.ACCESS_KEY, server,
        () -> CannedServer.drain(server));
  }

  private static Target fake() {
    FakeBlip fake = FakeBlip.start();
    fake.seedContact(CUSTOMER, "Maria Aparecida dos Santos");
    fake.script(CUSTOMER, MessageScript.acceptedOnly());
    // Each message makes the fake schedule its status events; let that backlog run out between windows, or one
    // window's backlog would eat into the next window's CPU (the other side's, half the time).
    return target("fake", "FakeBlip (stateful fake server, sdk-testing)", fake.baseUrl(), fake.identifier(),
        fake.accessKey(), fake, () -> {
          try {
            if (!fake.awaitIdle(java.time.Duration.ofSeconds(60))) {
              System.out.println("note: FakeBlip still busy after 60 s");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private static Target target(String name, String description, String baseUrl, String identifier,
      String accessKey, AutoCloseable server, Runnable drain) {
    String authorization = CannedServer.keyAuthorization(identifier, accessKey);
    // One OkHttpClient for both sides: the same connection pool, so the same connections and the same server
    // threads serve both. With a client each, which connection's threads share a core with which differs
    // between runs, and that alone moved the ratios by +-15% on a 2-core machine.
    OkHttpClient http = okHttp();
    RawClient raw = new RawClient(http, baseUrl, authorization);
    BlipClient sdk = BlipClient.builder().baseUrl(baseUrl).credentials(identifier, accessKey).httpClient(http)
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
    // the helpers of the feature modules, each against a raw call of the same shape: the Desk contacts().get
    // against the raw get of the same contact, a WhatsApp template send against raw OkHttp + Moshi sending the
    // same envelope written from maps
    dev.blipsdk.desk.DeskClient desk = dev.blipsdk.desk.DeskClient.of(sdk);
    dev.blipsdk.core.envelope.Identity contact = dev.blipsdk.core.envelope.Identity.parse(CUSTOMER);
    Op sdkDeskGet = () -> {
      if (desk.contacts().get(contact).name() == null) {
        throw new IllegalStateException("contact without name");
      }
    };
    dev.blipsdk.whatsapp.WhatsAppClient whatsApp = dev.blipsdk.whatsapp.WhatsAppClient.of(sdk);
    Op rawTemplate = () -> raw.sendTemplate(CUSTOMER);
    Op sdkTemplate = () -> whatsApp.send(contact, dev.blipsdk.whatsapp.TemplateMessage.of("order_shipped", "pt_BR")
        .headerImage("https://cdn.example.com/l.png").body("Maria", "#48213").quickReply(0, "Sim"));
    AutoCloseable resources = () -> {
      sdk.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      server.close();
    };
    Runnable between = () -> {
      drain.run();
      // every phase starts from one warm connection: idle ones left by the 16 threads would otherwise be
      // taken in turn by sequential calls, each waking a different server thread
      http.connectionPool().evictAll();
      raw.sendText(CUSTOMER, "warm");
    };
    return new Target(name, description, rawSend, sdkSend, rawGet, sdkGet, sdkDeskGet, rawTemplate, sdkTemplate,
        resources, between);
  }

  // ---- measurement

  private static void run(Target t, Options o, List<String[]> summary) {
    System.out.println();
    System.out.println("== Server: " + t.name() + " — " + t.description());
    String[] ops = {"send (POST /messages)", "get contact (POST /commands)", "desk contacts().get",
        "whatsapp template send"};
    String[] keys = {"send", "get", "desk", "template"};
    Op[][] pairs = {{t.rawSend(), t.sdkSend()}, {t.rawGet(), t.sdkGet()}, {t.rawGet(), t.sdkDeskGet()},
        {t.rawTemplate(), t.sdkTemplate()}};
    for (int k = 0; k < ops.length; k++) {
      if (!o.ops().contains(keys[k])) {
        continue;
      }
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
      // short rounds in alternating order (raw first, then SDK first): drift (JIT, GC, the machine's other
      // load) hits both sides alike, and each round gives one paired ratio
      int rounds = Math.max(1, o.calls() / Math.max(1, o.roundCalls()));
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
      // untimed windows first: the 16 threads' connections are made and the JIT settles on the concurrent paths
      // (measured: the first windows of a run were 30-50% slower than the rest, on both sides)
      for (int r = 0; r < 2; r++) {
        throughput(raw, o, new Throughput(), t);
        throughput(sdk, o, new Throughput(), t);
      }
      for (int r = 0; r < o.windows(); r++) {
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
    int from = into.count;
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      op.call();
      into.latencies[into.count++] = System.nanoTime() - t0;
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
    long alloc = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
    into.cpuNanos += cpu;
    into.allocatedBytes += alloc;
    long[] round = Arrays.copyOfRange(into.latencies, from, into.count);
    Arrays.sort(round);
    into.rounds.add(new double[] {round[round.length / 2], (double) cpu / n, (double) alloc / n});
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
    long windowCalls = 0;
    for (long c : calls) {
      windowCalls += c;
    }
    into.windowRates.add(windowCalls * 1e9 / (last - start[0]));
    into.errors += errors.get();
    if (into.firstError == null) {
      into.firstError = first.get();
    }
    t.drain().run();
  }

  private static void report(String server, String op, Sequential sr, Sequential ss, Throughput tr, Throughput ts,
      Options o, List<String[]> summary) {
    System.out.println();
    System.out.println("-- " + op + ": " + sr.count + " sequential calls per side in " + sr.rounds.size()
        + " alternating rounds, then " + o.threads() + " threads x " + o.windows() + " windows of " + o.seconds()
        + " s per side");
    System.out.printf(Locale.ROOT, "%-40s %14s %14s %8s%n", "metric (all calls pooled)", "raw OkHttp+Moshi", "SDK",
        "SDK/raw");
    double medR = sr.percentileMicros(50);
    double medS = ss.percentileMicros(50);
    double cpuR = sr.cpuNanos / 1000.0 / sr.count;
    double cpuS = ss.cpuNanos / 1000.0 / ss.count;
    double allocR = (double) sr.allocatedBytes / sr.count;
    double allocS = (double) ss.allocatedBytes / ss.count;
    double tcpuR = tr.cpuNanos / 1000.0 / Math.max(1, tr.calls);
    double tcpuS = ts.cpuNanos / 1000.0 / Math.max(1, ts.calls);
    double tallocR = (double) tr.allocatedBytes / Math.max(1, tr.calls);
    double tallocS = (double) ts.allocatedBytes / Math.max(1, ts.calls);
    row("latency median (us), sequential", medR, medS);
    row("latency p99 (us), sequential", sr.percentileMicros(99), ss.percentileMicros(99));
    row("client CPU per call (us), sequential", cpuR, cpuS);
    row("bytes allocated per call, sequential", allocR, allocS);
    row("throughput (calls/s), " + o.threads() + " threads", tr.perSecond(), ts.perSecond());
    row("client CPU per call (us), " + o.threads() + " threads", tcpuR, tcpuS);
    row("bytes allocated per call, " + o.threads() + " threads", tallocR, tallocS);
    for (Throughput t : List.of(tr, ts)) {
      if (t.errors > 0) {
        System.out.println("ERRORS: " + t.errors + " failed calls (" + (t == tr ? "raw" : "SDK") + "), first: "
            + t.firstError);
      }
    }
    // The verdicts use paired ratios: SDK/raw of each block of rounds (or windows) measured back to back, in
    // the order raw, SDK, SDK, raw; then their median. The quartiles show how much the ratio moved.
    double[] latency = blockRatios(sr.rounds, ss.rounds, 0);
    double[] cpu = blockRatios(sr.rounds, ss.rounds, 1);
    double[] alloc = blockRatios(sr.rounds, ss.rounds, 2);
    double[] tput = blockRatios(tr.windowRates, ts.windowRates);
    System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s  (%s)%n", "paired ratio SDK/raw", "q1", "median", "q3",
        "blocks of raw,SDK,SDK,raw");
    paired("latency median, sequential", latency);
    paired("client CPU per call, sequential", cpu);
    paired("bytes allocated per call, sequential", alloc);
    paired("throughput, " + o.threads() + " threads", tput);
    System.out.println("throughput by window (calls/s, in time order): raw " + rates(tr.windowRates) + "; SDK "
        + rates(ts.windowRates));
    String name = op.contains(" (") ? op.substring(0, op.indexOf(" (")) : op;
    // issue 7's targets for the core calls; issue 13's for the feature modules' helpers (desk, template)
    boolean helper = !op.contains(" (");
    double time = helper ? 1.05 : 1.10;
    double bytes = helper ? 1.20 : 1.50;
    String t = String.format(Locale.ROOT, "<= %.2f", time);
    summary.add(verdict(server, name + ": latency median", median(latency), t, median(latency) <= time));
    summary.add(verdict(server, name + ": client CPU per call (seq)", median(cpu), t, median(cpu) <= time));
    summary.add(verdict(server, name + ": throughput, " + o.threads() + " threads", median(tput), ">= 0.95",
        median(tput) >= 0.95));
    summary.add(verdict(server, name + ": bytes allocated per call (seq)", median(alloc),
        String.format(Locale.ROOT, "<= %.2f", bytes), median(alloc) <= bytes));
  }

  /**
   * SDK/raw of one statistic per block of two rounds, sorted. Rounds alternate raw-first and SDK-first, so a
   * block is raw, SDK, SDK, raw in time: summing each side over the block cancels any drift that is linear
   * over the block (a server slowing down as its state grows, the machine's other load rising).
   */
  private static double[] blockRatios(List<Double> raw, List<Double> sdk) {
    int blocks = Math.min(raw.size(), sdk.size()) / 2;
    if (blocks == 0) {
      return raw.isEmpty() || sdk.isEmpty() ? new double[0] : new double[] {sdk.get(0) / raw.get(0)};
    }
    double[] ratios = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      ratios[b] = (sdk.get(2 * b) + sdk.get(2 * b + 1)) / (raw.get(2 * b) + raw.get(2 * b + 1));
    }
    Arrays.sort(ratios);
    return ratios;
  }

  private static double[] blockRatios(List<double[]> raw, List<double[]> sdk, int statistic) {
    return blockRatios(raw.stream().map(r -> r[statistic]).toList(), sdk.stream().map(r -> r[statistic]).toList());
  }

  private static String rates(List<Double> rates) {
    StringBuilder sb = new StringBuilder("[");
    for (double r : rates) {
      sb.append(sb.length() == 1 ? "" : ", ").append(Math.round(r));
    }
    return sb.append(']').toString();
  }

  private static double median(double[] sorted) {
    return CannedServer.quantile(sorted, 0.5);
  }

  private static void paired(String metric, double[] sorted) {
    System.out.printf(Locale.ROOT, "%-40s %8.3f %8.3f %8.3f  (%d)%n", metric, CannedServer.quantile(sorted, 0.25),
        median(sorted), CannedServer.quantile(sorted, 0.75), sorted.length);
  }

  private static String[] verdict(String server, String metric, double ratio, String target, boolean ok) {
    return new String[] {server, metric, String.format(Locale.ROOT, "%.3f", ratio), target, ok ? "PASS" : "MISS"};
  }

  private static void row(String metric, double raw, double sdk) {
    System.out.printf(Locale.ROOT, "%-40s %14.1f %14.1f %8.3f%n", metric, raw, sdk, sdk / raw);
  }

  // ---- jar sizes

  private static void printJarSizes() throws IOException {
    System.out.println("== Runtime jars of sdk-core + sdk-whatsapp with their runtime dependencies (target <= 3.5"
        + " MiB; what only the harness needs, such as sdk-desk, sdk-redis with Lettuce and Moshi for the raw side,"
        + " is listed as left out)");
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
      String file = p.getFileName().toString();
      if (!USER_RUNTIME.matcher(file).lookingAt()) {
        // on the harness's path for its own needs (Desk helper, Redis limiter, Moshi raw side, JUnit), not a
        // dependency of sdk-core or sdk-whatsapp: core's enforcer allows only the prefixes of USER_RUNTIME
        System.out.printf(Locale.ROOT, "%10s  %s (left out: harness only)%n", "", p.getFileName());
        continue;
      }
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

  /**
   * The jars a user of sdk-core + sdk-whatsapp gets at runtime: the two modules and what core's enforcer allows
   * (okhttp-jvm with okio and kotlin-stdlib and its annotations, slf4j-api, jspecify).
   */
  private static final java.util.regex.Pattern USER_RUNTIME = java.util.regex.Pattern.compile(
      "(blip-sdk-core-|blip-sdk-whatsapp-|okhttp-jvm-|okio-jvm-|kotlin-stdlib-\\d|annotations-\\d|slf4j-api-"
      + "|jspecify-)");

  private static long size(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var files = Files.walk(p)) {
        return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
    }
    return Files.exists(p) ? Files.size(p) : 0;
  }
}
