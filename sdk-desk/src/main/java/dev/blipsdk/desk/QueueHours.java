package dev.blipsdk.desk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The attendance hours of a bot with their queue-level overrides, as Desk keeps them: one main rule, and rules
 * that apply to named queues instead (a queue belongs to at most one rule).
 *
 * <p>Immutable and thread-safe.
 *
 * @param main the hours of the main rule, or null when the bot has none
 * @param byQueue hours by queue unique id and by queue name, lower case
 */
public record QueueHours(@Nullable BusinessHours main, Map<String, BusinessHours> byQueue) {

  /** Copies the map with lower-case keys. */
  public QueueHours {
    Map<String, BusinessHours> copy = new LinkedHashMap<>();
    for (Map.Entry<String, BusinessHours> e : byQueue.entrySet()) {
      copy.put(e.getKey().toLowerCase(Locale.ROOT), Objects.requireNonNull(e.getValue(), "byQueue"));
    }
    byQueue = Map.copyOf(copy);
  }

  /**
   * The hours that apply to a queue: its own rule, else the main one.
   *
   * @param queue the queue's unique id or name, without regard to case
   * @return the hours, or empty when Desk has no rule at all (no restriction)
   */
  public Optional<BusinessHours> forQueue(String queue) {
    BusinessHours own = byQueue.get(queue.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(own != null ? own : main);
  }
}
