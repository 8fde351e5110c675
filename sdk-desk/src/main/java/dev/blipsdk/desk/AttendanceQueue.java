package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Desk attendance queue ({@code application/vnd.iris.desk.attendancequeue+json}). On the wire the
 * priority is {@code Priority} with a capital P, as Blip documents it; the SDK writes it that way and
 * reads either case. The {@code with...} copies keep {@link #raw()}, so an update writes back the fields this
 * SDK does not model.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the queue id (a slug Blip makes from the name); the name when Blip sends none
 * @param name the queue name (the {@code team} of tickets)
 * @param isActive whether the queue is active ({@code false} when Blip leaves it out)
 * @param priority the priority; lower is served first
 * @param ownerIdentity the bot that owns it, or null
 * @param storageDate when it was created, or null
 * @param raw the whole queue document as Blip sent it (an empty object for a queue built here)
 */
public record AttendanceQueue(String id, String name, boolean isActive, int priority,
    @Nullable Identity ownerIdentity, @Nullable Instant storageDate, JsonDocument raw) {

  private static final Set<String> MODELLED = Set.of("id", "name", "isactive", "priority", "owneridentity",
      "storagedate");

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   */
  public AttendanceQueue {
    Objects.requireNonNull(name, "name");
    id = id == null ? name : id;
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /**
   * A copy with another name.
   *
   * @param newName the name
   * @return the copy
   */
  public AttendanceQueue withName(String newName) {
    return new AttendanceQueue(id, newName, isActive, priority, ownerIdentity, storageDate, raw);
  }

  /**
   * A copy, active or not.
   *
   * @param active whether it is active
   * @return the copy
   */
  public AttendanceQueue withActive(boolean active) {
    return new AttendanceQueue(id, name, active, priority, ownerIdentity, storageDate, raw);
  }

  /**
   * A copy with another priority.
   *
   * @param newPriority the priority (lower is served first)
   * @return the copy
   */
  public AttendanceQueue withPriority(int newPriority) {
    return new AttendanceQueue(id, name, isActive, newPriority, ownerIdentity, storageDate, raw);
  }

  Map<String, Object> toWire(boolean withId) {
    Map<String, Object> m = WriteBack.unmodelled(raw, MODELLED);
    if (withId) {
      m.put("id", id);
    }
    if (ownerIdentity != null) {
      m.put("ownerIdentity", ownerIdentity.value());
    }
    m.put("name", name);
    m.put("isActive", isActive);
    m.put("Priority", priority);
    return m;
  }
}
