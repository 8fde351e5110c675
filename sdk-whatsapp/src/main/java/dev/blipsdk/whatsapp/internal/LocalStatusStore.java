package dev.blipsdk.whatsapp.internal;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.StatusRecord;
import dev.blipsdk.whatsapp.StatusStore;
import dev.blipsdk.whatsapp.StatusUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link StatusStore#inMemory(int)}: records in creation order under one lock, the oldest evicted first. */
public final class LocalStatusStore implements StatusStore {
  private final int maxMessages;
  // guarded by this
  private final LinkedHashMap<String, StatusRecord> records = new LinkedHashMap<>();

  public LocalStatusStore(int maxMessages) {
    if (maxMessages <= 0) {
      throw new IllegalArgumentException("maxMessages must be positive, was " + maxMessages);
    }
    this.maxMessages = maxMessages;
  }

  @Override
  public synchronized Applied apply(StatusUpdate update) {
    Objects.requireNonNull(update, "update");
    StatusRecord current = records.get(update.messageId());
    StatusRecord next = StatusRecord.apply(current, update);
    if (next == current) {
      return new Applied(current, false);
    }
    records.put(update.messageId(), next);
    while (records.size() > maxMessages) {
      records.remove(records.keySet().iterator().next());
    }
    return new Applied(next, true);
  }

  @Override
  public synchronized Optional<StatusRecord> get(String messageId) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(messageId, "messageId")));
  }

  @Override
  public synchronized List<String> sentTo(Identity recipient) {
    Objects.requireNonNull(recipient, "recipient");
    List<String> ids = new ArrayList<>();
    for (StatusRecord r : records.values()) {
      if (recipient.equals(r.recipient())) {
        ids.add(r.messageId());
      }
    }
    return ids;
  }

  @Override
  public synchronized boolean remove(String messageId) {
    return records.remove(Objects.requireNonNull(messageId, "messageId")) != null;
  }

  @Override
  public synchronized long size() {
    return records.size();
  }

  @Override
  public String toString() {
    return "StatusStore.inMemory(" + maxMessages + ")";
  }
}
