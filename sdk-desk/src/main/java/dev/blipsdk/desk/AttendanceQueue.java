package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Desk attendance queue ({@code application/vnd.iris.desk.attendancequeue+json}). On the wire the
 * priority is {@code Priority} with a capital P, as Blip documents it; the SDK writes it that way and
 * reads either case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the queue id (a slug Blip makes from the name)
 * @param name the queue name (the {@code team} of tickets)
 * @param active whether the queue is active
 * @param priority the priority; lower is served first
 * @param ownerIdentity the bot that owns it, or null
 * @param storageDate when it was created, or null
 */
public record AttendanceQueue(String id, String name, boolean active, int priority, @Nullable Identity ownerIdentity,
    @Nullable Instant storageDate) {

  /**
   * Validates.
   *
   * @throws NullPointerException if id or name is null
   */
  public AttendanceQueue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /**
   * A copy with another name.
   *
   * @param newName the name
   * @return the copy
   */
  public AttendanceQueue withName(String newName) {
    return new AttendanceQueue(id, newName, active, priority, ownerIdentity, storageDate);
  }

  /**
   * A copy, active or not.
   *
   * @param isActive whether it is active
   * @return the copy
   */
  public AttendanceQueue withActive(boolean isActive) {
    return new AttendanceQueue(id, name, isActive, priority, ownerIdentity, storageDate);
  }

  /**
   * A copy with another priority.
   *
   * @param newPriority the priority (lower is served first)
   * @return the copy
   */
  public AttendanceQueue withPriority(int newPriority) {
    return new AttendanceQueue(id, name, active, newPriority, ownerIdentity, storageDate);
  }

  static AttendanceQueue fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "attendance queue");
    String name = o.str("name");
    String id = o.str("id");
    if (name == null) {
      throw new BlipProtocolException("attendance queue without name");
    }
    return new AttendanceQueue(id == null ? name : id, name, o.bool("isActive", true), o.integer("Priority", 0),
        o.identity("ownerIdentity"), o.instant("storageDate"));
  }

  Map<String, Object> toWire(boolean withId) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (withId) {
      m.put("id", id);
    }
    if (ownerIdentity != null) {
      m.put("ownerIdentity", ownerIdentity.value());
    }
    m.put("name", name);
    m.put("isActive", active);
    m.put("Priority", priority);
    return m;
  }
}
