package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.internal.LocalStatusStore;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link StatusTracker} keeps the {@link StatusRecord} of each message it follows. The default,
 * {@link #inMemory(int)}, serves one process; the instances of a fleet share one store (the
 * {@code blip-sdk-redis} module has one on Redis), so that any instance answers
 * {@link StatusTracker#status(String)} and {@link StatusTracker#await} for a message any instance sent, and
 * a notification fed to any instance moves the status for all.
 *
 * <p><b>Contract.</b> {@link #apply(StatusUpdate)} performs {@link StatusRecord#apply(StatusRecord,
 * StatusUpdate)} atomically: concurrent updates from any thread or process never lose one another and never
 * move a status back.
 *
 * <p><b>Thread safety:</b> implementations must be thread-safe.
 *
 * <p><b>Failure:</b> a store that cannot answer throws {@link dev.blipsdk.core.exception.StoreException},
 * which the tracker passes to its caller ({@code track}, {@code accept}, {@code status}, or the future of
 * {@code awaitAsync}); an update that failed may or may not have been applied, and applying it again is
 * harmless (every update is idempotent).
 */
public interface StatusStore {

  /**
   * The outcome of an update.
   *
   * @param record the record after it, or {@code null} when there is none (an answer for an unknown message)
   * @param changed whether the update changed anything (false for a duplicate event)
   */
  record Applied(@Nullable StatusRecord record, boolean changed) {}

  /**
   * Merges an update into its message's record, atomically.
   *
   * @param update the update
   * @return the outcome
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  Applied apply(StatusUpdate update);

  /**
   * The record of a message.
   *
   * @param messageId the envelope id
   * @return the record, or empty when not kept
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  Optional<StatusRecord> get(String messageId);

  /**
   * The ids of the messages kept whose recipient is this identity (to mark them answered by a reply).
   *
   * @param recipient the identity
   * @return the ids, in no particular order
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  List<String> sentTo(Identity recipient);

  /**
   * Removes a message's record.
   *
   * @param messageId the envelope id
   * @return true if there was one
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  boolean remove(String messageId);

  /**
   * How many records the store keeps.
   *
   * @return the count
   * @throws dev.blipsdk.core.exception.StoreException if the store cannot answer
   */
  long size();

  /**
   * A store in this process's memory, keeping at most {@code maxMessages} records (the oldest created go
   * first): the default of {@link StatusTracker}.
   *
   * @param maxMessages positive
   * @return the store
   */
  static StatusStore inMemory(int maxMessages) {
    return new LocalStatusStore(maxMessages);
  }
}
