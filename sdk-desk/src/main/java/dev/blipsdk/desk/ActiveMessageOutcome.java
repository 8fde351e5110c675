package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.Resolution;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DeskActiveMessages#send(ActiveMessageRequest)} did: sent it, or refused before sending
 * anything and said why.
 *
 * <pre>{@code
 * switch (desk.activeMessages().send(request)) {
 *   case ActiveMessageOutcome.Sent sent -> keep(sent.send());
 *   case ActiveMessageOutcome.RefusedOpenTicket r -> tell("customer already in ticket " + r.ticket().displayNumber());
 *   case ActiveMessageOutcome.NotOnWhatsApp n -> tell("not on WhatsApp");
 *   case ActiveMessageOutcome.AgentNotOnline a -> tell("go Online to send (you are " + a.status() + ")");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ActiveMessageOutcome {

  /**
   * Whether the message went out.
   *
   * @return true for {@link Sent}
   */
  default boolean isSent() {
    return this instanceof Sent;
  }

  /**
   * The template went out; follow it with {@link DeskActiveMessages#status(ActiveMessageSend)}.
   *
   * @param send the handle
   */
  record Sent(ActiveMessageSend send) implements ActiveMessageOutcome {
    /**
     * Validates.
     *
     * @throws NullPointerException if send is null
     */
    public Sent {
      Objects.requireNonNull(send, "send");
    }
  }

  /**
   * Nothing was sent: the customer already has an open ticket (waiting or in service), and Blip would
   * not deliver the active message.
   *
   * @param ticket the customer's open ticket
   */
  record RefusedOpenTicket(Ticket ticket) implements ActiveMessageOutcome {
    /**
     * Validates.
     *
     * @throws NullPointerException if ticket is null
     */
    public RefusedOpenTicket {
      Objects.requireNonNull(ticket, "ticket");
    }
  }

  /**
   * Nothing was sent: the phone number has no WhatsApp account.
   *
   * @param resolution what the accounts lookup said
   */
  record NotOnWhatsApp(Resolution.NotOnWhatsApp resolution) implements ActiveMessageOutcome {
    /**
     * Validates.
     *
     * @throws NullPointerException if resolution is null
     */
    public NotOnWhatsApp {
      Objects.requireNonNull(resolution, "resolution");
    }
  }

  /**
   * Nothing was done: the sending agent is not Online (or is not an agent of this bot), and the Desk app
   * lets only Online agents send active messages. See
   * {@link ActiveMessageRequest.Builder#requireAgentOnline(boolean)}.
   *
   * @param agent the sending agent
   * @param status the agent's status ({@link AgentStatus#OFFLINE}, {@link AgentStatus#PAUSE},
   *     {@link AgentStatus#INVISIBLE} or {@link AgentStatus#UNKNOWN}), or null when the bot has no such agent
   */
  record AgentNotOnline(Identity agent, @Nullable AgentStatus status) implements ActiveMessageOutcome {
    /**
     * Validates.
     *
     * @throws NullPointerException if agent is null
     */
    public AgentNotOnline {
      Objects.requireNonNull(agent, "agent");
    }

    /**
     * Whether the agent is known to the bot at all.
     *
     * @return false when the bot has no agent with that identity
     */
    public boolean isAgentOfTheBot() {
      return status != null;
    }
  }
}
