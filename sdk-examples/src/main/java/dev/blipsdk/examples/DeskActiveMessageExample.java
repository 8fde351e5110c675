package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.desk.ActiveMessageOutcome;
import dev.blipsdk.desk.ActiveMessageRequest;
import dev.blipsdk.desk.ActiveMessageSend;
import dev.blipsdk.desk.ActiveMessageStatus;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.DeskActiveMessages;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.util.Optional;

/**
 * An agent sends a WhatsApp template from Desk, the way the Desk app's active message does: the SDK checks the
 * customer has no open ticket, sends the template marked for the agent and returns a handle. The customer's reply
 * opens a ticket for that agent ("answered: ticket N, in progress"); a second active message to the same customer
 * is then refused, naming the open ticket.
 *
 * <p>The customer's reply is a FAKE-ONLY step ({@link FakeBlip#simulateCustomerReply(String, String)}): on a real
 * contract the example sends once, shows the status and stops; answer from the phone and the status moves on. On
 * a real contract set {@code BLIP_AGENT_EMAIL}, {@code BLIP_TO_PHONE}, {@code BLIP_TEMPLATE} and
 * {@code BLIP_TEMPLATE_LANGUAGE} (a body-only template with one variable); see {@link ExampleEnvironment}.
 */
public final class DeskActiveMessageExample {
  private DeskActiveMessageExample() {}

  /**
   * What the example saw.
   *
   * @param first the first send's outcome
   * @param beforeReply the status right after sending
   * @param afterReply the status after the customer's reply (fake only)
   * @param second the second send's outcome, to a customer who now has an open ticket (fake only)
   */
  public record Outcome(ActiveMessageOutcome first, ActiveMessageStatus beforeReply,
      Optional<ActiveMessageStatus> afterReply, Optional<ActiveMessageOutcome> second) {}

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
   * @return what it saw
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("A Desk active message, on " + env.description());
    String agentEmail = env.setting("BLIP_AGENT_EMAIL", ExampleEnvironment.DEMO_AGENT_EMAIL);
    PhoneNumber phone = PhoneNumber.parse(env.setting("BLIP_TO_PHONE", ExampleEnvironment.DEMO_PHONE_BRUNO));
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_WELCOME);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    BlipClient blip = env.client();

    // [snippet:desk-active-message]
    DeskActiveMessages activeMessages = DeskClient.of(blip).activeMessages();
    ActiveMessageRequest request = ActiveMessageRequest.builder()
        .agent(Agents.identityOf(agentEmail))
        .template(TemplateMessage.of(templateName, language).body("Bruno"))
        .to(phone)
        .build();
    ActiveMessageOutcome outcome = activeMessages.send(request);
    if (outcome instanceof ActiveMessageOutcome.Sent sent) {
      ActiveMessageSend handle = sent.send();                 // a plain value: store it to follow the send later
      System.out.println("Sent " + handle.messageId() + ": " + activeMessages.status(handle).describe());
    } else if (outcome instanceof ActiveMessageOutcome.RefusedOpenTicket refused) {
      System.out.println("Not sent: the customer is in ticket " + refused.ticket().displayNumber());
    }
    // [/snippet:desk-active-message]

    if (!(outcome instanceof ActiveMessageOutcome.Sent sent)) {
      throw new IllegalStateException("the first active message was not sent: " + outcome);
    }
    ActiveMessageSend handle = sent.send();
    ActiveMessageStatus before = activeMessages.status(handle);
    System.out.println("Agent " + handle.agent() + " sent it to " + phone + " (" + handle.recipient() + ")");

    Optional<FakeBlip> fake = env.fake();
    if (fake.isEmpty()) {
      System.out.println("On real Blip the customer's reply cannot be simulated: answer from the phone, then the"
          + " status reads \"answered: ticket N, in progress\". Skipping the rest.");
      return new Outcome(outcome, before, Optional.empty(), Optional.empty());
    }
    System.out.println("The customer answers (simulated on the fake)...");
    fake.get().simulateCustomerReply(handle.recipient().value(), "Sim, pode confirmar");
    fake.get().awaitIdle();
    ActiveMessageStatus after = activeMessages.status(handle);
    System.out.println("Status: " + after.describe() + " (ticket " + after.ticket().displayNumber() + ", agent "
        + after.ticket().agentIdentity() + ")");

    System.out.println("The agent tries a second active message to the same customer...");
    ActiveMessageOutcome second = activeMessages.send(request);
    if (second instanceof ActiveMessageOutcome.RefusedOpenTicket refused) {
      System.out.println("Refused: the customer already has ticket " + refused.ticket().displayNumber() + " open ("
          + refused.ticket().status() + ")");
    } else {
      System.out.println("Unexpected: " + second);
    }
    return new Outcome(outcome, before, Optional.of(after), Optional.of(second));
  }
}
