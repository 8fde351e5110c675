package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one sent message: the ledger entry a {@link StatusStore} keeps and a
 * {@link StatusTracker} turns into a {@link StatusReport}. {@link #apply(StatusRecord, StatusUpdate)} is the
 * ledger's whole state machine, a pure function: a shared store must perform exactly this merge, atomically,
 * so that every instance sees the same furthest state.
 *
 * @param messageId the envelope id
 * @param sentAt when it was sent (or first heard of)
 * @param recipient its recipient, or {@code null} when not known
 * @param delivery the furthest delivery status reached (never {@link MessageStatus#EXPIRED})
 * @param failure the reason of the first {@code failed} event with one ({@link #NO_REASON} when failed events
 *     gave none), or {@code null} when it never failed
 * @param updatedAt when the last event or answer was recorded, or {@code null}
 * @param answered whether the recipient answered
 * @param events the notifications recorded, oldest first, each once
 */
public record StatusRecord(String messageId, Instant sentAt, @Nullable Identity recipient, MessageStatus delivery,
    @Nullable Reason failure, @Nullable Instant updatedAt, boolean answered, List<Event> events) {

  /** The failure of a message whose {@code failed} events carried no reason. */
  public static final Reason NO_REASON = new Reason(null, "failed without a reason");

  /**
   * One recorded notification.
   *
   * @param key its de-duplication key ({@link StatusUpdate.Event#key()})
   * @param json the notification as Blip's JSON
   */
  public record Event(String key, String json) {
    /** Checks. */
    public Event {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(json, "json");
    }
  }

  /** Checks and copies. */
  public StatusRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(delivery, "delivery");
    if (delivery == MessageStatus.EXPIRED) {
      throw new IllegalArgumentException("delivery: EXPIRED is computed on reading, never stored");
    }
    events = List.copyOf(events);
  }

  /**
   * Merges an update into a record: the ledger's rules.
   * <ul>
   *   <li>{@link StatusUpdate.Track} creates the record (status SENDING) or fills in a missing recipient.</li>
   *   <li>{@link StatusUpdate.Event} creates the record if needed (sent "now"), is dropped when an event with
   *       its key is recorded already, and otherwise is appended; the delivery status becomes the event's if
   *       that ranks further ({@link MessageStatus#rank()}: SENDING &lt; SENT &lt; FAILED &lt; DELIVERED &lt;
   *       READ), so late and out-of-order events never move it back. A {@code failed} event sets the failure
   *       when there is none yet or only {@link #NO_REASON}: the first reason given wins.</li>
   *   <li>{@link StatusUpdate.Answered} marks an existing record answered.</li>
   * </ul>
   *
   * @param current the record, or {@code null} when there is none
   * @param update the update for the same message
   * @return the record after the update: {@code current} itself when nothing changed, {@code null} only when
   *     there was none and the update creates none
   */
  public static @Nullable StatusRecord apply(@Nullable StatusRecord current, StatusUpdate update) {
    Objects.requireNonNull(update, "update");
    if (current != null && !current.messageId.equals(update.messageId())) {
      throw new IllegalArgumentException("update for " + update.messageId() + " applied to " + current.messageId);
    }
    if (update instanceof StatusUpdate.Track t) {
      if (current == null) {
        return new StatusRecord(t.messageId(), t.sentAt(), t.recipient(), MessageStatus.SENDING, null, null, false,
            List.of());
      }
      if (current.recipient == null && t.recipient() != null) {
        return new StatusRecord(current.messageId, current.sentAt, t.recipient(), current.delivery,
            current.failure, current.updatedAt, current.answered, current.events);
      }
      return current;
    }
    if (update instanceof StatusUpdate.Answered a) {
      if (current == null || current.answered) {
        return current;
      }
      return new StatusRecord(current.messageId, current.sentAt, current.recipient, current.delivery,
          current.failure, a.at(), true, current.events);
    }
    StatusUpdate.Event e = (StatusUpdate.Event) update;
    StatusRecord r = current != null ? current
        : new StatusRecord(e.messageId(), e.at(), null, MessageStatus.SENDING, null, null, false, List.of());
    for (Event known : r.events) {
      if (known.key().equals(e.key())) {
        return r;
      }
    }
    List<Event> events = new ArrayList<>(r.events.size() + 1);
    events.addAll(r.events);
    events.add(new Event(e.key(), e.json()));
    Reason failure = r.failure;
    if (e.status() == MessageStatus.FAILED && (failure == null || NO_REASON.equals(failure))) {
      failure = e.failure() != null ? e.failure() : NO_REASON;
    }
    MessageStatus delivery = e.status() != null && e.status().rank() > r.delivery.rank() ? e.status() : r.delivery;
    return new StatusRecord(r.messageId, r.sentAt, r.recipient, delivery, failure, e.at(), r.answered, events);
  }
}
