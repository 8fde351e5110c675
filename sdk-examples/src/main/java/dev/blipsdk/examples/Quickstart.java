package dev.blipsdk.examples;

import com.sun.net.httpserver.HttpServer;
import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookSigner;
import dev.blipsdk.core.webhook.WebhookVerifier;
import dev.blipsdk.desk.ActiveMessageOutcome;
import dev.blipsdk.desk.ActiveMessageRequest;
import dev.blipsdk.desk.ActiveMessageSend;
import dev.blipsdk.desk.ActiveMessageStatus;
import dev.blipsdk.desk.AgentMetrics;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.Contact;
import dev.blipsdk.desk.ContactFilter;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.Ticket;
import dev.blipsdk.desk.TicketTransfer;
import dev.blipsdk.desk.TicketsSummary;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.Resolution;
import dev.blipsdk.whatsapp.SendOptions;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart: the whole product in one short story, on the embedded fake Blip by default (no account, no
 * network) or on a real contract when {@code BLIP_CONTRACT} and {@code BLIP_AUTHORIZATION_KEY} are set.
 *
 * <p>It resolves a phone number, lists templates, sends a template with an image and text variables, follows
 * its status to READ through webhooks delivered to a local receiver, finds the contact, sends an active message
 * from Desk as an agent, shows the customer's reply opening a ticket for that agent, transfers and closes the
 * ticket, and prints the day's monitoring figures.
 *
 * <pre>
 * mvn -q -pl sdk-examples -am compile exec:java
 * </pre>
 */
public final class Quickstart {
  private final ExampleEnvironment env;
  private final PrintStream out;

  /** What the story ended with, for tests. */
  public record Result(String templateEnvelopeId, MessageStatus templateStatus, String deskMessageId,
      String deskState, String ticketId, String transferredTicketId, TicketsSummary monitoring) {}

  Quickstart(ExampleEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  /**
   * Runs the quickstart.
   *
   * @param args unused
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      new Quickstart(env, System.out).run();
    }
  }

  /**
   * Runs the story and returns how it ended.
   *
   * @return the ids and statuses the story reached
   * @throws Exception if a step fails
   */
  public Result run() throws Exception {
    BlipClient blip = env.client();
    Optional<FakeBlip> fake = env.fake();
    say("Connected to " + env.description() + ".");

    WhatsAppClient whatsApp = WhatsAppClient.of(blip);
    DeskClient desk = DeskClient.of(blip);

    // 1. Resolve a phone number, typed the way a person types it.
    PhoneNumber ana = PhoneNumber.parse(env.setting("QUICKSTART_PHONE", "(31) 99999-8888"), "55");
    step(1, "Resolving " + ana + " on WhatsApp");
    Resolution resolution = whatsApp.resolve(ana);
    if (!(resolution instanceof Resolution.Found found)) {
      throw new IllegalStateException(ana + " is not on WhatsApp: " + resolution);
    }
    Identity anaId = found.account();
    say("   found: send to " + anaId + (found.fullName() == null ? "" : " (" + found.fullName() + ")"));

    // 2. List the approved templates.
    step(2, "Listing message templates");
    List<Template> templates = whatsApp.templates().list();
    for (Template t : templates) {
      say("   " + t.name() + " [" + t.language() + "] " + t.status());
    }
    String templateName = env.setting("QUICKSTART_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_ORDER_UPDATE);
    String language = env.setting("QUICKSTART_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    Template definition = whatsApp.templates().find(templateName, language)
        .orElseThrow(() -> new IllegalStateException("no template " + templateName + " in " + language));

    // 3. Start a local webhook receiver and point the bot's webhooks at it (the fake does that here; on a real
    //    contract you configure public HTTPS URLs in the portal instead, and the status is polled below).
    StatusTracker tracker = whatsApp.statusTracker();
    CountDownLatch read = new CountDownLatch(1);
    String token = UUID.randomUUID().toString();
    WebhookReceiver receiver = WebhookReceiver.builder()
        .verifier(WebhookVerifier.staticHeader("X-Blip-Token", token))
        .onStatus(s -> {
          if (tracker.accept(s.notification())) {
            say("   webhook: message " + s.messageId() + " is now " + tracker.status(s.messageId())
                .map(StatusReport::status).orElse(MessageStatus.SENDING) + " (" + s.eventName() + ")");
          }
          if (tracker.status(s.messageId()).map(r -> r.status() == MessageStatus.READ).orElse(false)) {
            read.countDown();
          }
        })
        .onMessage(m -> say("   webhook: the customer wrote \"" + describe(m) + "\""))
        .build();
    HttpServer webhookServer = null;
    if (fake.isPresent()) {
      webhookServer = WebhookReceiverExample.start(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0),
          receiver);
      String url = "http://127.0.0.1:" + webhookServer.getAddress().getPort() + WebhookReceiverExample.PATH;
      fake.get().bot().notificationWebhook(url).messageWebhook(url)
          .webhookSigner(WebhookSigner.staticHeader("X-Blip-Token", token));
      step(3, "Webhook receiver listening at " + url);
    } else {
      step(3, "Real contract: statuses are polled (configure the portal's webhook URLs to receive them live)");
    }

    try {
      // 4. Send a template with an image header and two text variables, validated against its definition.
      step(4, "Sending template '" + templateName + "' with an image and two variables");
      TemplateMessage message = TemplateMessage.of(templateName, language)
          .headerImage(ExampleEnvironment.DEMO_IMAGE_URL)
          .body("Ana", "#4411");
      say("   preview: " + message.preview(definition).text().replace("\n", " / "));
      SendReceipt receipt = whatsApp.send(Recipient.of(anaId), message,
          SendOptions.builder().template(definition).build());
      tracker.track(receipt);
      say("   sent: envelope id " + receipt.envelopeId());

      // 5. Follow it to READ.
      step(5, "Following the message until it is read");
      StatusReport report;
      if (fake.isPresent() && read.await(10, TimeUnit.SECONDS)) {
        report = tracker.status(receipt.envelopeId()).orElseThrow();
      } else {
        report = tracker.await(receipt.envelopeId(),
            EnumSet.of(MessageStatus.READ, MessageStatus.FAILED), Duration.ofMinutes(2));
      }
      say("   status: " + report.status());

      // 6. Find the contact in the CRM.
      step(6, "Finding the contact named Ana");
      Optional<Contact> contact = desk.contacts().search(ContactFilter.byName("Ana Souza")).stream().findFirst();
      contact.ifPresent(c -> say("   " + c.name() + " <" + c.email() + ">, plan " + c.extras().get("plan")));

      // 7. An agent sends an active message from Desk to another customer.
      Identity agent = Agents.identityOf(env.setting("QUICKSTART_AGENT", ExampleEnvironment.DEMO_AGENT_EMAIL));
      Identity bruno = Identity.parse(env.setting("QUICKSTART_DESK_CUSTOMER",
          ExampleEnvironment.DEMO_IDENTITY_BRUNO));
      step(7, "Agent " + agent.decodedName() + " sends an active message from Desk");
      ActiveMessageOutcome outcome = desk.activeMessages().send(ActiveMessageRequest.builder()
          .agent(agent)
          .template(TemplateMessage.of(ExampleEnvironment.DEMO_TEMPLATE_WELCOME, language).body("Bruno"))
          .to(bruno)
          .build());
      if (outcome instanceof ActiveMessageOutcome.RefusedOpenTicket refused) {
        throw new IllegalStateException("refused: the customer already has ticket "
            + refused.ticket().displayNumber());
      }
      if (!(outcome instanceof ActiveMessageOutcome.Sent sent)) {
        throw new IllegalStateException("not sent: " + outcome);
      }
      ActiveMessageSend send = sent.send();
      fake.ifPresent(FakeBlip::awaitIdle);
      say("   sent: message " + send.messageId() + "; state: " + desk.activeMessages().status(send).describe());

      // 8. The customer answers: a ticket opens for that agent.
      ActiveMessageStatus answered;
      if (fake.isPresent()) {
        step(8, "The customer answers");
        fake.get().simulateCustomerReply(bruno.value(), "Oi! Quero saber do meu pedido.");
        fake.get().awaitIdle();
        answered = desk.activeMessages().status(send);
      } else {
        step(8, "Waiting up to 2 minutes for the customer's answer");
        answered = awaitAnswer(desk, send, Duration.ofMinutes(2));
      }
      say("   state: " + answered.describe());
      Ticket ticket = answered.ticket();
      if (ticket == null) {
        throw new IllegalStateException("no ticket opened for the answer: " + answered.describe());
      }

      // 9. Transfer the ticket to another queue (a transfer makes a new ticket), then close it.
      step(9, "Transferring ticket " + ticket.displayNumber() + " to Support, then closing it");
      TicketTransfer transfer = desk.tickets().transferToQueue(ticket.id(), ExampleEnvironment.DEMO_QUEUE_SUPPORT);
      say("   ticket " + ticket.displayNumber() + " became ticket " + transfer.newTicket().displayNumber()
          + " in " + transfer.newTicket().team());
      desk.tickets().close(transfer.newTicket().id(), agent, List.of("quickstart", "resolved"));
      say("   closed with tags quickstart, resolved");

      // 10. The day's monitoring figures.
      step(10, "Today's monitoring");
      TicketsSummary today = desk.monitoring().tickets();
      say("   tickets: " + today.waiting() + " waiting, " + today.open() + " open, " + today.closed() + " closed, "
          + today.transferred() + " transferred, " + today.missed() + " missed");
      for (AgentMetrics a : desk.monitoring().agents()) {
        say("   agent " + a.identity().decodedName() + ": " + a.status() + ", " + a.openedTickets() + " open, "
            + a.closedTickets() + " closed");
      }
      say("Done.");
      return new Result(receipt.envelopeId(), report.status(), send.messageId(), answered.state().name(),
          ticket.id(), transfer.newTicket().id(), today);
    } finally {
      if (webhookServer != null) {
        webhookServer.stop(0);
      }
    }
  }

  private static ActiveMessageStatus awaitAnswer(DeskClient desk, ActiveMessageSend send, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    ActiveMessageStatus status = desk.activeMessages().status(send);
    while (status.ticket() == null && System.nanoTime() < end) {
      Thread.sleep(5_000);
      status = desk.activeMessages().status(send);
    }
    return status;
  }

  private static String describe(dev.blipsdk.core.webhook.InboundMessage m) {
    return m.content() instanceof dev.blipsdk.core.webhook.MessageContent.Text t ? t.text() : m.type();
  }

  private void step(int n, String what) {
    out.println();
    out.println(n + ". " + what);
  }

  private void say(String line) {
    out.println(line);
  }
}
