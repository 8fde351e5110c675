package dev.blipsdk.benchmarks;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.whatsapp.CampaignLaunch;
import dev.blipsdk.whatsapp.CampaignRecipient;
import dev.blipsdk.whatsapp.CampaignRequest;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Campaign audience upload ({@code WhatsAppClient.campaigns().launch}) of a generated, streamed audience to FakeBlip:
 * upload throughput (recipients per second, from the first request to the dispatch), the client's CPU time and its
 * peak used heap.
 * The client runs in its own JVM with a heap bound ({@code --xmx}), so neither FakeBlip's memory nor the audience's
 * generation mixes into what is measured; the campaign is scheduled a day ahead, so the fake's dispatch work is not
 * measured either.
 *
 * <pre>
 * java -cp sdk-benchmarks/target/benchmarks.jar dev.blipsdk.benchmarks.CampaignUploadBenchmark \
 *     --recipients=500000 --batch=1000 --xmx=32m --runs=3
 * </pre>
 */
public final class CampaignUploadBenchmark {
  private CampaignUploadBenchmark() {}

  /**
   * Runs the benchmark, or (with {@code --child}) one upload in the client JVM.
   *
   * @param args {@code --recipients=N --batch=N --xmx=SIZE --runs=N}
   * @throws Exception if the fake or the client JVM fails
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    int recipients = intArg(args, "recipients", 500_000);
    int batch = intArg(args, "batch", CampaignRequest.DEFAULT_BATCH_SIZE);
    int runs = intArg(args, "runs", 3);
    String xmx = strArg(args, "xmx", "32m");
    System.out.printf(Locale.ROOT, "campaign upload: %,d recipients, batches of %,d, client -Xmx%s, %d runs%n",
        recipients, batch, xmx, runs);
    List<double[]> results = new ArrayList<>();
    try (FakeBlip fake = FakeBlip.start()) {
      fake.seedTemplate(FakeTemplate.of("lembrete", "pt_BR", "Olá {{1}}, seu boleto vence amanhã."));
      for (int run = 0; run <= runs; run++) {
        String[] line = runChild(fake, "run" + run, recipients, batch, xmx);
        double ms = Double.parseDouble(line[1]);
        double peakMb = Long.parseLong(line[2]) / 1048576.0;
        double cpuMs = Double.parseDouble(line[4]);
        System.out.printf(Locale.ROOT, "  %s: %,.0f ms, %,.0f recipients/s, %d campaign(s), client peak used heap"
            + " %.1f MiB, client CPU %,.0f ms%n", run == 0 ? "warm-up" : "run " + run, ms, recipients / (ms / 1000),
            Integer.parseInt(line[3]), peakMb, cpuMs);
        if (run > 0) {
          results.add(new double[] {ms, peakMb, cpuMs});
        }
      }
    }
    double[] times = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
    double median = times[times.length / 2];
    double peak = results.stream().mapToDouble(r -> r[1]).max().orElse(0);
    double[] cpus = results.stream().mapToDouble(r -> r[2]).sorted().toArray();
    System.out.printf(Locale.ROOT, "median %,.0f ms = %,.0f recipients/s (%d upload requests of %,d); client CPU"
        + " median %,.0f ms; max client peak used heap %.1f MiB under -Xmx%s%n", median, recipients / (median / 1000),
        (recipients + batch - 1) / batch, batch, cpus[cpus.length / 2], peak, xmx);
  }

  private static String[] runChild(FakeBlip fake, String name, int recipients, int batch, String xmx)
      throws Exception {
    Path out = Files.createTempFile("campaign-upload", ".out");
    try {
      Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
          "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), CampaignUploadBenchmark.class.getName(),
          "--child", fake.baseUrl(), fake.identifier(), fake.accessKey(), name, String.valueOf(recipients),
          String.valueOf(batch)).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("client JVM failed: " + Files.readString(out));
      }
      return Files.readString(out).lines().filter(l -> l.startsWith("RESULT ")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no RESULT line")).split(" ");
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * The client JVM: one launch; prints {@code RESULT millis peakUsedHeapBytes campaigns cpuMillis}. The used heap is
   * sampled once per 1,000 recipients and counts garbage not yet collected: an upper bound of what the upload keeps.
   */
  private static void child(String[] args) {
    int recipients = Integer.parseInt(args[5]);
    int batch = Integer.parseInt(args[6]);
    try (BlipClient blip = BlipClient.builder().baseUrl(args[1]).credentials(args[2], args[3]).build()) {
      CampaignRequest request = CampaignRequest.of("upload-" + args[4], TemplateMessage.of("lembrete", "pt_BR"))
          .scheduledAt(ZonedDateTime.now(ZoneId.of("America/Sao_Paulo")).plusDays(1)).batchSize(batch);
      Runtime rt = Runtime.getRuntime();
      long[] peak = {0};
      Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
      long start = System.nanoTime();
      CampaignLaunch launch = WhatsAppClient.of(blip).campaigns().launch(request, IntStream.range(0, recipients)
          .peek(i -> {
            if (i % 1_000 == 0) { // used heap (live and garbage), sampled once per batch
              peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
            }
          })
          .mapToObj(i -> CampaignRecipient.of("+55119" + String.format("%08d", i), "Cliente " + i)));
      long nanos = System.nanoTime() - start;
      Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
      System.out.println("RESULT " + Duration.ofNanos(nanos).toMillis() + " " + peak[0] + " "
          + launch.campaigns().size() + " " + cpu.toMillis());
    }
  }

  private static int intArg(String[] args, String name, int dflt) {
    return Integer.parseInt(strArg(args, name, String.valueOf(dflt)));
  }

  private static String strArg(String[] args, String name, String dflt) {
    return Arrays.stream(args).filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3))
        .findFirst().orElse(dflt);
  }
}
