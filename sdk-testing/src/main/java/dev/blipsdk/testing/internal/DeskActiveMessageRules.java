package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Desk active-message rules (API doc §5.7; the routing of the reply is UNCONFIRMED, this is the emulator's
 * assumption). A template message carrying metadata {@value #AGENT_METADATA} is an agent-sent active message:
 * <ul>
 *   <li>if the customer has an open ticket (Waiting, Open or Assigned) it is not delivered: it fails with
 *       {@link #OPEN_TICKET_CODE} and {@link #OPEN_TICKET_DESCRIPTION};</li>
 *   <li>otherwise the send is recorded; a customer reply within the window (default 24 h) opens a ticket for that
 *       agent, {@code team: "DIRECT_TRANSFER"}, status {@code Open} when the agent is Online, else {@code Waiting}
 *       for that agent only, until they come Online ({@link BotState#agentStatusChanged});</li>
 *   <li>a reply after the window opens a normal {@code Waiting} ticket in the default queue.</li>
 * </ul>
 * All methods are called with the bot locked.
 */
public final class DeskActiveMessageRules {
  /** The metadata key marking an agent-sent active message; its value is the agent identity. */
  public static final String AGENT_METADATA = "#desk.agentIdentity";
  /** The team of a ticket routed straight to an agent. */
  public static final String DIRECT_TRANSFER = "DIRECT_TRANSFER";
  public static final int OPEN_TICKET_CODE = 66;
  public static final String OPEN_TICKET_DESCRIPTION =
      "The customer has an open ticket; the active message was not sent";

  private DeskActiveMessageRules() {}

  static @Nullable Map<String, Object> checkSend(BotState bot, String customer) {
    if (bot.openTicketOf(customer) != null) {
      return Json.obj("code", (long) OPEN_TICKET_CODE, "description", OPEN_TICKET_DESCRIPTION);
    }
    return null;
  }

  static void recordSend(BotState bot, String customer, String agent, String messageId, Instant at) {
    bot.activeSends.put(customer.toLowerCase(java.util.Locale.ROOT),
        new BotState.ActiveSend(customer, agent, messageId, at));
  }

  static void onCustomerMessage(BotState bot, String customer, Instant now, ServerConfig config) {
    Map<String, Object> open = bot.openTicketOf(customer);
    if (open != null) {
      Object unread = open.get("unreadMessages");
      open.put("unreadMessages", (unread instanceof Number ? ((Number) unread).longValue() : 0L) + 1);
      return;
    }
    BotState.ActiveSend send = bot.activeSends.remove(customer.toLowerCase(java.util.Locale.ROOT));
    if (send == null) {
      return;
    }
    if (!send.sentAt().plus(config.activeMessageWindow()).isBefore(now)) {
      String status = bot.agentOnline(send.agentIdentity()) ? "Open" : "Waiting";
      bot.newTicket(customer, DIRECT_TRANSFER, send.agentIdentity(), status, now);
    } else {
      bot.newTicket(customer, config.defaultQueue(), null, "Waiting", now);
    }
  }
}
