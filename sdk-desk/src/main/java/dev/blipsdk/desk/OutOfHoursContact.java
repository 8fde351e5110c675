package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer who wrote while attendance was closed (Blip Go Personal's "Contatos fora do horário").
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks the identity.
 *
 * @param customer the customer identity
 * @param firstContactAt their first message out of hours in the window
 * @param lastContactAt their last message out of hours in the window
 * @param messages how many messages they sent out of hours in the window
 * @param callback whether they asked to be called back
 * @param activeMessageSentAt when an active message (a template other than the unavailable one) was sent to
 *     them at or after {@code lastContactAt}, or null when none was
 */
public record OutOfHoursContact(Identity customer, Instant firstContactAt, Instant lastContactAt, int messages,
    CallbackRequest callback, @Nullable Instant activeMessageSentAt) {

  /** Validates. */
  public OutOfHoursContact {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(firstContactAt, "firstContactAt");
    Objects.requireNonNull(lastContactAt, "lastContactAt");
    Objects.requireNonNull(callback, "callback");
  }

  /**
   * Whether an active message was sent to them since they last wrote (Go Personal's "Mensagem enviada?").
   *
   * @return true when one was
   */
  public boolean activeMessageSent() {
    return activeMessageSentAt != null;
  }
}
