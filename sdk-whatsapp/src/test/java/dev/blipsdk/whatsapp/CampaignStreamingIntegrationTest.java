package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.RateLimits;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Done means of issue 14: a 100,000-recipient campaign streamed from a client whose heap is bounded to
 * {@value #HEAP_BOUND} (a separate JVM started with {@code -Xmx}; holding the audience would take several times
 * that), scheduled for a time the fake clock then reaches, dispatched gradually (waves of 25,000 every 15 minutes,
 * each at the paid plan's 50 messages per second), and its report equal to the outcomes scripted per recipient.
 * Commands are not rate limited here: the test reads all 100,000 results back in one virtual second.
 */
class CampaignStreamingIntegrationTest {
  static final String HEAP_BOUND = "32m";
  static final int COUNT = 100_000;
  static final int WAVE = 25_000;
  static final Duration EVERY = Duration.ofMinutes(15);
  static final String UNDELIVERED = "(#131049) This message was not delivered to maintain healthy ecosystem engagement";

  /** The scripted outcome of recipient {@code i}, by the last digit of its number. */
  static MessageScript script(int lastDigit) {
    return switch (lastDigit) {
      case 1 -> MessageScript.failed(81, UNDELIVERED);
      case 2 -> MessageScript.dispatched();
      case 3 -> MessageScript.delivered();
      case 4 -> MessageScript.read().withReply("ok", Duration.ofMinutes(1));
      default -> MessageScript.read();
    };
  }

  static boolean notOnWhatsApp(int i) {
    return i % 1_000 == 7;
  }

  @Test
  void hundredThousandRecipientsStreamScheduleDispatchGraduallyAndReportTheScriptedOutcomes() throws Exception {
    try (FakeBlip fake = FakeBlip.builder()
        .rateLimits(RateLimits.of(RateLimits.paid().messagesPerSecond(), 0, 0)).start()) {
      fake.seedTemplate(FakeTemplate.of("lembrete", "pt_BR", "Olá {{1}}, seu boleto vence amanhã."));
      fake.bot().scriptRule(identity -> script(identity.charAt(identity.indexOf('@') - 1) - '0'));
      EnumMap<RecipientStatus, Long> expected = new EnumMap<>(RecipientStatus.class);
      Map<String, Long> reasons = new LinkedHashMap<>();
      long replies = 0;
      long rejected = 0;
      for (int i = 0; i < COUNT; i++) {
        if (i % 10_000 == 9_999) {
          rejected++;
          continue;
        }
        RecipientStatus s;
        if (notOnWhatsApp(i)) {
          fake.bot().markNotOnWhatsApp(CampaignStreamChild.phone(i));
          s = RecipientStatus.FAILED;
          reasons.merge("(#131026) Message undeliverable", 1L, Long::sum);
        } else {
          s = switch (i % 10) {
            case 1 -> RecipientStatus.FAILED;
            case 2 -> RecipientStatus.SENT;
            case 3 -> RecipientStatus.DELIVERED;
            default -> RecipientStatus.READ;
          };
          if (i % 10 == 1) {
            reasons.merge(UNDELIVERED, 1L, Long::sum);
          }
          if (i % 10 == 4) {
            replies++;
          }
        }
        expected.merge(s, 1L, Long::sum);
      }
      Instant start = fake.clock().instant().plus(Duration.ofHours(1));

      String[] result = runChild(fake, start);
      assertEquals(COUNT - rejected, Long.parseLong(result[1]));
      assertEquals(rejected, Long.parseLong(result[2]));
      List<String> ids = List.of(result[3].split(","));
      assertEquals(4, ids.size());

      VirtualTime time = new VirtualTime(fake.clock());
      try (var blip = FakeBlipSupport.blip(fake, time)) {
        Campaigns campaigns = WhatsAppClient.builder(blip).sleeper(time).build().campaigns();
        for (String id : ids) {
          assertEquals(CampaignStatus.SCHEDULED, campaigns.get(id).status());
        }
        time.sleep(Duration.ofHours(1));
        assertEquals(CampaignStatus.PROCESSING, campaigns.get(ids.get(0)).status());
        time.sleep(EVERY.minusMinutes(1));
        assertEquals(List.of(CampaignStatus.FINISHED, CampaignStatus.SCHEDULED, CampaignStatus.SCHEDULED,
            CampaignStatus.SCHEDULED), ids.stream().map(id -> campaigns.get(id).status()).toList());
        time.sleep(Duration.ofHours(1));
        fake.awaitIdle();
        List<CampaignStatus> statuses = new ArrayList<>();
        for (int w = 0; w < ids.size(); w++) {
          statuses.add(campaigns.get(ids.get(w)).status());
          // each wave starts at its slot and takes at least its size / 50 per second
          LongSummaryStatistics processed = campaigns.recipients(ids.get(w)).filter(r -> r.validAccount())
              .mapToLong(r -> r.processed().toEpochMilli()).summaryStatistics();
          assertEquals(start.plus(EVERY.multipliedBy(w)).toEpochMilli(), processed.getMin(), "wave " + w);
          assertTrue(processed.getMax() - processed.getMin() >= (WAVE / 50 - 2) * 1000L,
              "wave " + w + " took " + (processed.getMax() - processed.getMin()) + " ms");
        }
        assertEquals(List.of(CampaignStatus.FINISHED, CampaignStatus.FINISHED, CampaignStatus.FINISHED,
            CampaignStatus.FINISHED), statuses);
        CampaignCounts counts = CampaignCounts.empty();
        for (String id : ids) {
          counts = counts.plus(campaigns.report(id).counts());
        }
        assertEquals(new CampaignCounts(expected, reasons, replies), counts);
      }
    }
  }

  /** Runs {@link CampaignStreamChild} with the heap bound; returns its RESULT line split on spaces. */
  private static String[] runChild(FakeBlip fake, Instant start) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path out = Files.createTempFile("campaign-child", ".out");
    Path err = Files.createTempFile("campaign-child", ".err");
    try {
      Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
          "-Xmx" + HEAP_BOUND, "-XX:+UseSerialGC", "-cp", classpath, CampaignStreamChild.class.getName(),
          fake.baseUrl(), fake.identifier(), fake.accessKey(), String.valueOf(COUNT), start.toString(),
          String.valueOf(WAVE), EVERY.toString())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the client JVM did not finish in 5 minutes");
      String stdout = Files.readString(out);
      assertEquals(0, p.exitValue(), "client JVM failed: " + stdout + Files.readString(err));
      String line = stdout.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
          .orElseThrow(() -> new AssertionError("no RESULT line: " + stdout));
      System.out.println("campaign client peak heap (bytes): " + line.split(" ")[4]);
      return line.split(" ");
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
