package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.whatsapp.Campaign;
import dev.blipsdk.whatsapp.CampaignCounts;
import dev.blipsdk.whatsapp.CampaignLaunch;
import dev.blipsdk.whatsapp.CampaignPace;
import dev.blipsdk.whatsapp.CampaignRecipient;
import dev.blipsdk.whatsapp.CampaignRequest;
import dev.blipsdk.whatsapp.Campaigns;
import dev.blipsdk.whatsapp.RecipientRejection;
import dev.blipsdk.whatsapp.RecipientStatus;
import dev.blipsdk.whatsapp.ReplyRouting;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Hands an audience to Blip's campaign engine instead of sending from this process: the customers are streamed up
 * in batches (a bad row is reported and left out, the rest go on), the campaign is scheduled in the customers' time
 * zone and sent gradually in waves, replies are routed to a Builder block, and the report is read back later.
 *
 * <p>On the fake the audience is generated (with a malformed number and one that is not on WhatsApp) and the fake's
 * clock is moved past the waves so the report can be read at once. On a real contract set {@code BLIP_CAMPAIGN_PHONES}
 * (comma-separated), {@code BLIP_TEMPLATE}, {@code BLIP_TEMPLATE_LANGUAGE} (a body-only template with one variable),
 * and optionally {@code BLIP_FLOW_ID}/{@code BLIP_STATE_ID}; the program launches and exits, and
 * {@code CampaignExample report <id>...} prints the report later.
 */
public final class CampaignExample {
  /** How many generated recipients the demo launches to by default. */
  public static final int DEFAULT_RECIPIENTS = 30;

  private CampaignExample() {}

  /**
   * What the example did.
   *
   * @param launch the launch
   * @param rejected the recipients left out, as reported
   * @param counts the counts after the waves ran (fake only), or null
   */
  public record Outcome(CampaignLaunch launch, List<RecipientRejection> rejected, @Nullable CampaignCounts counts) {}

  /**
   * A customer row, as a CRM export or a database cursor gives it.
   *
   * @param phone the phone number as typed
   * @param firstName the first name
   */
  public record Customer(String phone, String firstName) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args {@code report <id>...} to print reports; else optionally the number of generated recipients
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      if (args.length > 0 && args[0].equals("report")) {
        Campaigns campaigns = WhatsAppClient.of(env.client()).campaigns();
        for (String id : Arrays.copyOfRange(args, 1, args.length)) {
          System.out.println(campaigns.report(id));
        }
        return;
      }
      run(env, args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_RECIPIENTS);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @param generated how many generated recipients on the fake (ignored on a real contract)
   * @return what was launched and counted
   */
  public static Outcome run(ExampleEnvironment env, int generated) {
    System.out.println("Campaign, on " + env.description());
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_WELCOME);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    String flowId = env.setting("BLIP_FLOW_ID", "demo-flow");
    String stateId = env.setting("BLIP_STATE_ID", "campaign-replies");
    Stream<Customer> customers = env.isFake()
        ? Stream.of(IntStream.range(0, generated)
                .mapToObj(i -> new Customer(String.format("+55119%08d", 60_000_000 + i), "Cliente " + i)),
            Stream.of(new Customer("(11) 9 not-a-number", "Erro de cadastro"),
                new Customer(ExampleEnvironment.DEMO_PHONE_NOT_ON_WHATSAPP, "Sem WhatsApp")))
            .flatMap(s -> s)
        : Arrays.stream(env.setting("BLIP_CAMPAIGN_PHONES", "").split(","))
            .map(phone -> new Customer(phone.trim(), "cliente"));
    BlipClient blip = env.client();
    List<RecipientRejection> rejected = new ArrayList<>();
    String name = "welcome-" + blip.clock().instant().toEpochMilli();

    // [snippet:campaign-launch]
    Campaigns campaigns = WhatsAppClient.of(blip).campaigns();
    ZonedDateTime start = ZonedDateTime.now(blip.clock()).withZoneSameInstant(ZoneId.of("America/Sao_Paulo"))
        .plusMinutes(2);                                    // Blip holds the schedule, in an explicit zone
    CampaignRequest request = CampaignRequest.of(name, TemplateMessage.of(templateName, language))
        .scheduledAt(start)
        .pace(CampaignPace.of(10, Duration.ofMinutes(5)))   // send gradually: waves of 10, 5 minutes apart
        .routing(ReplyRouting.toBlock(flowId, stateId));    // replies land in this block (a Desk queue, say)
    CampaignLaunch launch = campaigns.launch(request,
        customers.map(c -> CampaignRecipient.of(c.phone(), c.firstName())).iterator(), // streamed, never all in memory
        rejected::add);                                     // a bad row is left out with its position and rule
    System.out.println(launch.accepted() + " recipients in " + launch.campaigns().size() + " waves: "
        + launch.campaignIds());
    // your process may exit now; later, from anywhere:
    // CampaignCounts counts = campaigns.counts(launch);    or campaigns.report(id) per wave
    // [/snippet:campaign-launch]

    for (RecipientRejection r : rejected) {
      System.out.println("  left out: " + r);
    }
    CampaignCounts counts = null;
    if (env.fake().isPresent()) {
      // the fake runs on its own clock: move it past the last wave instead of waiting 12 minutes
      env.fake().get().clock().advance(Duration.ofMinutes(5L * launch.campaigns().size() + 5));
      env.fake().get().awaitIdle();
      counts = campaigns.counts(launch);
      System.out.println("Read " + counts.of(RecipientStatus.READ) + ", failed " + counts.failed() + " "
          + counts.failureReasons());
      for (Campaign c : launch.campaigns()) {
        System.out.println("  " + campaigns.get(c.id()));
      }
    }
    return new Outcome(launch, List.copyOf(rejected), counts);
  }
}
