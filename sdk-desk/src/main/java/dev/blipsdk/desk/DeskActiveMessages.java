package dev.blipsdk.desk;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.DeskTransport;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.Resolution;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active messages sent from Desk, the way an agent sends them from the Desk app (seeds 000, 003, 004):
 * one call resolves the recipient, refuses when the customer already has an open ticket, sends the
 * template marked so that the answer goes to the sending agent, and returns a handle to follow it.
 *
 * <pre>{@code
 * ActiveMessageOutcome outcome = desk.activeMessages().send(ActiveMessageRequest.builder()
 *     .agent(Agents.identityOf("ana@acme.com"))
 *     .template(TemplateMessage.of("order_update", "pt_BR").body("Ana", "#123"))
 *     .to(PhoneNumber.parse("+5531999998888"))
 *     .build());
 * if (outcome instanceof ActiveMessageOutcome.Sent sent) {
 *   ActiveMessageStatus s = desk.activeMessages().status(sent.send());
 *   show(s.describe());   // "delivered", later "answered: ticket 42, in progress"
 * }
 * }</pre>
 *
 * <p><b>Rules it follows.</b> Only an Online agent may send (the Desk app shows the button to Online
 * agents only): the SDK checks the agent's status first and returns
 * {@link ActiveMessageOutcome.AgentNotOnline} otherwise, unless the request turns the check off with
 * {@link ActiveMessageRequest.Builder#requireAgentOnline(boolean)}. A customer with an open ticket (waiting or in service) would not receive
 * the message, so the SDK checks first and returns {@link ActiveMessageOutcome.RefusedOpenTicket} naming
 * the ticket. When the customer answers within the direct routing window (24 h by default), the ticket
 * opens for the sending agent (or waits in the queue for that agent only, when they are offline,
 * invisible or paused); after the window the routing lapses and the normal queue rules apply. How the
 * reply is routed is chosen by {@link ActiveMessageRouting} (default {@link ActiveMessageRouting#AGENT_METADATA}).
 *
 * <p><b>No "Sent" list from the platform.</b> Blip's public API has no way to list the active messages an
 * agent sent, and this SDK persists nothing: keep the {@link ActiveMessageSend} handles you get (they are
 * plain values you can store) and pass them to {@link #sentBy(Identity, Collection)}, which shows the ones
 * still visible (window plus 48 h) with their current status.
 *
 * <p>Thread-safe. The delivery statuses of the sends it follows are kept in a bounded in-memory
 * {@link StatusTracker}; a handle not seen before (for example after a restart) is simply tracked again.
 */
public final class DeskActiveMessages {
  /** The message metadata key that marks an agent's active message; its value is the agent identity. */
  public static final String AGENT_METADATA = "#desk.agentIdentity";
  /** How long after the send the answer is routed to the sending agent, by default. */
  public static final Duration DEFAULT_DIRECT_ROUTING_WINDOW = Duration.ofHours(24);
  /** How long after the window the Desk app keeps showing a send. */
  public static final Duration DEFAULT_VISIBILITY_AFTER_EXPIRY = Duration.ofHours(48);

  private static final Logger LOG = LoggerFactory.getLogger(DeskActiveMessages.class);

  private final Tickets tickets;
  private final Agents agents;
  private final WhatsAppClient whatsApp;
  private final StatusTracker tracker;
  private final Clock clock;
  private final ActiveMessageRouting routing;
  private final @Nullable Identity serviceBot;
  private final Duration window;
  private final Duration visibility;

  DeskActiveMessages(Tickets tickets, Agents agents, WhatsAppClient whatsApp, Clock clock, ActiveMessageRouting routing,
      @Nullable Identity serviceBot, Duration window, Duration visibility) {
    this.tickets = tickets;
    this.agents = agents;
    this.whatsApp = whatsApp;
    this.clock = clock;
    this.routing = routing;
    this.serviceBot = serviceBot;
    this.window = window;
    this.visibility = visibility;
    this.tracker = StatusTracker.builder(whatsApp).expiryWindow(window).build();
  }

  /**
   * The routing mechanism in use.
   *
   * @return the routing
   */
  public ActiveMessageRouting routing() {
    return routing;
  }

  /**
   * Sends a Desk active message, in the order the Desk app does it: validates the template (nothing is
   * sent if it breaks a rule), checks that the agent is Online (unless the request turns that off),
   * resolves the recipient, refuses when the customer has an open ticket, arranges the routing of the
   * answer to the agent, and sends. A refusal leaves nothing behind on the platform.
   *
   * @param request who sends what to whom
   * @return {@link ActiveMessageOutcome.Sent} with the handle, or why nothing was sent
   *     ({@link ActiveMessageOutcome.AgentNotOnline}, {@link ActiveMessageOutcome.NotOnWhatsApp},
   *     {@link ActiveMessageOutcome.RefusedOpenTicket})
   * @throws dev.blipsdk.core.exception.BlipValidationException if the template breaks a rule
   * @throws dev.blipsdk.core.exception.BlipException if a call to Blip failed (if the failure came after
   *     the routing context was set, that context is harmless: it only says which bot answers)
   */
  public ActiveMessageOutcome send(ActiveMessageRequest request) {
    Objects.requireNonNull(request, "request");
    request.template().validate(request.definition());

    if (request.requireAgentOnline()) {
      Optional<AgentStatus> status = agents.status(request.agent());
      if (status.isEmpty() || status.get() != AgentStatus.ONLINE) {
        LOG.debug("active message not sent: agent {} is {}", request.agent(),
            status.map(AgentStatus::wireValue).orElse("not an agent of this bot"));
        return new ActiveMessageOutcome.AgentNotOnline(request.agent(), status.orElse(null));
      }
    }

    Identity customer;
    Recipient to = request.recipient();
    if (to instanceof Recipient.Account account) {
      customer = account.identity();
    } else {
      Resolution r = whatsApp.resolve(((Recipient.Phone) to).phoneNumber());
      if (r instanceof Resolution.NotOnWhatsApp no) {
        return new ActiveMessageOutcome.NotOnWhatsApp(no);
      }
      customer = ((Resolution.Found) r).account();
    }

    Optional<Ticket> open = tickets.openTicketOf(customer);
    if (open.isPresent()) {
      LOG.debug("active message not sent: customer has open ticket {}", open.get().id());
      return new ActiveMessageOutcome.RefusedOpenTicket(open.get());
    }

    BlipClient sender = whatsApp.blip();
    if (routing == ActiveMessageRouting.MASTER_STATE) {
      Identity bot = Objects.requireNonNull(serviceBot, "serviceBot");
      // The routing lasts as long as the direct routing of the reply (24 h by default), then normal rules apply.
      String uri = CommandUri.path("/contexts").segment(customer.value()).encodedSegment("Master-State")
          .query("expiration", window.toMillis()).build();
      sender.execute(Command.set(uri, MediaTypes.TEXT_PLAIN, JsonDocument.text(bot.value()))
          .to(DeskTransport.MSGING).build(), RequestOptions.builder().operation(DeskOperations.ACTIVE_MESSAGE_ROUTE)
          .build());
    }

    Message message = request.template().toMessage(customer)
        .withMetadata(Map.of(AGENT_METADATA, request.agent().value()));
    if (request.envelopeId() != null) {
      message = message.withId(request.envelopeId());
    }
    Message sent = sender.sendMessage(message,
        RequestOptions.builder().operation(DeskOperations.ACTIVE_MESSAGE_SEND).build());
    ActiveMessageSend handle = new ActiveMessageSend(Objects.requireNonNull(sent.id()), request.agent(), customer,
        clock.instant());
    tracker.track(handle.messageId(), customer, handle.sentAt());
    return new ActiveMessageOutcome.Sent(handle);
  }

  /**
   * Where a send stands now: its delivery status (polled from its notifications, kept by Blip 3 days),
   * and whether the answer opened a ticket for the agent (a ticket of the customer with that agent,
   * created after the send and within the window). EXPIRED is computed on the client's clock.
   *
   * @param send the handle
   * @return the status
   * @throws dev.blipsdk.core.exception.BlipException if a call to Blip failed
   */
  public ActiveMessageStatus status(ActiveMessageSend send) {
    Objects.requireNonNull(send, "send");
    Instant now = clock.instant();
    Instant expiresAt = send.sentAt().plus(window);
    Instant visibleUntil = expiresAt.plus(visibility);
    tracker.track(send.messageId(), send.recipient(), send.sentAt());
    StatusReport report = tracker.poll(send.messageId());
    Ticket ticket = answerTicket(send, expiresAt);
    ActiveMessageState state;
    if (ticket != null) {
      tracker.markAnswered(send.messageId());
      if (ticket.closed() || ticket.status().isClosed()) {
        state = ActiveMessageState.TICKET_CLOSED;
      } else if (ticket.status() == TicketStatus.WAITING) {
        state = ActiveMessageState.WAITING_FOR_AGENT;
      } else {
        state = ActiveMessageState.IN_PROGRESS;
      }
    } else if (report.deliveryStatus() == MessageStatus.FAILED) {
      state = ActiveMessageState.FAILED;
    } else if (!now.isBefore(expiresAt)) {
      state = ActiveMessageState.EXPIRED;
    } else {
      state = switch (report.deliveryStatus()) {
        case SENT -> ActiveMessageState.SENT;
        case DELIVERED -> ActiveMessageState.DELIVERED;
        case READ -> ActiveMessageState.READ;
        default -> ActiveMessageState.SENDING;
      };
    }
    return new ActiveMessageStatus(send, state, report.deliveryStatus(), report.failure(), ticket, expiresAt,
        visibleUntil, now);
  }

  private @Nullable Ticket answerTicket(ActiveMessageSend send, Instant expiresAt) {
    TicketQuery open = TicketQuery.builder().customer(send.recipient()).agent(send.agent())
        .createdFrom(send.sentAt()).build();
    Ticket found = firstWithin(tickets.list(open).limit(Tickets.MAX_TAKE), expiresAt);
    if (found != null) {
      return found;
    }
    TicketQuery closed = TicketQuery.builder().customer(send.recipient()).agent(send.agent())
        .createdFrom(send.sentAt()).closed().build();
    return firstWithin(tickets.list(closed).limit(Tickets.MAX_TAKE), expiresAt);
  }

  private static @Nullable Ticket firstWithin(Iterable<Ticket> candidates, Instant expiresAt) {
    Ticket best = null;
    for (Ticket t : candidates) {
      Instant created = t.storageDate();
      if (created != null && created.isAfter(expiresAt)) {
        continue;
      }
      if (best == null || (created != null && best.storageDate() != null && created.isBefore(best.storageDate()))) {
        best = t;
      }
    }
    return best;
  }

  /**
   * The "Sent" list of an agent: of the handles given, those sent by that agent that the Desk app would
   * still show (sent within the window plus 48 h), newest first, each with its current status. Blip's
   * public API offers no way to list an agent's sends, so this is not a query of the platform: the SDK
   * filters the handles the caller kept (a send whose handle was not kept cannot be listed), then reads
   * each visible one with {@link #status(ActiveMessageSend)}, which costs two or three commands per send
   * (its notifications, the agent's open tickets of that customer and, when none, the closed ones).
   *
   * @param agent the agent
   * @param kept the handles the caller kept (any agent's; others are skipped)
   * @return the visible sends with their status
   */
  public List<ActiveMessageStatus> sentBy(Identity agent, Collection<ActiveMessageSend> kept) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(kept, "kept");
    Instant now = clock.instant();
    Instant oldest = now.minus(window).minus(visibility);
    List<ActiveMessageSend> mine = new ArrayList<>();
    for (ActiveMessageSend s : kept) {
      if (s.agent().value().equalsIgnoreCase(agent.value()) && s.sentAt().isAfter(oldest)) {
        mine.add(s);
      }
    }
    mine.sort(Comparator.comparing(ActiveMessageSend::sentAt).reversed());
    List<ActiveMessageStatus> out = new ArrayList<>(mine.size());
    for (ActiveMessageSend s : mine) {
      out.add(status(s));
    }
    return List.copyOf(out);
  }
}
