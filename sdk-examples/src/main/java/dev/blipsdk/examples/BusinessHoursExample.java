package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.AttendanceHours;
import dev.blipsdk.desk.BusinessHours;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.Escalation;
import dev.blipsdk.desk.OutOfHoursContact;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Attendance hours before a hand-over to a human, as Blip asks bot builders to do: reads the hours that apply to a
 * queue from Desk (its own rule, else the main one; Go Personal's notation when Desk has none), says whether
 * attendance is open, decides "transfer now" or "closed until X" for a customer, sends the callback offer when
 * closed, and lists the customers who wrote out of hours in the last seven days.
 *
 * <p>On a real contract set {@code BLIP_TO_IDENTITY} (a customer's WhatsApp identity), {@code BLIP_QUEUE} and, to
 * send the offer, an approved {@code atendimento_esta_disponivel} template in {@code BLIP_TEMPLATE_LANGUAGE}; see
 * {@link ExampleEnvironment}. Reading the attendance hours is not in Blip's public API docs (API doc §5.8).
 * <pre>
 * mvn -q -pl sdk-examples -am compile exec:java -Dexec.mainClass=dev.blipsdk.examples.BusinessHoursExample
 * </pre>
 */
public final class BusinessHoursExample {
  private BusinessHoursExample() {}

  /**
   * What the example saw.
   *
   * @param hours the hours of the queue
   * @param open whether attendance was open
   * @param decision the escalation decision
   * @param offer the callback offer sent when closed
   * @param outOfHours the customers who wrote out of hours
   */
  public record Outcome(BusinessHours hours, boolean open, Escalation decision, Optional<SendReceipt> offer,
      List<OutOfHoursContact> outOfHours) {}

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
    System.out.println("Business hours, on " + env.description());
    Identity customer = Identity.parse(env.setting("BLIP_TO_IDENTITY", ExampleEnvironment.DEMO_IDENTITY));
    String queue = env.setting("BLIP_QUEUE", ExampleEnvironment.DEMO_QUEUE_SALES);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    BlipClient blip = env.client();
    SendReceipt sent = null;

    // [snippet:business-hours]
    DeskClient desk = DeskClient.of(blip);
    AttendanceHours attendance = desk.attendanceHours();
    BusinessHours hours = attendance.forQueue(queue)        // the queue's own rule, else Desk's main rule
        .orElseGet(() -> BusinessHours.parse(ZoneId.of("America/Sao_Paulo"), """
            seg-sex: 08:00-12:00, 13:00-18:00
            sab: 09:00-13:00
            25/12 - Natal
            """));                                         // or Go Personal's notation
    Instant now = blip.clock().instant();
    boolean open = hours.isOpen(now);
    Escalation decision = Escalation.decide(customer, queue, hours, now);
    if (decision instanceof Escalation.ClosedUntil closed) {
      System.out.println("Closed; opens " + closed.localNextOpening().map(Object::toString).orElse("never"));
      TemplateMessage offer = closed.unavailableMessage(language);   // atendimento_esta_disponivel: Sim / Não
      sent = WhatsAppClient.of(blip).send(customer, offer);
    } else {
      System.out.println("Open: transfer to " + decision.queue() + " now, until " + hours.nextClosing(now)
          .map(Object::toString).orElse("always"));
    }
    List<OutOfHoursContact> waiting = desk.outOfHours().list(hours);  // wrote while closed, last 7 days
    // [/snippet:business-hours]

    System.out.println("Hours of " + queue + ": " + hours);
    System.out.println(waiting.size() + " customer(s) wrote out of hours in the last 7 days");
    for (OutOfHoursContact c : waiting) {
      System.out.println("  " + c.customer() + " at " + c.lastContactAt() + ", callback " + c.callback()
          + ", active message sent: " + c.activeMessageSent());
    }
    return new Outcome(hours, open, decision, Optional.ofNullable(sent), waiting);
  }
}
