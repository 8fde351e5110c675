package dev.blipsdk.desk;

import dev.blipsdk.core.exception.BlipException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one contact in {@link OutOfHoursContacts#sendActiveMessages}: sent, refused (an open
 * ticket, an agent not Online, not on WhatsApp), skipped (an active message was already sent since they
 * wrote), or failed with an error.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contact the contact
 * @param outcome the Desk active-message outcome, or null when skipped or failed
 * @param error the error of a failed call, or null
 */
public record OutOfHoursSend(OutOfHoursContact contact, @Nullable ActiveMessageOutcome outcome,
    @Nullable BlipException error) {

  /** Validates. */
  public OutOfHoursSend {
    Objects.requireNonNull(contact, "contact");
  }

  /**
   * Whether the message was sent.
   *
   * @return true for {@link ActiveMessageOutcome.Sent}
   */
  public boolean isSent() {
    return outcome instanceof ActiveMessageOutcome.Sent;
  }

  /**
   * Whether the contact was skipped because an active message was already sent since they wrote.
   *
   * @return true when skipped
   */
  public boolean isSkipped() {
    return outcome == null && error == null;
  }
}
