package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.IntStream;

/**
 * The client half of {@link CampaignStreamingIntegrationTest}, run in its own JVM with a small {@code -Xmx}: streams a
 * generated audience into a paced, scheduled campaign launch and prints
 * {@code RESULT accepted rejected ids peakUsedHeap}.
 * The audience is generated as it is read, so whatever the heap holds is the SDK's doing.
 */
final class CampaignStreamChild {
  private CampaignStreamChild() {}

  /** The phone number of recipient {@code i}; every 10,000th is malformed (letters). */
  static String phone(int i) {
    return i % 10_000 == 9_999 ? "+55 31 9ABC-" + i : "+55319" + String.format("%08d", i);
  }

  /** Recipient {@code i}. */
  static CampaignRecipient recipient(int i) {
    return CampaignRecipient.of(phone(i), "Cliente " + i);
  }

  public static void main(String[] args) {
    String baseUrl = args[0];
    int count = Integer.parseInt(args[3]);
    ZonedDateTime start = Instant.parse(args[4]).atZone(ZoneId.of("America/Sao_Paulo"));
    int waveSize = Integer.parseInt(args[5]);
    Duration every = Duration.parse(args[6]);
    long[] peak = {0}; // used heap, sampled every 1,000 recipients (java.management is not in the module graph)
    try (BlipClient blip = BlipClient.builder().baseUrl(baseUrl).credentials(args[1], args[2]).build()) {
      CampaignLaunch launch = WhatsAppClient.of(blip).campaigns().launch(
          CampaignRequest.of("streamed", TemplateMessage.of("lembrete", "pt_BR")).scheduledAt(start)
              .pace(CampaignPace.of(waveSize, every)),
          IntStream.range(0, count).peek(i -> {
            if (i % 1_000 == 0) {
              Runtime rt = Runtime.getRuntime();
              peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
            }
          }).mapToObj(CampaignStreamChild::recipient));
      System.out.println("RESULT " + launch.accepted() + " " + launch.rejected() + " "
          + String.join(",", launch.campaignIds()) + " " + peak[0]);
    }
  }
}
