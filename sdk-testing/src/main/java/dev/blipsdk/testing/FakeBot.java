package dev.blipsdk.testing;

import dev.blipsdk.testing.internal.BotState;
import dev.blipsdk.testing.internal.DeskTeamHandlerAccess;
import dev.blipsdk.testing.internal.Json;
import dev.blipsdk.testing.internal.MessagePipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One bot of a {@link FakeBlip}: its credentials, the data seeded into it and the state it holds. Resources are per
 * bot, as on Blip (a router and its service bots do not see each other's contacts or tickets). Get it from
 * {@link FakeBlip#bot()} or {@link FakeBlip#bot(String)}.
 *
 * <p>Everything returned is a snapshot copy: JSON trees as {@code Map}/{@code List}/{@code String}/{@code Long}/
 * {@code Boolean}. Thread-safe: every method may be called while clients talk to the server.
 */
public final class FakeBot {
  private final BotState state;
  private final MessagePipeline pipeline;
  private final FakeClock clock;

  FakeBot(BotState state, MessagePipeline pipeline, FakeClock clock) {
    this.state = state;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /**
   * The bot identifier (the part before {@code @msging.net}).
   *
   * @return the identifier
   */
  public String identifier() {
    return state.identifier;
  }

  /**
   * The bot's access key.
   *
   * @return the access key
   */
  public String accessKey() {
    return state.accessKey;
  }

  /**
   * The bot identity, {@code identifier@msging.net}.
   *
   * @return the identity
   */
  public String identity() {
    return state.identity();
  }

  /**
   * The value of the {@code Authorization} header: {@code Key base64(identifier:accessKey)}.
   *
   * @return the header value
   */
  public String authorizationHeader() {
    return "Key " + dev.blipsdk.testing.internal.BlipDispatcher.token(state.identifier, state.accessKey);
  }

  // ---------------------------------------------------------------- seeding

  /**
   * Adds a WhatsApp message template.
   *
   * @param template the template
   * @return this
   */
  public FakeBot seedTemplate(FakeTemplate template) {
    synchronized (state) {
      state.templates.removeIf(t -> t.name().equals(template.name()) && t.language().equals(template.language()));
      state.templates.add(Objects.requireNonNull(template));
    }
    return this;
  }

  /**
   * Adds or replaces a contact with a name.
   *
   * @param identity the contact identity, e.g. {@code 5531999998888@wa.gw.msging.net}
   * @param name the name
   * @return this
   */
  public FakeBot seedContact(String identity, String name) {
    return seedContact(Map.of("identity", identity, "name", name));
  }

  /**
   * Adds or replaces a contact given as a JSON-like map (must hold {@code identity}).
   *
   * @param contact the contact fields
   * @return this
   */
  public FakeBot seedContact(Map<String, ?> contact) {
    Object identity = contact.get("identity");
    if (!(identity instanceof String)) {
      throw new IllegalArgumentException("a contact needs a string identity");
    }
    Map<String, Object> copy = Json.copy(new LinkedHashMap<String, Object>(contact));
    synchronized (state) {
      state.contacts.put((String) identity, copy);
    }
    return this;
  }

  /**
   * Gives a phone number a WhatsApp account with a profile name (any number not
   * {@linkplain #markNotOnWhatsApp(String) marked otherwise} is on WhatsApp anyway; this adds the name).
   *
   * @param phone the number, with or without {@code +}
   * @param fullName the profile name
   * @return this
   */
  public FakeBot addWhatsAppAccount(String phone, String fullName) {
    synchronized (state) {
      String d = digits(phone);
      state.notOnWhatsApp.remove(d);
      state.waAccounts.put(d, fullName);
    }
    return this;
  }

  /**
   * Makes a lookup of {@code +number} fail, and messages to it fail with {@code (#131026) Message undeliverable}.
   * A lookup without the {@code +} still succeeds, as on Blip.
   *
   * @param phone the number, with or without {@code +}
   * @return this
   */
  public FakeBot markNotOnWhatsApp(String phone) {
    synchronized (state) {
      String d = digits(phone);
      state.waAccounts.remove(d);
      state.notOnWhatsApp.add(d);
    }
    return this;
  }

  /**
   * Adds (or updates) an active attendance queue with priority 0.
   *
   * @param name the queue name
   * @return the queue id (a slug of the name)
   */
  public String addQueue(String name) {
    synchronized (state) {
      return String.valueOf(DeskTeamHandlerAccess.putQueue(state, name, clock.instant()).get("id"));
    }
  }

  /**
   * Adds (or updates) a Desk agent.
   *
   * @param identity e.g. {@code ana%40acme.com@blip.ai}
   * @param status {@code Online}, {@code Offline}, {@code Pause} or {@code Invisible}
   * @param teams the agent's teams
   * @return this
   */
  public FakeBot addAgent(String identity, String status, String... teams) {
    synchronized (state) {
      DeskTeamHandlerAccess.putAgent(state, identity, status, List.of(teams));
    }
    return this;
  }

  /**
   * Changes an agent's status. An agent who comes Online gets the tickets that wait for them only (the
   * {@code DIRECT_TRANSFER} tickets opened by answers to their active messages while they were not Online).
   *
   * @param identity the agent identity
   * @param status {@code Online}, {@code Offline}, {@code Pause} or {@code Invisible}
   * @return this
   */
  public FakeBot setAgentStatus(String identity, String status) {
    synchronized (state) {
      Map<String, Object> a = state.agents.get(identity);
      if (a == null) {
        throw new IllegalArgumentException("no agent " + identity);
      }
      a.put("status", status);
      state.agentStatusChanged(identity, status, clock.instant());
    }
    return this;
  }

  /**
   * Opens a {@code Waiting} ticket for a customer in a queue, as if the bot flow had sent them to Desk.
   *
   * @param customerIdentity the customer
   * @param team the queue name
   * @return the ticket id
   */
  public String openTicket(String customerIdentity, String team) {
    synchronized (state) {
      return String.valueOf(state.newTicket(customerIdentity, team, null, "Waiting", clock.instant()).get("id"));
    }
  }

  /**
   * Sets the script for messages to one recipient.
   *
   * @param recipient the recipient identity, e.g. {@code 5531999998888@wa.gw.msging.net} (or a phone number)
   * @param script the script
   * @return this
   */
  public FakeBot script(String recipient, MessageScript script) {
    synchronized (state) {
      state.scripts.put(MessagePipeline.customerIdentity(recipient), Objects.requireNonNull(script));
    }
    return this;
  }

  /**
   * Sets the script for recipients without their own ({@link MessageScript#read()} by default).
   *
   * @param script the script
   * @return this
   */
  public FakeBot defaultScript(MessageScript script) {
    synchronized (state) {
      state.defaultScript = Objects.requireNonNull(script);
    }
    return this;
  }

  /**
   * Chooses scripts by a rule for recipients without their own {@link #script(String, MessageScript)}: the rule gets
   * the recipient identity ({@code 5531999998888@wa.gw.msging.net}) and returns a script, or null for the
   * {@linkplain #defaultScript(MessageScript) default}. Lets a test script the outcomes of a large campaign
   * audience without one entry per recipient. The rule runs under the bot's lock: keep it a pure function.
   *
   * @param rule the rule, or null to remove it
   * @return this
   */
  public FakeBot scriptRule(@Nullable Function<String, @Nullable MessageScript> rule) {
    synchronized (state) {
      state.scriptRule = rule;
    }
    return this;
  }

  /**
   * Declares a Builder block a human-attendance block of a Desk queue: a customer's reply to an active campaign whose
   * {@code flowId}/{@code stateId} route replies to it opens a ticket in that queue, carrying the campaign's id in
   * {@code CampaignId} (an assumption of the emulator: Blip's routing of the reply is not public, API doc §5.7).
   *
   * @param flowId the flow id
   * @param stateId the block id
   * @param queue the queue (team) name
   * @return this
   */
  public FakeBot attendanceBlock(String flowId, String stateId, String queue) {
    synchronized (state) {
      state.attendanceBlocks.put(Objects.requireNonNull(flowId, "flowId") + "/"
          + Objects.requireNonNull(stateId, "stateId"), Objects.requireNonNull(queue, "queue"));
    }
    return this;
  }

  // ---------------------------------------------------------------- webhooks

  /**
   * The URL inbound messages are POSTed to, or null for none.
   *
   * @param url the URL
   * @return this
   */
  public FakeBot messageWebhook(@Nullable String url) {
    state.messageWebhook = url;
    return this;
  }

  /**
   * The URL notifications are POSTed to, or null for none.
   *
   * @param url the URL
   * @return this
   */
  public FakeBot notificationWebhook(@Nullable String url) {
    state.notificationWebhookPool = List.of();
    state.notificationWebhook = url;
    return this;
  }

  /**
   * Several URLs notifications are POSTed to in turn, one POST each, as a load balancer in front of several
   * instances of a service would spread them (with {@link FakeBlip.Builder#duplicateNotifications(boolean)},
   * the two copies of an event go to two different URLs). Replaces {@link #notificationWebhook(String)}.
   *
   * @param urls the URLs, at least one
   * @return this
   */
  public FakeBot notificationWebhooks(List<String> urls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("urls: at least one is needed");
    }
    state.notificationWebhook = null;
    state.notificationWebhookPool = List.copyOf(urls);
    return this;
  }

  /**
   * Static custom headers sent with every webhook POST (the portal's "custom headers").
   *
   * @param headers name to value
   * @return this
   */
  public FakeBot webhookHeaders(Map<String, String> headers) {
    state.webhookHeaders = Map.copyOf(headers);
    return this;
  }

  /**
   * A hook computing extra headers from each webhook body (for example an HMAC signature); null for none.
   * Real Blip documents no signature; this exists so signing schemes can be tested.
   *
   * @param signer body bytes to extra headers
   * @return this
   */
  public FakeBot webhookSigner(@Nullable Function<byte[], Map<String, String>> signer) {
    state.webhookSigner = signer;
    return this;
  }

  // ---------------------------------------------------------------- simulation

  /**
   * A customer writes to the bot: the message is recorded (thread, contact {@code lastMessageDate}, 24 h window),
   * fed to the Desk active-message rules, and POSTed to the message webhook.
   *
   * @param from the customer identity or phone number ({@code +5531...})
   * @param text the message text
   * @return the inbound message id
   */
  public String simulateCustomerReply(String from, String text) {
    return pipeline.inbound(state, from, "text/plain", text);
  }

  // ---------------------------------------------------------------- inspection

  /**
   * The contacts, in insertion order.
   *
   * @return copies of the contacts
   */
  public List<Map<String, Object>> contacts() {
    synchronized (state) {
      return copies(state.contacts.values());
    }
  }

  /**
   * One contact.
   *
   * @param identity the identity
   * @return a copy, or null if there is none
   */
  public @Nullable Map<String, Object> contact(String identity) {
    synchronized (state) {
      Map<String, Object> c = state.contacts.get(identity);
      return c == null ? null : Json.copy(c);
    }
  }

  /**
   * Every ticket, open and closed, in creation order.
   *
   * @return copies of the tickets
   */
  public List<Map<String, Object>> tickets() {
    synchronized (state) {
      return copies(state.tickets.values());
    }
  }

  /**
   * The attendance queues.
   *
   * @return copies of the queues
   */
  public List<Map<String, Object>> queues() {
    synchronized (state) {
      return copies(state.queues.values());
    }
  }

  /**
   * The agents (attendants).
   *
   * @return copies of the agents
   */
  public List<Map<String, Object>> agents() {
    synchronized (state) {
      return copies(state.agents.values());
    }
  }

  /**
   * The messages sent to a recipient, in order, as received.
   *
   * @param recipient the recipient identity (or phone number)
   * @return the envelopes
   */
  public List<ReceivedEnvelope> sentMessages(String recipient) {
    synchronized (state) {
      List<ReceivedEnvelope> out = new ArrayList<>();
      for (String id : state.messagesByRecipient.getOrDefault(MessagePipeline.customerIdentity(recipient), List.of())) {
        out.add(state.messages.get(id).envelope);
      }
      return out;
    }
  }

  /**
   * Every message the bot sent, in order.
   *
   * @return the envelopes
   */
  public List<ReceivedEnvelope> sentMessages() {
    synchronized (state) {
      List<ReceivedEnvelope> out = new ArrayList<>();
      state.messages.values().forEach(m -> out.add(m.envelope));
      return out;
    }
  }

  /**
   * The events emitted so far for a message ({@code accepted}, {@code dispatched}...), in order, without
   * duplicates from {@link FakeBlip.Builder#duplicateNotifications(boolean)}.
   *
   * @param messageId the message id
   * @return the events (empty for an unknown id)
   */
  public List<String> events(String messageId) {
    synchronized (state) {
      BotState.SentMessage m = state.messages.get(messageId);
      return m == null ? List.of() : List.copyOf(m.events);
    }
  }

  /**
   * The failure reason of a failed message.
   *
   * @param messageId the message id
   * @return a copy of {@code {code, description}}, or null if it did not fail (yet)
   */
  public @Nullable Map<String, Object> failureReason(String messageId) {
    synchronized (state) {
      BotState.SentMessage m = state.messages.get(messageId);
      return m == null || m.reason == null ? null : Json.copy(m.reason);
    }
  }

  /**
   * The text value of a context variable.
   *
   * @param identity the contact identity
   * @param name the variable name, e.g. {@code Master-State}
   * @return the value, or null if unset or expired
   */
  public @Nullable String context(String identity, String name) {
    synchronized (state) {
      return DeskTeamHandlerAccess.readContext(state, identity, name, clock.instant());
    }
  }

  /**
   * The bot's active campaigns, newest last, each as the campaign document {@code get /campaigns/{id}} answers
   * ({@code id}, {@code name}, {@code campaignType}, {@code status} at the fake clock's now...).
   *
   * @return copies of the campaign documents
   */
  public List<Map<String, Object>> campaigns() {
    synchronized (state) {
      List<Map<String, Object>> out = new ArrayList<>();
      Instant now = clock.instant();
      for (dev.blipsdk.testing.internal.FakeCampaign c : state.campaigns.values()) {
        out.add(dev.blipsdk.testing.internal.CampaignEngine.document(c, now));
      }
      return out;
    }
  }

  // ---------------------------------------------------------------- attendance hours, replies, buckets, media

  /**
   * Creates or replaces a Desk attendance-hour rule, as {@code set /attendance-hour} would: the container
   * ({@code {attendanceHour: {id?, title, isMain, timeZoneId...}, attendanceHourScheduleItems: [{dayOfWeek, startTime,
   * endTime}], attendanceHourOffItems: [...], queues: [{id, description}], attendants: []}}); without
   * {@code attendanceHour.id}, or with one not known yet, it is created. {@code dayOfWeek} may be a name or a .NET number (Sunday = 0), times
   * {@code HH:mm} or {@code HH:mm:ss}.
   *
   * @param container the rule
   * @return the rule id
   * @throws IllegalArgumentException if the rule is malformed (no title, a bad day or time, an unknown id)
   */
  public String putAttendanceHours(Map<String, ?> container) {
    Map<String, Object> copy = Json.copy(new LinkedHashMap<String, Object>(container));
    synchronized (state) {
      Map<String, Object> stored = dev.blipsdk.testing.internal.ResourceAccess.putAttendanceHours(state,
          copy, clock.instant());
      return String.valueOf(Json.asMap(stored.get("attendanceHour")).get("id"));
    }
  }

  /**
   * The attendance-hour rules, complete, in creation order.
   *
   * @return copies of the containers
   */
  public List<Map<String, Object>> attendanceHours() {
    synchronized (state) {
      return copies(state.attendanceHours.values());
    }
  }

  /**
   * Creates or replaces a category of text ready replies.
   *
   * @param categoryId the category id
   * @param name the category name
   * @param titleToText the replies, title to text, in order
   * @return this
   */
  public FakeBot seedReadyReplies(String categoryId, String name, Map<String, String> titleToText) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map.Entry<String, String> e : titleToText.entrySet()) {
      items.add(Json.obj("id", java.util.UUID.randomUUID().toString(), "category", name, "name", e.getKey(),
          "document", e.getValue(), "type", "text/plain", "isDynamicContent", false));
    }
    synchronized (state) {
      state.replyCategories.put(categoryId, new BotState.ReplyCategory(categoryId, name, items));
    }
    return this;
  }

  /**
   * The ready replies of a category, as stored.
   *
   * @param categoryId the category id
   * @return copies of the replies (empty when there is no such category)
   */
  public List<Map<String, Object>> readyReplies(String categoryId) {
    synchronized (state) {
      BotState.ReplyCategory c = state.replyCategories.get(categoryId);
      return c == null ? List.of() : copies(c.items());
    }
  }

  /**
   * A bucket document, unless missing or expired on the fake's clock.
   *
   * @param id the bucket key
   * @return a copy of {@code {type, resource}}, or null
   */
  public @Nullable Map<String, Object> bucket(String id) {
    synchronized (state) {
      dev.blipsdk.testing.internal.ResourceAccess.expireBuckets(state, clock.instant());
      BotState.Bucket b = state.buckets.get(id);
      return b == null ? null : Json.obj("type", b.type(), "resource", Json.copy(b.resource()));
    }
  }

  /**
   * The media uploaded so far: {@code {id, contentType, size, uploadedAt}} each, in order.
   *
   * @return the media
   */
  public List<Map<String, Object>> uploadedMedia() {
    synchronized (state) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (BotState.StoredMedia m : state.media.values()) {
        out.add(Json.obj("id", m.id, "contentType", m.contentType, "size", (long) m.bytes.length,
            "uploadedAt", m.uploadedAt.toString()));
      }
      return out;
    }
  }

  /**
   * The events recorded with {@code set /event-track}, in order, each as sent plus {@code storageDate}.
   *
   * @return copies of the events
   */
  public List<Map<String, Object>> trackedEvents() {
    synchronized (state) {
      return copies(state.eventTracks);
    }
  }

  private static List<Map<String, Object>> copies(Iterable<Map<String, Object>> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : items) {
      out.add(Json.copy(m));
    }
    return out;
  }

  private static String digits(String phone) {
    String p = phone.trim();
    return p.startsWith("+") ? p.substring(1) : p;
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public String toString() {
    return "FakeBot[" + state.identity() + "]";
  }
}
