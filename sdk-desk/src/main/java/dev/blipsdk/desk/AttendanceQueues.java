package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Desk attendance queues ({@code /attendance-queues}).
 *
 * <pre>{@code
 * AttendanceQueue sales = desk.queues().create("Sales", 0);
 * desk.queues().update(sales.withPriority(1));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AttendanceQueues {
  /** The MIME type of a queue. */
  public static final String TYPE = "application/vnd.iris.desk.attendancequeue+json";

  private final DeskCommands desk;

  AttendanceQueues(DeskCommands desk) {
    this.desk = desk;
  }

  /**
   * All queues of the bot.
   *
   * @return the queues
   */
  public List<AttendanceQueue> list() {
    return desk.get(DeskOperations.QUEUES_LIST, "/attendance-queues", Pages.Queues.class).items();
  }

  /**
   * One queue by id. Tolerates the documented answer that is a collection.
   *
   * @param queueId the queue id
   * @return the queue
   * @throws BlipCommandException if it does not exist
   */
  public AttendanceQueue get(String queueId) {
    Tickets.requireText("queueId", queueId);
    String uri = CommandUri.path("/attendance-queues").segment(queueId).build();
    Command response = desk.get(DeskOperations.QUEUES_GET, uri);
    if (response.resource() != null && response.resource().isObject()
        && response.resource().member("items").isEmpty()) {
      return response.resource().decode(AttendanceQueue.class);
    }
    return queues(response).stream().filter(q -> q.id().equalsIgnoreCase(queueId)).findFirst()
        .orElseThrow(() -> new BlipCommandException(
            new Reason(Reason.RESOURCE_NOT_FOUND, "The requested resource was not found"), response.id(), "get",
            uri, 1));
  }

  /**
   * One queue by id, or nothing.
   *
   * @param queueId the queue id
   * @return the queue or empty
   */
  public Optional<AttendanceQueue> find(String queueId) {
    try {
      return Optional.of(get(queueId));
    } catch (BlipCommandException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Creates an active queue.
   *
   * @param name the name, not blank
   * @param priority the priority (lower is served first), 0 or more
   * @return the queue as stored (with the id Blip made from the name)
   * @throws BlipProtocolException if Blip neither returns the queue nor lists it afterwards
   */
  public AttendanceQueue create(String name, int priority) {
    Tickets.requireText("name", name);
    if (priority < 0) {
      throw new BlipValidationException("priority", "must be >= 0", "queue priority must be 0 or more");
    }
    AttendanceQueue draft = new AttendanceQueue(name, name, true, priority, null, null, null);
    Map<String, Object> wire = draft.toWire(false);
    Command response = desk.setIdempotent(DeskOperations.QUEUES_SET, "/attendance-queues", TYPE, wire);
    if (response.resource() != null && response.resource().isObject()) {
      return response.resource().decode(AttendanceQueue.class);
    }
    // no queue in the answer: read it back, for the id Blip made from the name (never guess the id)
    return list().stream().filter(q -> q.name().equals(name)).findFirst()
        .orElseThrow(() -> new BlipProtocolException("Blip accepted the queue " + name
            + " but returned no queue and does not list it"));
  }

  /**
   * Updates a queue (name, active flag, priority), identified by its id.
   *
   * @param queue the queue with its new values
   * @return the queue as stored (or as sent when the server returned nothing)
   */
  public AttendanceQueue update(AttendanceQueue queue) {
    Objects.requireNonNull(queue, "queue");
    Command response = desk.setIdempotent(DeskOperations.QUEUES_SET, "/attendance-queues", TYPE, queue.toWire(true));
    if (response.resource() != null && response.resource().isObject()) {
      return response.resource().decode(AttendanceQueue.class);
    }
    return queue;
  }

  /**
   * Deletes a queue.
   *
   * @param queueId the queue id
   */
  public void delete(String queueId) {
    Tickets.requireText("queueId", queueId);
    desk.delete(DeskOperations.QUEUES_DELETE, CommandUri.path("/attendance-queues").segment(queueId).build());
  }

  private static List<AttendanceQueue> queues(Command response) {
    return response.resource() == null ? List.of()
        : response.resource().asCollection(AttendanceQueue.class).items();
  }
}
