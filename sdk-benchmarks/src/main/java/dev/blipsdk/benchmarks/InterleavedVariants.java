package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Splits the distance between raw OkHttp + Moshi and the SDK into steps: each variant is the raw get with one
 * of the SDK's habits added (a per-call {@code call.timeout()}, the SDK's three headers, reading the body into
 * a {@code byte[]} first), next to the SDK's own get and, optionally, the raw and SDK sends. The variants run
 * in one JVM on one {@code OkHttpClient} against the canned loopback server, in short rounds whose order
 * rotates, and each is reported as the median over rounds of its ratio to the first variant of the same round:
 * client CPU per call (calling thread) and median latency.
 *
 * <pre>{@code
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.InterleavedVariants
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.InterleavedVariants \
 *     --variants=rawSend,sdkSend --rounds=60 --round=300
 * }</pre>
 *
 * <p>Variants: {@code raw}, {@code raw+timeout}, {@code raw+headers}, {@code raw+bytes} (combinable, e.g.
 * {@code raw+timeout+headers+bytes}), {@code sdk}, {@code rawSend}, {@code sdkSend}, and
 * {@code sdk+noopListener}, {@code sdkSend+noopListener}: the SDK's get and send on a client whose
 * {@link OperationListener} follows every operation with an observer that does nothing (the cost of the
 * observation hook itself). Options:
 * {@code --variants=a,b,..} (default {@code raw,raw+timeout,raw+headers,raw+bytes,sdk}), {@code --rounds=N}
 * (default 60), {@code --round=N} (calls per variant and round, default 300), {@code --warmup=N} (calls per
 * variant, default 20000). Talks only to 127.0.0.1; stops by itself.
 */
public final class InterleavedVariants {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String CRM = "postmaster@crm.msging.net";
  private static final String CONTACT_URI = "/contacts/5531988889999%40wa.gw.msging.net";
  private static final String TEXT = "Olá! Seu pedido saiu para entrega.";

  private InterleavedVariants() {}

  /**
   * Runs the comparison.
   *
   * @param args options, see the class javadoc
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + a + "; see the class javadoc");
      }
      o.put(a.substring(2, eq), a.substring(eq + 1));
    }
    List<String> names = List.of(o.getOrDefault("variants", "raw,raw+timeout,raw+headers,raw+bytes,sdk")
        .split(","));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "60"));
    int per = Integer.parseInt(o.getOrDefault("round", "300"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "20000"));

    MockWebServer server = CannedServer.start();
    OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .build();
    String base = server.url("/").toString();
    String authorization = CannedServer.keyAuthorization(CannedServer.IDENTIFIER, CannedServer.ACCESS_KEY);
    BlipClient sdk = BlipClient.builder().baseUrl(base).credentials(CannedServer.IDENTIFIER, CannedServer.ACCESS_KEY).httpClient(http)
        .build();
    OperationObserver ignoring = new OperationObserver() {};
    OperationListener noop = start -> ignoring;
    BlipClient observed = sdk.newBuilder().operationListener(noop).build();
    RawClient raw = new RawClient(http, base, authorization);
    Node customer = Node.parse(Payloads.CUSTOMER);

    Map<String, Runnable> variants = new LinkedHashMap<>();
    for (String name : names) {
      Runnable op = switch (name) {
        case "sdk" -> () -> check(sdk.execute(Command.get(CONTACT_URI).to(CRM).build(), SdkModels.Contact.class)
            .identity());
        case "rawSend" -> () -> raw.sendText(Payloads.CUSTOMER, TEXT);
        case "sdkSend" -> () -> sdk.sendMessage(Message.text(customer, TEXT));
        case "sdk+noopListener" -> () -> check(observed.execute(Command.get(CONTACT_URI).to(CRM).build(),
            SdkModels.Contact.class).identity());
        case "sdkSend+noopListener" -> () -> observed.sendMessage(Message.text(customer, TEXT));
        default -> {
          if (!name.equals("raw") && !name.startsWith("raw+")) {
            throw new IllegalArgumentException("unknown variant " + name + "; see the class javadoc");
          }
          yield new RawGet(http, HttpUrl.get(base + "commands"), authorization, name.contains("+timeout"),
              name.contains("+headers"), name.contains("+bytes"));
        }
      };
      variants.put(name, op);
    }
    try {
      for (int i = 0; i < warmup; i++) {
        for (Runnable op : variants.values()) {
          op.run();
        }
        if (i % 1000 == 0) {
          CannedServer.drain(server);
        }
      }
      Map<String, double[]> cpu = new LinkedHashMap<>();
      Map<String, double[]> latency = new LinkedHashMap<>();
      for (String name : names) {
        cpu.put(name, new double[rounds]);
        latency.put(name, new double[rounds]);
      }
      List<String> order = new ArrayList<>(names);
      long[] times = new long[per];
      for (int r = 0; r < rounds; r++) {
        Collections.rotate(order, 1);
        for (String name : order) {
          Runnable op = variants.get(name);
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < per; i++) {
            long t0 = System.nanoTime();
            op.run();
            times[i] = System.nanoTime() - t0;
          }
          cpu.get(name)[r] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1000.0 / per;
          Arrays.sort(times);
          latency.get(name)[r] = times[per / 2] / 1000.0;
          CannedServer.drain(server);
        }
      }
      String first = names.get(0);
      System.out.printf(Locale.ROOT, "%d rounds x %d calls per variant, order rotating; ratios to %s, round by "
          + "round, median (q1-q3)%n", rounds, per, first);
      System.out.printf(Locale.ROOT, "%-28s %10s %22s %12s %22s%n", "variant", "CPU us", "CPU ratio",
          "latency us", "latency ratio");
      for (String name : names) {
        double[] cpuRatio = new double[rounds];
        double[] latencyRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          cpuRatio[r] = cpu.get(name)[r] / cpu.get(first)[r];
          latencyRatio[r] = latency.get(name)[r] / latency.get(first)[r];
        }
        System.out.printf(Locale.ROOT, "%-28s %10.2f %22s %12.2f %22s%n", name, CannedServer.quantile(cpu.get(name), 0.5),
            spread(cpuRatio), CannedServer.quantile(latency.get(name), 0.5), spread(latencyRatio));
      }
    } finally {
      sdk.close();
      observed.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      server.close();
    }
  }

  /** The raw get contact, with some of the SDK's habits switched on. */
  private static final class RawGet implements Runnable {
    private final OkHttpClient http;
    private final HttpUrl url;
    private final String authorization;
    private final boolean callTimeout;
    private final boolean sdkHeaders;
    private final boolean bodyBytes;
    private final JsonAdapter<MoshiModels.OutgoingCommand> commandAdapter;
    private final JsonAdapter<MoshiModels.ContactResponse> contactAdapter;

    RawGet(OkHttpClient http, HttpUrl url, String authorization, boolean callTimeout, boolean sdkHeaders,
        boolean bodyBytes) {
      this.http = http;
      this.url = url;
      this.authorization = authorization;
      this.callTimeout = callTimeout;
      this.sdkHeaders = sdkHeaders;
      this.bodyBytes = bodyBytes;
      Moshi moshi = new Moshi.Builder().build();
      this.commandAdapter = moshi.adapter(MoshiModels.OutgoingCommand.class);
      this.contactAdapter = moshi.adapter(MoshiModels.ContactResponse.class);
    }

    @Override
    public void run() {
      MoshiModels.OutgoingCommand c = new MoshiModels.OutgoingCommand();
      c.id = RawClient.newId();
      c.to = CRM;
      c.method = "get";
      c.uri = CONTACT_URI;
      Buffer buffer = new Buffer();
      try {
        commandAdapter.toJson(buffer, c);
        Request.Builder request = new Request.Builder().url(url).header("Authorization", authorization);
        if (sdkHeaders) {
          request.header("User-Agent", "blip-sdk-java/0.1.0").header("Accept", "application/json");
        }
        Call call = http.newCall(request.post(RequestBody.create(buffer.readByteString(), JSON)).build());
        if (callTimeout) {
          call.timeout().timeout(60, TimeUnit.SECONDS);
        }
        try (Response response = call.execute()) {
          MoshiModels.ContactResponse body = bodyBytes
              ? contactAdapter.fromJson(new Buffer().write(response.body().bytes()))
              : contactAdapter.fromJson(response.body().source());
          check(body == null || body.resource == null ? null : body.resource.identity);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void check(Object identity) {
    if (identity == null) {
      throw new IllegalStateException("contact without identity");
    }
  }

  private static String spread(double[] values) {
    return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", CannedServer.quantile(values, 0.5), CannedServer.quantile(values, 0.25),
        CannedServer.quantile(values, 0.75));
  }
}
