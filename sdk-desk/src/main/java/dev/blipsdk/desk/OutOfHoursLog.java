package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.MessageContent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Out-of-hours contacts from the inbound messages a {@link dev.blipsdk.core.webhook.WebhookReceiver} sees,
 * kept in memory: plug {@link #record(InboundMessage)} into {@code onMessage} and ask {@link #contacts()}.
 *
 * <pre>{@code
 * OutOfHoursLog log = OutOfHoursLog.builder(hours).build();              // the last 7 days
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .verifier(WebhookVerifier.staticHeader("X-Blip-Token", token))
 *     .onMessage(log::record)
 *     .build();
 * ...
 * List<OutOfHoursSend> sends = desk.outOfHours().sendActiveMessages(log.contacts(), agent, c -> template);
 * log.recordSends(sends);                                                // "active message sent" from now on
 * }</pre>
 *
 * <p><b>What it keeps.</b> Per customer, the times of their messages and whether a message said "Sim" or
 * "Não": never the text. A message is recorded at the log's clock time when it arrives (inbound webhooks
 * carry no timestamp). A customer is tracked from their first message out of hours; their later messages
 * are kept to see the answer to the callback offer. The offer itself is sent by your bot: tell the log with
 * {@link #offerSent(Identity, Instant)}, or let a button reply ("Sim"/"Não") stand for it. Entries older
 * than the window are dropped as new messages come in; at most {@link Builder#maxCustomers(int)} customers
 * are kept (the oldest go first). Messages from Desk agents ({@code @desk.msging.net}) are not customers.
 * Nothing is persisted: after a restart the log starts empty (use {@link OutOfHoursContacts} to read the
 * history instead).
 *
 * <p>Thread-safe: webhook threads may record while others read.
 */
public final class OutOfHoursLog {
  private final BusinessHours hours;
  private final Duration window;
  private final Clock clock;
  private final int maxCustomers;
  /** Guarded by itself; access order gives the oldest customer first. */
  private final LinkedHashMap<String, Entry> customers = new LinkedHashMap<>(16, 0.75f, true);

  private static final class Entry {
    final Identity customer;
    final List<OutOfHoursRules.Observation> seen = new ArrayList<>();

    Entry(Identity customer) {
      this.customer = customer;
    }
  }

  private OutOfHoursLog(Builder b) {
    this.hours = b.hours;
    this.window = b.window;
    this.clock = b.clock;
    this.maxCustomers = b.maxCustomers;
  }

  /**
   * A builder.
   *
   * @param hours the hours to judge messages by
   * @return the builder
   */
  public static Builder builder(BusinessHours hours) {
    return new Builder(Objects.requireNonNull(hours, "hours"));
  }

  static Duration checkWindow(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isZero() || window.isNegative()) {
      throw new BlipValidationException("window", "must be positive", "the window must be positive, was " + window);
    }
    return window;
  }

  /**
   * Records an inbound message (a {@code WebhookReceiver} {@code onMessage} listener).
   *
   * @param message the message
   */
  public void record(InboundMessage message) {
    Objects.requireNonNull(message, "message");
    Node from = message.from();
    if (from == null || from.domain().equalsIgnoreCase("desk.msging.net")) {
      return;
    }
    Instant now = clock.instant();
    MessageContent content = message.content();
    OutOfHoursRules.Answer answer = OutOfHoursRules.Answer.NONE;
    boolean button = false;
    if (content instanceof MessageContent.Text t) {
      answer = OutOfHoursRules.answerOf(t.text());
    } else if (content instanceof MessageContent.Reply r) {
      answer = OutOfHoursRules.answerOf(r.payload() != null ? r.payload() : r.text());
      button = true;
    }
    boolean closed = !hours.isOpen(now);
    Identity customer = from.identity();
    synchronized (customers) {
      Entry e = customers.get(customer.value());
      if (e == null) {
        if (!closed) {
          return;
        }
        e = new Entry(customer);
        customers.put(customer.value(), e);
      }
      e.seen.add(new OutOfHoursRules.Observation(now, OutOfHoursRules.Kind.INBOUND, answer, button));
      prune(now);
    }
  }

  /**
   * Records that the callback offer ({@value Escalation#UNAVAILABLE_TEMPLATE}) was sent to a customer.
   *
   * @param customer the customer
   * @param at when
   */
  public void offerSent(Identity customer, Instant at) {
    observe(customer, new OutOfHoursRules.Observation(at, OutOfHoursRules.Kind.SENT_OFFER,
        OutOfHoursRules.Answer.NONE, false));
  }

  /**
   * Records that an active message was sent to a customer.
   *
   * @param customer the customer
   * @param at when
   */
  public void activeMessageSent(Identity customer, Instant at) {
    observe(customer, new OutOfHoursRules.Observation(at, OutOfHoursRules.Kind.SENT_ACTIVE,
        OutOfHoursRules.Answer.NONE, false));
  }

  /**
   * Records the sends that went out, from {@link OutOfHoursContacts#sendActiveMessages}.
   *
   * @param sends the results
   */
  public void recordSends(List<OutOfHoursSend> sends) {
    for (OutOfHoursSend s : sends) {
      if (s.outcome() instanceof ActiveMessageOutcome.Sent sent) {
        activeMessageSent(s.contact().customer(), sent.send().sentAt());
      }
    }
  }

  private void observe(Identity customer, OutOfHoursRules.Observation o) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(o.at(), "at");
    synchronized (customers) {
      Entry e = customers.get(customer.value());
      if (e != null) {
        e.seen.add(o);
      }
    }
  }

  /**
   * The customers who wrote out of hours within the window, now (on the log's clock).
   *
   * @return the contacts, most recent first
   */
  public List<OutOfHoursContact> contacts() {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    List<Entry> snapshot = new ArrayList<>();
    synchronized (customers) {
      prune(now);
      for (Entry e : customers.values()) {
        Entry copy = new Entry(e.customer);
        copy.seen.addAll(e.seen);
        snapshot.add(copy);
      }
    }
    List<OutOfHoursContact> out = new ArrayList<>();
    for (Entry e : snapshot) {
      OutOfHoursContact c = OutOfHoursRules.compute(e.customer, e.seen, hours, since, now);
      if (c != null) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparing(OutOfHoursContact::lastContactAt).reversed());
    return List.copyOf(out);
  }

  /** Drops what is older than the window and the customers beyond the cap; holds the lock. */
  private void prune(Instant now) {
    Instant since = now.minus(window);
    for (Iterator<Map.Entry<String, Entry>> it = customers.entrySet().iterator(); it.hasNext(); ) {
      Entry e = it.next().getValue();
      e.seen.removeIf(o -> o.at().isBefore(since));
      if (e.seen.isEmpty()) {
        it.remove();
      }
    }
    Iterator<String> oldest = customers.keySet().iterator();
    while (customers.size() > maxCustomers && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  @Override
  public String toString() {
    synchronized (customers) {
      return "OutOfHoursLog{customers=" + customers.size() + ", window=" + window + "}";
    }
  }

  /** Builds an {@link OutOfHoursLog}. Not thread-safe. */
  public static final class Builder {
    private final BusinessHours hours;
    private Duration window = OutOfHoursContacts.DEFAULT_WINDOW;
    private Clock clock = Clock.systemUTC();
    private int maxCustomers = 100_000;

    private Builder(BusinessHours hours) {
      this.hours = hours;
    }

    /**
     * How far back contacts are listed (7 days by default).
     *
     * @param value a positive duration
     * @return this builder
     * @throws BlipValidationException if not positive
     */
    public Builder window(Duration value) {
      this.window = checkWindow(value);
      return this;
    }

    /**
     * The clock messages are timed by (the system UTC clock by default).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * At most this many customers are kept (100,000 by default); the least recently seen go first.
     *
     * @param value at least 1
     * @return this builder
     * @throws BlipValidationException if less than 1
     */
    public Builder maxCustomers(int value) {
      if (value < 1) {
        throw new BlipValidationException("maxCustomers", "must be >= 1", "maxCustomers must be at least 1");
      }
      this.maxCustomers = value;
      return this;
    }

    /**
     * Builds the log.
     *
     * @return the log
     */
    public OutOfHoursLog build() {
      return new OutOfHoursLog(this);
    }
  }
}
