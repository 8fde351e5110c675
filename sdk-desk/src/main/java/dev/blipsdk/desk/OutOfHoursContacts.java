package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.DeskTransport;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The customers who wrote while attendance was closed, read from the bot's thread history, and one call to
 * send each of them an active message from an agent (Blip Go Personal's "Contatos fora do horário").
 *
 * <pre>{@code
 * BusinessHours hours = desk.attendanceHours().forQueue("Sales").orElseThrow();
 * List<OutOfHoursContact> waiting = desk.outOfHours().list(hours);          // the last 7 days
 * List<OutOfHoursSend> sent = desk.outOfHours().sendActiveMessages(waiting, agent,
 *     contact -> TemplateMessage.of("retorno_atendimento", "pt_BR"));
 * }</pre>
 *
 * <p>For customers seen through webhooks instead of history, use {@link OutOfHoursLog}.
 *
 * <p><b>How the history is read.</b> {@code get /threads} pages the bot's conversations, newest first
 * (API doc §7, 100 per page), until a conversation's last message is older than the window; each
 * conversation in the window is read with {@code get /threads/{identity}}, 100 messages a page, older pages
 * by the {@code storageDate} + {@code direction=desc} cursor, until the window's start. Blip keeps about three
 * months of history. A message counts as out of hours when {@link BusinessHours#isOpen(Instant)} is false at
 * its {@code date}. The callback offer is a sent template named {@value Escalation#UNAVAILABLE_TEMPLATE};
 * the answer is the customer's next "Sim" or "Não". An active message is any other template sent after the
 * customer's last out-of-hours message. At most {@value #MAX_THREAD_PAGES} pages of conversations and
 * {@value #MAX_MESSAGE_PAGES} pages of messages per conversation are read.
 *
 * <p>Immutable and thread-safe.
 */
public final class OutOfHoursContacts {
  /** The window Go Personal lists by default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
  /** At most this many pages of 100 conversations are read. */
  public static final int MAX_THREAD_PAGES = 50;
  /** At most this many pages of 100 messages are read per conversation. */
  public static final int MAX_MESSAGE_PAGES = 20;
  private static final int PAGE = 100;

  private final DeskTransport msging;
  private final DeskActiveMessages activeMessages;
  private final Clock clock;

  OutOfHoursContacts(DeskTransport msging, DeskActiveMessages activeMessages, Clock clock) {
    this.msging = msging;
    this.activeMessages = activeMessages;
    this.clock = clock;
  }

  /**
   * A conversation of the bot ({@code application/vnd.iris.thread+json}), as {@code get /threads} lists it.
   *
   * @param identity the customer
   * @param lastMessage the last message, or null
   * @param unreadMessages how many are unread
   * @param raw the whole document as Blip sent it
   */
  public record Thread(@Nullable String identity, @Nullable ThreadMessage lastMessage, long unreadMessages,
      JsonDocument raw) {
    /** A missing {@code raw} becomes the modelled fields. */
    public Thread {
      if (raw == null) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (identity != null) {
          m.put("identity", identity);
        }
        m.put("unreadMessages", unreadMessages);
        raw = JsonDocument.of(m);
      }
    }

    @Override
    public String toString() {
      return "Thread{unread=" + unreadMessages + "}";
    }
  }

  /**
   * A message of a conversation ({@code application/vnd.iris.thread-message+json}).
   *
   * @param id the message id
   * @param direction {@code sent} or {@code received}
   * @param type the content's MIME type
   * @param content the content as sent
   * @param date when it was stored
   * @param status its last event
   * @param metadata its metadata
   * @param raw the whole document as Blip sent it
   */
  public record ThreadMessage(@Nullable String id, @Nullable String direction, @Nullable String type,
      @Nullable JsonDocument content, @Nullable Instant date, @Nullable String status, Map<String, String> metadata,
      JsonDocument raw) {
    /** Copies the metadata; a missing {@code raw} becomes the modelled fields. */
    public ThreadMessage {
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
      if (raw == null) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
          m.put("id", id);
        }
        if (direction != null) {
          m.put("direction", direction);
        }
        if (type != null) {
          m.put("type", type);
        }
        if (content != null) {
          m.put("content", content);
        }
        if (date != null) {
          m.put("date", date.toString());
        }
        raw = JsonDocument.of(m);
      }
    }

    /** Id, direction, type and date; never the content. */
    @Override
    public String toString() {
      return "ThreadMessage{id=" + id + ", direction=" + direction + ", type=" + type + ", date=" + date + "}";
    }
  }

  /**
   * The customers who wrote out of hours in the last seven days ({@link #DEFAULT_WINDOW}), on the client's
   * clock.
   *
   * @param hours the hours to judge by
   * @return the contacts, most recent first
   */
  public List<OutOfHoursContact> list(BusinessHours hours) {
    return list(hours, DEFAULT_WINDOW);
  }

  /**
   * The customers who wrote out of hours in a window ending now (on the client's clock).
   *
   * @param hours the hours to judge by
   * @param window how far back, positive
   * @return the contacts, most recent first
   * @throws dev.blipsdk.core.exception.BlipValidationException if the window is not positive
   */
  public List<OutOfHoursContact> list(BusinessHours hours, Duration window) {
    Objects.requireNonNull(hours, "hours");
    Instant now = clock.instant();
    Instant since = now.minus(OutOfHoursLog.checkWindow(window));
    List<OutOfHoursContact> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    threads:
    for (int page = 0; page < MAX_THREAD_PAGES; page++) {
      Command response = msging.get(DeskOperations.OUT_OF_HOURS_THREADS, "/threads?$skip=" + (page * PAGE) + "&$take=" + PAGE);
      List<Thread> threads = threads(response);
      for (Thread t : threads) {
        Instant last = t.lastMessage() == null ? null : t.lastMessage().date();
        if (t.identity() == null || !seen.add(t.identity())) {
          continue;
        }
        if (last != null && last.isBefore(since)) {
          break threads;
        }
        OutOfHoursContact c = contactOf(Identity.parse(t.identity()), hours, since, now);
        if (c != null) {
          out.add(c);
        }
      }
      if (threads.size() < PAGE) {
        break;
      }
    }
    out.sort(Comparator.comparing(OutOfHoursContact::lastContactAt).reversed());
    return List.copyOf(out);
  }

  private @Nullable OutOfHoursContact contactOf(Identity customer, BusinessHours hours, Instant since, Instant now) {
    List<OutOfHoursRules.Observation> seen = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_MESSAGE_PAGES; page++) {
      CommandUri uri = CommandUri.path("/threads").segment(customer.value()).query("$take", PAGE);
      if (cursor != null) {
        uri.query("storageDate", cursor).query("direction", "desc");
      }
      List<ThreadMessage> messages = messages(msging.get(DeskOperations.OUT_OF_HOURS_MESSAGES, uri.build()));
      Instant oldest = null;
      for (ThreadMessage m : messages) {
        if (m.id() != null && !ids.add(m.id())) {
          continue;
        }
        if (m.date() == null) {
          continue;
        }
        if (oldest == null || m.date().isBefore(oldest)) {
          oldest = m.date();
        }
        OutOfHoursRules.Observation o = observe(m);
        if (o != null) {
          seen.add(o);
        }
      }
      if (messages.size() < PAGE || oldest == null || oldest.isBefore(since)) {
        break;
      }
      cursor = DateTimeFormatter.ISO_INSTANT.format(oldest);
    }
    return OutOfHoursRules.compute(customer, seen, hours, since, now);
  }

  private static OutOfHoursRules.@Nullable Observation observe(ThreadMessage m) {
    Instant at = Objects.requireNonNull(m.date());
    String direction = m.direction() == null ? "" : m.direction();
    if (direction.equalsIgnoreCase("received")) {
      String text = m.content() != null && m.content().isString() ? m.content().asString() : null;
      return new OutOfHoursRules.Observation(at, OutOfHoursRules.Kind.INBOUND, OutOfHoursRules.answerOf(text), false);
    }
    if (direction.equalsIgnoreCase("sent") && m.content() != null && m.content().isObject()) {
      String template = templateName(m.content());
      if (template != null) {
        OutOfHoursRules.Kind kind = template.equals(Escalation.UNAVAILABLE_TEMPLATE)
            ? OutOfHoursRules.Kind.SENT_OFFER : OutOfHoursRules.Kind.SENT_ACTIVE;
        return new OutOfHoursRules.Observation(at, kind, OutOfHoursRules.Answer.NONE, false);
      }
    }
    return null;
  }

  /** The name of a template message's content ({@code {"type":"template","template":{"name":..}}}). */
  private static @Nullable String templateName(JsonDocument content) {
    TemplateContent c = content.decode(TemplateContent.class);
    if (c.type() == null || !c.type().equalsIgnoreCase("template") || c.template() == null) {
      return null;
    }
    return c.template().name();
  }

  /**
   * The part of a template message's content read here.
   *
   * @param type {@code template}
   * @param template the template
   */
  public record TemplateContent(@Nullable String type, @Nullable TemplateName template) {}

  /**
   * A template's name.
   *
   * @param name the name
   */
  public record TemplateName(@Nullable String name) {}

  private static List<Thread> threads(Command response) {
    return DocumentItems.of(response, item -> {
      Thread t = item.decode(Thread.class);
      return new Thread(t.identity(), t.lastMessage(), t.unreadMessages(), item);
    });
  }

  private static List<ThreadMessage> messages(Command response) {
    return DocumentItems.of(response, item -> {
      ThreadMessage m = item.decode(ThreadMessage.class);
      return new ThreadMessage(m.id(), m.direction(), m.type(), m.content(), m.date(), m.status(), m.metadata(),
          item);
    });
  }

  /**
   * Sends each contact an active message from an agent, through the Desk active-message flow
   * ({@link DeskActiveMessages#send}): the agent must be Online, and a customer with an open ticket is
   * refused, exactly as one send would be. Contacts already sent an active message since they wrote are
   * skipped. Every template is made and validated before the first send, so a bad template sends nothing; a
   * call that fails for one contact is reported in its result and the others still go.
   *
   * @param contacts the contacts, for example from {@link #list(BusinessHours)}
   * @param agent the sending agent
   * @param templateFor the template message for a contact
   * @return one result per contact, in order
   * @throws dev.blipsdk.core.exception.BlipValidationException if a template breaks a rule (nothing is sent)
   */
  public List<OutOfHoursSend> sendActiveMessages(List<OutOfHoursContact> contacts, Identity agent,
      Function<OutOfHoursContact, TemplateMessage> templateFor) {
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(templateFor, "templateFor");
    List<ActiveMessageRequest> requests = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      OutOfHoursContact c = Objects.requireNonNull(contacts.get(i), "contacts[" + i + "]");
      if (c.activeMessageSent()) {
        requests.add(null);
        continue;
      }
      TemplateMessage t = Objects.requireNonNull(templateFor.apply(c), "templateFor returned null");
      t.validate();
      requests.add(ActiveMessageRequest.builder().agent(agent).template(t).to(c.customer()).build());
    }
    List<OutOfHoursSend> out = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      ActiveMessageRequest r = requests.get(i);
      if (r == null) {
        out.add(new OutOfHoursSend(contacts.get(i), null, null));
        continue;
      }
      try {
        out.add(new OutOfHoursSend(contacts.get(i), activeMessages.send(r), null));
      } catch (BlipException e) {
        out.add(new OutOfHoursSend(contacts.get(i), null, e));
      }
    }
    return List.copyOf(out);
  }
}
