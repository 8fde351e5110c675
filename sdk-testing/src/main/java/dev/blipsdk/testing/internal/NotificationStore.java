package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The notifications a bot keeps for {@code get /notifications}: in arrival order for the newest-first listing and
 * the retention cut-off, and by message id for {@code ?id=}. Every operation costs in proportion to what it returns
 * or removes, so a fake that has emitted a million notifications stays fast. Guarded by the bot's lock.
 */
public final class NotificationStore implements Iterable<BotState.StoredNotification> {
  private final ArrayDeque<BotState.StoredNotification> inOrder = new ArrayDeque<>();
  private final Map<String, List<BotState.StoredNotification>> byMessageId = new HashMap<>();

  /**
   * Keeps a notification.
   *
   * @param n the notification
   */
  public void add(BotState.StoredNotification n) {
    inOrder.addLast(n);
    byMessageId.computeIfAbsent(n.messageId(), k -> new ArrayList<>(4)).add(n);
  }

  /**
   * Drops the notifications stored before the cut-off (they arrive in time order, so from the oldest end).
   *
   * @param cutoff the oldest time kept
   */
  public void pruneBefore(Instant cutoff) {
    while (!inOrder.isEmpty() && inOrder.peekFirst().storedAt().isBefore(cutoff)) {
      BotState.StoredNotification old = inOrder.pollFirst();
      List<BotState.StoredNotification> same = byMessageId.get(old.messageId());
      if (same != null) {
        same.remove(old);
        if (same.isEmpty()) {
          byMessageId.remove(old.messageId());
        }
      }
    }
  }

  /**
   * The notifications about one message, oldest first.
   *
   * @param messageId the message id
   * @return the notifications, possibly empty
   */
  public List<BotState.StoredNotification> about(String messageId) {
    return Collections.unmodifiableList(byMessageId.getOrDefault(messageId, List.of()));
  }

  /**
   * The notifications newest first.
   *
   * @return an iterator from the newest
   */
  public Iterator<BotState.StoredNotification> newestFirst() {
    return inOrder.descendingIterator();
  }

  @Override
  public Iterator<BotState.StoredNotification> iterator() {
    return inOrder.iterator();
  }

  /**
   * How many notifications are kept.
   *
   * @return the count
   */
  public int size() {
    return inOrder.size();
  }
}
