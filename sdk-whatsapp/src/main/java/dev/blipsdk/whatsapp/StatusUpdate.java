package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Reason;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a {@link StatusTracker} learnt about a message, to be merged into its {@link StatusRecord} by a
 * {@link StatusStore}. {@link StatusRecord#apply(StatusRecord, StatusUpdate)} defines the merge; a store
 * performs it atomically.
 */
public sealed interface StatusUpdate {

  /**
   * The message's envelope id.
   *
   * @return the id
   */
  String messageId();

  /**
   * A message was sent (or is to be followed): creates its record when there is none; otherwise only fills
   * in a recipient the record lacks.
   *
   * @param messageId the envelope id
   * @param recipient its recipient (to match replies), or {@code null}
   * @param sentAt when it was sent
   */
  record Track(String messageId, @Nullable Identity recipient, Instant sentAt) implements StatusUpdate {
    /** Checks. */
    public Track {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(sentAt, "sentAt");
    }
  }

  /**
   * A notification arrived. Ignored when the record already holds an event with the same key (the same
   * event from the same node); otherwise kept, and the status moves on if it is further.
   *
   * @param messageId the envelope id
   * @param at when it was fed (the record's {@code updatedAt}; its {@code sentAt} if the record is new)
   * @param key the de-duplication key: the event name and the node that emitted it
   * @param status the delivery status the event means, or {@code null} for an event that means none
   * @param failure the reason of a {@code failed} event, or {@code null}
   * @param json the notification as Blip's JSON, kept opaque by stores
   */
  record Event(String messageId, Instant at, String key, @Nullable MessageStatus status, @Nullable Reason failure,
      String json) implements StatusUpdate {
    /** Checks. */
    public Event {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(json, "json");
      if (status == MessageStatus.EXPIRED) {
        throw new IllegalArgumentException("status: EXPIRED is computed on reading, never stored");
      }
    }
  }

  /**
   * The recipient answered: the message counts as answered and will not expire. Ignored for a message
   * without a record.
   *
   * @param messageId the envelope id
   * @param at when the answer was recorded
   */
  record Answered(String messageId, Instant at) implements StatusUpdate {
    /** Checks. */
    public Answered {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(at, "at");
    }
  }
}
