package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.whatsapp.BulkListener;
import dev.blipsdk.whatsapp.BulkProgress;
import dev.blipsdk.whatsapp.BulkRecipient;
import dev.blipsdk.whatsapp.BulkResult;
import dev.blipsdk.whatsapp.BulkRun;
import dev.blipsdk.whatsapp.BulkSender;
import dev.blipsdk.whatsapp.BulkSummary;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Sends one template to many recipients: pulled lazily from a stream, sent gradually ("N every interval") within
 * a rate limit and a concurrency bound, with a listener printing each recipient's result and the progress. One
 * recipient is not on WhatsApp: it fails alone, the others go on.
 *
 * <p>On the fake the recipients are generated numbers plus the demo's number that is not on WhatsApp. On a real
 * contract set {@code BLIP_BULK_PHONES} (comma-separated), {@code BLIP_TEMPLATE} and
 * {@code BLIP_TEMPLATE_LANGUAGE} (a body-only template with one variable); see {@link ExampleEnvironment}.
 */
public final class BulkSendExample {
  /** How many generated recipients the demo sends to by default. */
  public static final int DEFAULT_RECIPIENTS = 12;

  private BulkSendExample() {}

  /**
   * What the run did.
   *
   * @param summary the run's summary
   * @param results every recipient's result, in the order they came
   */
  public record Outcome(BulkSummary summary, List<BulkResult> results) {}

  /**
   * A customer row, as a CRM export or a database cursor would give it.
   *
   * @param id the CRM id
   * @param phone the phone number as typed
   * @param firstName the first name
   */
  public record Customer(String id, String phone, String firstName) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args optionally the number of generated recipients (fake only), default {@value #DEFAULT_RECIPIENTS}
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_RECIPIENTS;
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env, count);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @param generated how many generated recipients to send to on the fake (ignored on a real contract)
   * @return the summary and the results
   */
  public static Outcome run(ExampleEnvironment env, int generated) {
    System.out.println("Bulk send, on " + env.description());
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_WELCOME);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    // a lazy source: nothing is generated (or read from a file or a database) before there is room to send it
    Stream<Customer> customers = env.isFake()
        ? Stream.concat(IntStream.range(0, generated)
                .mapToObj(i -> new Customer("c" + i, String.format("+55119%08d", 70_000_000 + i), "Cliente " + i)),
            Stream.of(new Customer("c-gone", ExampleEnvironment.DEMO_PHONE_NOT_ON_WHATSAPP, "Sem WhatsApp")))
        : Arrays.stream(env.setting("BLIP_BULK_PHONES", "").split(","))
            .map(phone -> new Customer(phone.trim(), phone.trim(), "cliente"));
    BlipClient blip = env.client();
    List<BulkResult> results = Collections.synchronizedList(new ArrayList<>());

    BulkListener printer = new ProgressPrinter(results);

    // [snippet:bulk-send]
    WhatsAppClient whatsApp = WhatsAppClient.of(blip);
    Template welcome = whatsApp.templates().find(templateName, language).orElseThrow();
    BulkSender sender = whatsApp.bulk()
        .template(welcome)                     // validate each message before it takes a rate slot
        .ratePerSecond(20)                     // rate limit
        .concurrency(4)                        // at most 4 sends in flight
        .pacing(5, Duration.ofMillis(250))     // send gradually: 5 every 250 ms
        .listener(printer)                     // each recipient's result and the progress, as they happen
        .build();
    TemplateMessage base = TemplateMessage.of(templateName, language);
    BulkRun run = sender.start(customers.map(c ->      // lazy: a customer is read only when there is room
        BulkRecipient.of(PhoneNumber.parse(c.phone(), "55"), base.body(c.firstName())).withReference(c.id())));
    BulkSummary summary = run.join();          // or run.cancel()
    // [/snippet:bulk-send]

    System.out.println("Done in " + summary.duration().toMillis() + " ms: " + summary.sent() + " sent, "
        + summary.failed() + " failed, " + summary.rateLimited() + " rate-limited answers");
    return new Outcome(summary, List.copyOf(results));
  }

  /** Prints each recipient's result and, every fifth, the progress; keeps the results. */
  private static final class ProgressPrinter implements BulkListener {
    private final List<BulkResult> results;

    ProgressPrinter(List<BulkResult> results) {
      this.results = results;
    }

    @Override
    public void onResult(BulkResult result) {
      results.add(result);
      String what;
      if (result instanceof BulkResult.Sent sent) {
        what = "sent, envelope " + sent.receipt().envelopeId();
      } else if (result instanceof BulkResult.Failed failed) {
        what = "failed, " + failed.error().getMessage();
      } else {
        what = "cancelled";
      }
      System.out.println("  " + result.recipient().reference() + ": " + what);
    }

    @Override
    public void onProgress(BulkProgress progress) {
      if (progress.done() % 5 == 0) {
        System.out.println("  progress: " + progress.sent() + " sent, " + progress.failed() + " failed, "
            + String.format("%.0f", progress.currentRate()) + " msg/s now");
      }
    }
  }
}
