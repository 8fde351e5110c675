package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an agent sends from Desk: who sends, which template with which variables, to whom.
 *
 * <pre>{@code
 * ActiveMessageRequest request = ActiveMessageRequest.builder()
 *     .agent(Agents.identityOf("ana@acme.com"))
 *     .template(TemplateMessage.of("order_update", "pt_BR").body("Ana", "#123"))
 *     .to(PhoneNumber.parse("+5531999998888"))   // or .to(contact)
 *     .build();                                    // refused unless Ana is Online (requireAgentOnline)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param agent the sending agent's identity
 * @param template the template message, with its variables
 * @param recipient the recipient: a phone number (resolved first) or a WhatsApp identity
 * @param definition the template's definition, to validate variable counts and media kinds against;
 *     or null to validate the message on its own
 * @param envelopeId the message id to use (for idempotent retries), or null to let the client pick one
 * @param requireAgentOnline whether to refuse, before anything else is done, when the sending agent is not
 *     {@link AgentStatus#ONLINE} (the Desk app shows its send button to Online agents only); true by default
 */
public record ActiveMessageRequest(Identity agent, TemplateMessage template, Recipient recipient,
    @Nullable Template definition, @Nullable String envelopeId, boolean requireAgentOnline) {

  /**
   * Validates.
   *
   * @throws NullPointerException if agent, template or recipient is null
   */
  public ActiveMessageRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(recipient, "recipient");
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ActiveMessageRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Identity agent;
    private @Nullable TemplateMessage template;
    private @Nullable Recipient recipient;
    private @Nullable Template definition;
    private @Nullable String envelopeId;
    private boolean requireAgentOnline = true;

    private Builder() {}

    /**
     * The sending agent.
     *
     * @param identity the agent's identity, for example {@code Agents.identityOf("ana@acme.com")}
     * @return this builder
     */
    public Builder agent(Identity identity) {
      this.agent = Objects.requireNonNull(identity, "agent");
      return this;
    }

    /**
     * The template message.
     *
     * @param message the message with its variables
     * @return this builder
     */
    public Builder template(TemplateMessage message) {
      this.template = Objects.requireNonNull(message, "template");
      return this;
    }

    /**
     * The template's definition, to validate against before anything is sent.
     *
     * @param value the definition from the template catalog
     * @return this builder
     */
    public Builder definition(Template value) {
      this.definition = Objects.requireNonNull(value, "definition");
      return this;
    }

    /**
     * Sends to a phone number, resolved to its WhatsApp identity first.
     *
     * @param phoneNumber the number
     * @return this builder
     */
    public Builder to(PhoneNumber phoneNumber) {
      this.recipient = Recipient.of(phoneNumber);
      return this;
    }

    /**
     * Sends to an existing contact.
     *
     * @param contact the contact
     * @return this builder
     */
    public Builder to(Contact contact) {
      this.recipient = Recipient.of(Objects.requireNonNull(contact, "contact").identity());
      return this;
    }

    /**
     * Sends to a WhatsApp identity.
     *
     * @param identity the identity
     * @return this builder
     */
    public Builder to(Identity identity) {
      this.recipient = Recipient.of(identity);
      return this;
    }

    /**
     * Sets the message id (for idempotent retries).
     *
     * @param id the id
     * @return this builder
     */
    public Builder envelopeId(String id) {
      this.envelopeId = Objects.requireNonNull(id, "envelopeId");
      return this;
    }

    /**
     * Whether the sending agent must be {@link AgentStatus#ONLINE} (default {@code true}). The Desk app
     * shows the "Active message" button only to an Online agent; with this on, the SDK applies the same
     * rule: it reads the agent's status first ({@code get /attendants}, one command per 100 agents of the
     * bot) and returns {@link ActiveMessageOutcome.AgentNotOnline} without resolving the number or sending
     * anything when the agent is not Online, or is not an agent of this bot at all. Turn it off when a
     * program sends on an agent's behalf whatever their status, accepting that the answer then waits in
     * the queue for that agent only until they come online; or when the bot key cannot read
     * {@code /attendants} (a router key).
     *
     * @param required true to refuse unless the agent is Online
     * @return this builder
     */
    public Builder requireAgentOnline(boolean required) {
      this.requireAgentOnline = required;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if agent, template or recipient is missing
     */
    public ActiveMessageRequest build() {
      if (agent == null || template == null || recipient == null) {
        throw new IllegalStateException("an active message needs an agent, a template and a recipient (missing: "
            + (agent == null ? "agent " : "") + (template == null ? "template " : "")
            + (recipient == null ? "recipient" : "").trim() + ")");
      }
      return new ActiveMessageRequest(agent, template, recipient, definition, envelopeId, requireAgentOnline);
    }
  }
}
