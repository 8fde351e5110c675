package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * What a webhook delivered, as returned by {@link WebhookParser#parse(byte[])}: an
 * {@link InboundMessage} a customer sent, a {@link StatusNotification} about a message the bot sent, a
 * Desk {@link TicketEvent}, or an {@link UnknownEvent} this SDK version does not model. On Java 21 and
 * later, switch over it (on 17, test with {@code instanceof}):
 * <pre>{@code
 * switch (parser.parse(body)) {
 *   case InboundMessage m -> reply(m.from(), m.content());
 *   case StatusNotification s -> tracker.accept(s.notification());
 *   case TicketEvent t -> crm.ticketChanged(t.ticket());
 *   case UnknownEvent u -> log.debug("ignored {}", u.deduplicationKey());
 * }
 * }</pre>
 *
 * <p>The same envelope can arrive more than once: use {@link #deduplicationKey()} to skip what you have
 * already processed. Every event is immutable and thread-safe; {@code toString()} masks personal data and
 * leaves out content.
 */
public sealed interface WebhookEvent permits InboundMessage, StatusNotification, TicketEvent, UnknownEvent {

  /**
   * The envelope id: the message's id, or for a notification the id of the message it is about.
   *
   * @return the id, or {@code null} when the envelope had none
   */
  @Nullable String id();

  /**
   * A key that is equal for two deliveries of the same event and different for different events: the
   * envelope id and what happened, for example {@code "65603604-...:received"}, {@code "99cf...:message"}
   * or {@code "1f0c...:ticket"}. An envelope without an id gets {@code "sha256-<hex of the body>:<kind>"},
   * so a byte-identical redelivery still matches.
   *
   * <p>Remember processed keys for a few days (Blip keeps notifications 3 days) and skip repeats.
   *
   * @return the key, never empty
   */
  String deduplicationKey();

  /**
   * The whole envelope as received: nothing the SDK does not model is lost.
   *
   * @return the envelope JSON
   */
  JsonDocument raw();
}
