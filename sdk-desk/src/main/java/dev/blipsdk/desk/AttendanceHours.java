package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.AttendanceHourItem;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.DeskCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Desk attendance hours ({@code /attendance-hour}, {@code /attendance-hour-container/{id}}), and the
 * escalation decision built on them.
 *
 * <pre>{@code
 * AttendanceHours hours = desk.attendanceHours();
 * BusinessHours sales = hours.forQueue("Sales").orElse(null);   // the queue's own rule, else the main one
 * Escalation next = hours.decide(customer, "Sales");             // transfer now, or closed until X
 * }</pre>
 *
 * <p><b>UNCONFIRMED</b> (API doc §5.8): these resources are not in Blip's public docs; they are what the
 * Desk portal calls. Whether a bot key may write them ({@link #save}, {@link #delete}) is not known. Blip has
 * no "is it open now?" resource: the SDK computes it from the rules.
 *
 * <p>Immutable and thread-safe.
 */
public final class AttendanceHours {
  /** The MIME type of an attendance-hour rule. */
  public static final String TYPE = "application/vnd.iris.desk.attendance-hour-container+json";

  private final DeskCommands desk;
  private final Clock clock;

  AttendanceHours(DeskCommands desk, Clock clock) {
    this.desk = desk;
    this.clock = clock;
  }

  /**
   * The headers of the bot's rules ({@code get /attendance-hour?$skip=0&$take=999}).
   *
   * @return the headers
   */
  public List<AttendanceHourContainer.Header> list() {
    return DocumentItems.of(desk.get(DeskOperations.ATTENDANCE_HOURS_LIST, "/attendance-hour?$skip=0&$take=999"),
        AttendanceHours::header);
  }

  /** A list item is a header, or (tolerated) a whole container, whose header is its {@code attendanceHour}. */
  static AttendanceHourContainer.Header header(JsonDocument item) {
    AttendanceHourContainer.Header inRule = item.decode(AttendanceHourItem.class).attendanceHour();
    return inRule != null ? inRule : item.decode(AttendanceHourContainer.Header.class);
  }

  /**
   * One rule, complete ({@code get /attendance-hour-container/{id}}).
   *
   * @param id the rule id
   * @return the rule
   * @throws BlipCommandException if it does not exist ({@link BlipCommandException#isNotFound()})
   */
  public AttendanceHourContainer get(String id) {
    Tickets.requireText("id", id);
    Command response = desk.get(DeskOperations.ATTENDANCE_HOURS_GET, CommandUri.path("/attendance-hour-container").segment(id).build());
    if (response.resource() == null || !response.resource().isObject()) {
      throw new BlipProtocolException("attendance hours " + id + ": the answer holds no rule");
    }
    return read(response.resource());
  }

  /** The rule through the public decoder, which fills the {@code raw} of the rule and of each part. */
  static AttendanceHourContainer read(JsonDocument doc) {
    return doc.decode(AttendanceHourContainer.class);
  }

  /**
   * Every rule, complete: one command for the list and one per rule.
   *
   * @return the rules
   */
  public List<AttendanceHourContainer> all() {
    List<AttendanceHourContainer> out = new ArrayList<>();
    for (AttendanceHourContainer.Header h : list()) {
      if (h.id() != null) {
        out.add(get(h.id()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The hours of every rule, with their queue overrides.
   *
   * @return the hours by queue
   * @throws BlipProtocolException if a rule cannot be read (unknown time zone, malformed item)
   */
  public QueueHours byQueue() {
    BusinessHours main = null;
    Map<String, BusinessHours> byQueue = new LinkedHashMap<>();
    for (AttendanceHourContainer c : all()) {
      BusinessHours hours = c.businessHours();
      if (c.isMain()) {
        main = hours;
      }
      for (AttendanceHourContainer.Ref q : c.queues()) {
        if (q.id() != null) {
          byQueue.putIfAbsent(q.id(), hours);
        }
        if (q.description() != null) {
          byQueue.putIfAbsent(q.description(), hours);
        }
      }
    }
    return new QueueHours(main, byQueue);
  }

  /**
   * The hours that apply to a queue: its own rule when Desk has one, else the main rule.
   *
   * @param queue the queue's unique id or name
   * @return the hours, or empty when Desk has no rule (no restriction)
   */
  public Optional<BusinessHours> forQueue(String queue) {
    Tickets.requireText("queue", queue);
    return byQueue().forQueue(queue);
  }

  /**
   * The escalation decision now (on the client's clock), from the hours that apply to the queue. With no
   * rule in Desk there is no restriction: transfer now.
   *
   * @param customer the customer asking for a human
   * @param queue the queue to transfer to
   * @return transfer now, or closed until the next opening
   */
  public Escalation decide(Identity customer, String queue) {
    Objects.requireNonNull(customer, "customer");
    Optional<BusinessHours> hours = forQueue(queue);
    if (hours.isEmpty()) {
      return new Escalation.TransferNow(customer, queue);
    }
    return Escalation.decide(customer, queue, hours.get(), clock.instant());
  }

  /**
   * Creates or replaces a rule ({@code set /attendance-hour}); a rule without an id is created. What the SDK does
   * not model, in the rule or in any of its parts, is written back as it was read.
   *
   * @param rule the rule
   * @return the rule as stored when Desk returns it, else as sent
   */
  public AttendanceHourContainer save(AttendanceHourContainer rule) {
    Objects.requireNonNull(rule, "rule");
    Command response = desk.set(DeskOperations.ATTENDANCE_HOURS_SET, "/attendance-hour", TYPE, rule);
    if (response.resource() != null && response.resource().isObject()) {
      return read(response.resource());
    }
    return rule;
  }

  /**
   * Deletes a rule ({@code delete /attendance-hour/{id}}).
   *
   * @param id the rule id
   */
  public void delete(String id) {
    Tickets.requireText("id", id);
    desk.delete(DeskOperations.ATTENDANCE_HOURS_DELETE, CommandUri.path("/attendance-hour").segment(id).build());
  }
}
