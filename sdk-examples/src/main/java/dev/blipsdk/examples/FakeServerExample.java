package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to test your own integration with the fake Blip from {@code blip-sdk-testing}: seed it, script what a
 * recipient does, inject faults, advance its clock past the 24 h window, and inspect what your code sent. The same
 * lines work inside a JUnit test (or use {@code @ExtendWith(FakeBlipExtension.class)} to get a {@code FakeBlip}
 * parameter).
 */
public final class FakeServerExample {
  private FakeServerExample() {}

  /**
   * Runs the scenario and returns what it observed.
   *
   * @return observations, one per line
   */
  static List<String> run() {
    List<String> seen = new ArrayList<>();
    // [snippet:testing]
    try (FakeBlip blip = FakeBlip.start()) {                       // 127.0.0.1, free port, in-memory state
      blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
      blip.bot().addWhatsAppAccount("+5531999998888", "Ana");
      blip.script("5531999998888@wa.gw.msging.net", MessageScript.delivered());   // delivered, never read

      BlipClient client = BlipClient.builder().baseUrl(blip.baseUrl())  // or simply blip.client()
          .credentials(blip.identifier(), blip.accessKey())
          .clock(blip.clock())                                    // the SDK's own time follows the fake's
          .build();
      WhatsAppClient whatsApp = WhatsAppClient.of(client);
      SendReceipt receipt = whatsApp.send(PhoneNumber.parse("+5531999998888"),
          TemplateMessage.of("welcome", "pt_BR").body("Ana"));
      StatusTracker tracker = whatsApp.statusTracker();
      tracker.track(receipt);
      blip.awaitIdle();
      seen.add("now: " + tracker.poll(receipt.envelopeId()).status());          // DELIVERED

      blip.clock().advance(Duration.ofHours(25));                 // no answer for 25 hours, in a millisecond
      seen.add("after 25 h: " + tracker.status(receipt.envelopeId()).orElseThrow().status());   // EXPIRED

      blip.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).onPath("/messages").times(5));
      try {
        whatsApp.send(PhoneNumber.parse("+5531999998888"), TemplateMessage.of("welcome", "pt_BR").body("Ana"));
      } catch (RateLimitException e) {
        seen.add("rate limited after " + e.attempts() + " attempts");
      }
      seen.add("messages sent to Ana: " + blip.bot().sentMessages("5531999998888@wa.gw.msging.net").size());
    }
    // [/snippet:testing]
    return seen;
  }

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    run().forEach(System.out::println);
  }

}
