package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTimeoutException;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Sends a template and waits, polling its notifications, until it is delivered, read or failed, with a timeout;
 * then shows that waiting for READ alone on a phone with read receipts off ends in a timeout that still carries
 * the last known status.
 *
 * <p>On the fake, the demo recipient's phone is scripted to move one step every 300 ms and stop at DELIVERED
 * (read receipts off). On a real contract set {@code BLIP_TO_PHONE}, {@code BLIP_TEMPLATE} and
 * {@code BLIP_TEMPLATE_LANGUAGE} (a body-only template with one variable); see {@link ExampleEnvironment}.
 */
public final class StatusAwaitExample {
  /** How long the second wait, for READ only, may take. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  private StatusAwaitExample() {}

  /**
   * What the example saw.
   *
   * @param delivered the report once delivered, read or failed
   * @param afterReadTimeout the last report when waiting for READ timed out, or empty if it was read in time
   */
  public record Outcome(StatusReport delivered, Optional<StatusReport> afterReadTimeout) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @return the reports
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Awaiting a message's status, on " + env.description());
    env.fake().ifPresent(fake -> fake.script(ExampleEnvironment.DEMO_IDENTITY_BRUNO,
        MessageScript.delivered().withStepDelay(Duration.ofMillis(300))));
    PhoneNumber phone = PhoneNumber.parse(env.setting("BLIP_TO_PHONE", ExampleEnvironment.DEMO_PHONE_BRUNO));
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_WELCOME);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    BlipClient blip = env.client();

    // [snippet:status-await]
    WhatsAppClient whatsApp = WhatsAppClient.of(blip);
    StatusTracker tracker = StatusTracker.builder(whatsApp)
        .pollInterval(Duration.ofMillis(200), Duration.ofSeconds(2))   // backoff between polls
        .build();
    SendReceipt receipt = whatsApp.send(phone, TemplateMessage.of(templateName, language).body("Bruno"));
    tracker.track(receipt);
    StatusReport report = tracker.await(receipt.envelopeId(),
        EnumSet.of(MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED), Duration.ofSeconds(30));
    if (report.isFailed()) {
      System.out.println("Failed: " + report.failure());
    }
    // [/snippet:status-await]

    System.out.println("Sent " + receipt.envelopeId() + " to " + phone);
    print(report);

    System.out.println("Now waiting at most " + READ_TIMEOUT.toMillis() + " ms for READ alone...");
    try {
      StatusReport read = tracker.await(receipt.envelopeId(), EnumSet.of(MessageStatus.READ), READ_TIMEOUT);
      System.out.println("Read at " + read.updatedAt());
      return new Outcome(report, Optional.empty());
    } catch (StatusTimeoutException e) {
      System.out.println("Not read in time (read receipts may be off); still " + e.lastReport().status());
      return new Outcome(report, Optional.of(e.lastReport()));
    }
  }

  private static void print(StatusReport report) {
    System.out.println("Status " + report.status() + " (sent " + report.sentAt() + ", updated " + report.updatedAt()
        + ", expires unanswered at " + report.expiresAt() + ")");
    for (Notification n : report.notifications()) {
      System.out.println("  notification: " + n.eventName());
    }
  }
}
