package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link StatusTracker} knows about one sent message at one moment.
 *
 * @param messageId the envelope id
 * @param status the status to show: {@link #deliveryStatus()}, or {@link MessageStatus#EXPIRED} when the
 *     expiry window passed with no answer (never for a failed message)
 * @param deliveryStatus the furthest delivery status reached (never EXPIRED)
 * @param failure the reason of a {@code failed} notification, kept even when a later delivery moved the
 *     status on; {@code null} if none
 * @param sentAt when the message was sent (or first seen, for messages not tracked from a send)
 * @param updatedAt when the last notification that changed anything arrived, or {@code null}
 * @param expiresAt when the message expires if unanswered
 * @param answered whether the recipient answered
 * @param notifications the distinct notifications received, de-duplicated by (event, from), in arrival order
 */
public record StatusReport(String messageId, MessageStatus status, MessageStatus deliveryStatus,
    @Nullable Reason failure, Instant sentAt, @Nullable Instant updatedAt, Instant expiresAt, boolean answered,
    List<Notification> notifications) {

  /** Checks and copies. */
  public StatusReport {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(deliveryStatus, "deliveryStatus");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    notifications = List.copyOf(notifications);
  }

  /**
   * Whether the message failed and no later delivery contradicted it.
   *
   * @return true if the status is FAILED
   */
  public boolean isFailed() {
    return status == MessageStatus.FAILED;
  }
}
