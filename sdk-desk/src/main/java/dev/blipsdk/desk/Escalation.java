package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to do when a customer asks for a human, decided from the attendance hours (WhatsApp requires a clear
 * path to a human; Blip tells bot builders to check the hours before handing over): in hours, transfer now
 * to the queue; out of hours, tell the customer when someone will answer and offer to notify them.
 *
 * <pre>{@code
 * Escalation e = desk.attendanceHours().decide(customer, "Sales");
 * if (e instanceof Escalation.TransferNow now) {
 *   Ticket ticket = desk.tickets().create(customer);            // waiting in the default queue
 *   desk.tickets().transferToQueue(ticket.id(), now.queue());
 * } else if (e instanceof Escalation.ClosedUntil closed) {
 *   whatsApp.send(Recipient.of(customer), closed.unavailableMessage("pt_BR"));   // "Sim" / "Não"
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Escalation permits Escalation.TransferNow, Escalation.ClosedUntil {
  /** The template Blip Go Personal sends out of hours: two quick-reply buttons, "Sim" and "Não". */
  String UNAVAILABLE_TEMPLATE = "atendimento_esta_disponivel";
  /** The payload of the button that asks to be notified. */
  String CALLBACK_YES = "Sim";
  /** The payload of the button that declines. */
  String CALLBACK_NO = "Não";

  /**
   * The customer.
   *
   * @return the customer identity
   */
  Identity customer();

  /**
   * The queue asked for.
   *
   * @return the queue id or name
   */
  String queue();

  /**
   * Decides from hours and an instant.
   *
   * @param customer the customer
   * @param queue the queue to transfer to
   * @param hours the hours that apply to that queue
   * @param now the instant
   * @return {@link TransferNow} when open, else {@link ClosedUntil}
   */
  static Escalation decide(Identity customer, String queue, BusinessHours hours, Instant now) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(now, "now");
    if (hours.isOpen(now)) {
      return new TransferNow(customer, queue);
    }
    return new ClosedUntil(customer, queue, hours.nextOpening(now).orElse(null), hours.zone());
  }

  /**
   * Open: transfer the customer to the queue now.
   *
   * @param customer the customer
   * @param queue the queue
   */
  record TransferNow(Identity customer, String queue) implements Escalation {
    /** Validates. */
    public TransferNow {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(queue, "queue");
    }
  }

  /**
   * Closed: say when attendance opens and offer a callback.
   *
   * @param customer the customer
   * @param queue the queue
   * @param nextOpening when attendance opens next, or null when it never does
   * @param zone the zone of the hours, to show the opening in local time
   */
  record ClosedUntil(Identity customer, String queue, @Nullable Instant nextOpening, ZoneId zone)
      implements Escalation {
    /** Validates. */
    public ClosedUntil {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(zone, "zone");
    }

    /**
     * The next opening in local time.
     *
     * @return the local date and time, or empty when it never opens
     */
    public Optional<ZonedDateTime> localNextOpening() {
      return Optional.ofNullable(nextOpening).map(i -> i.atZone(zone));
    }

    /**
     * The "unavailable" message Go Personal sends: the approved template {@value #UNAVAILABLE_TEMPLATE} with
     * its two quick-reply buttons {@code Sim} and {@code Não}, addressed with
     * {@link TemplateMessage#toMessage(Identity)} to {@link #customer()}. The template's body variables, if
     * yours has any, are yours to add with {@link TemplateMessage#body(String...)}.
     *
     * @param language the template language, for example {@code pt_BR}
     * @return the template message
     */
    public TemplateMessage unavailableMessage(String language) {
      return TemplateMessage.of(UNAVAILABLE_TEMPLATE, language).quickReply(0, CALLBACK_YES).quickReply(1, CALLBACK_NO);
    }
  }
}
