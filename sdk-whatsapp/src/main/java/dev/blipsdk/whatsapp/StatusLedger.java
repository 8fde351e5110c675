package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The status of tracked messages as a pure state machine: no client, no clock of its own (every change is told
 * the time), no listeners. It applies {@link StatusTracker}'s rules: the furthest status wins, a duplicate
 * (same event from the same node) changes nothing, the first failure reason is kept, EXPIRED is computed on
 * reading. At most {@code maxTracked} messages, oldest dropped first.
 *
 * <p>Thread-safe: every method holds the ledger's lock.
 */
final class StatusLedger {
  private static final Reason NO_REASON = new Reason(null, "failed without a reason");

  private final Duration expiryWindow;
  private final int maxTracked;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  private static final class Entry {
    final String id;
    final Instant sentAt;
    @Nullable Identity recipient;
    MessageStatus delivery = MessageStatus.SENDING;
    @Nullable Reason failure;
    @Nullable Instant updatedAt;
    boolean answered;
    final Set<String> keys = new HashSet<>();
    final List<Notification> events = new ArrayList<>(4);

    Entry(String id, Instant sentAt, @Nullable Identity recipient) {
      this.id = id;
      this.sentAt = sentAt;
      this.recipient = recipient;
    }
  }

  StatusLedger(Duration expiryWindow, int maxTracked) {
    this.expiryWindow = expiryWindow;
    this.maxTracked = maxTracked;
  }

  Duration expiryWindow() {
    return expiryWindow;
  }

  /** Starts following a message (or fills in the recipient of one followed already); its report at {@code now}. */
  synchronized StatusReport track(String id, @Nullable Identity recipient, Instant sentAt, Instant now) {
    Entry e = entries.get(id);
    if (e == null) {
      e = put(new Entry(id, sentAt, recipient));
    } else if (e.recipient == null) {
      e.recipient = recipient;
    }
    return report(e, now);
  }

  /**
   * Applies a notification (its id names the message; one not followed yet is followed from {@code now}).
   *
   * @return the new report, or null for a duplicate
   */
  synchronized @Nullable StatusReport accept(Notification n, Instant now) {
    String id = n.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("notification.id is required: it names the message it is about");
    }
    Entry e = entries.get(id);
    if (e == null) {
      e = put(new Entry(id, now, null));
    }
    String key = n.eventName().toLowerCase(Locale.ROOT) + "|" + (n.from() == null ? "" : n.from().value());
    if (!e.keys.add(key)) {
      return null;
    }
    e.events.add(n);
    MessageStatus s = switch (n.event()) {
      case ACCEPTED, VALIDATED, AUTHORIZED -> MessageStatus.SENDING;
      case DISPATCHED -> MessageStatus.SENT;
      case RECEIVED -> MessageStatus.DELIVERED;
      case CONSUMED -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
      default -> null;
    };
    if (s == MessageStatus.FAILED && (e.failure == null || e.failure == NO_REASON)) {
      // the first reason given wins; a hop that failed without one does not hide a later hop's reason
      e.failure = n.reason() != null ? n.reason() : NO_REASON;
    }
    if (s != null && s.rank() > e.delivery.rank()) {
      e.delivery = s;
    }
    e.updatedAt = now;
    return report(e, now);
  }

  /** Marks answered the unexpired, unanswered messages sent to {@code from}; their new reports. */
  synchronized List<StatusReport> recordReply(Identity from, Instant now) {
    List<StatusReport> changed = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!e.answered && from.equals(e.recipient) && now.isBefore(e.sentAt.plus(expiryWindow))) {
        e.answered = true;
        e.updatedAt = now;
        changed.add(report(e, now));
      }
    }
    return changed;
  }

  /** Marks a message answered; its new report, or null when not followed. */
  synchronized @Nullable StatusReport markAnswered(String id, Instant now) {
    Entry e = entries.get(id);
    if (e == null) {
      return null;
    }
    e.answered = true;
    return report(e, now);
  }

  synchronized Optional<StatusReport> report(String id, Instant now) {
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(report(e, now));
  }

  synchronized boolean forget(String id) {
    return entries.remove(id) != null;
  }

  synchronized int size() {
    return entries.size();
  }

  private Entry put(Entry e) {
    entries.put(e.id, e);
    while (entries.size() > maxTracked) {
      entries.remove(entries.keySet().iterator().next());
    }
    return e;
  }

  private StatusReport report(Entry e, Instant now) {
    Instant expiresAt = e.sentAt.plus(expiryWindow);
    MessageStatus shown = e.delivery;
    if (!e.answered && e.delivery != MessageStatus.FAILED && !now.isBefore(expiresAt)) {
      shown = MessageStatus.EXPIRED;
    }
    return new StatusReport(e.id, shown, e.delivery, e.failure, e.sentAt, e.updatedAt, expiresAt, e.answered,
        e.events);
  }
}
