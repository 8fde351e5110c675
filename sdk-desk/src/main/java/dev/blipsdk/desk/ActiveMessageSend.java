package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * The handle of one Desk active message that went out: everything needed to follow it later. It holds
 * plain values, so a caller that wants the agent's "Sent" list to survive a restart can store the four
 * fields and rebuild it with the constructor; the SDK stores nothing.
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the recipient.
 *
 * @param messageId the message's envelope id
 * @param agent the agent who sent it
 * @param recipient the customer's WhatsApp identity it went to
 * @param sentAt when it was sent, on the client's clock
 */
public record ActiveMessageSend(String messageId, Identity agent, Identity recipient, Instant sentAt) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a component is null
   */
  public ActiveMessageSend {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
