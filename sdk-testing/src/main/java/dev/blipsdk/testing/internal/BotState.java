package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything one bot owns: resources are per bot (a router and its service bots do not share them). All fields
 * are guarded by the instance monitor: handlers run with {@code synchronized (bot)}.
 */
public final class BotState {
  /** What kind of bot: a router cannot reach Desk attendants, a service bot cannot reach WhatsApp templates. */
  public enum Role { STANDALONE, ROUTER, SERVICE }

  public final String identifier;
  public final String accessKey;
  public final Role role;
  public final boolean contextNamesCaseSensitive;

  // CRM
  public final Map<String, Map<String, Object>> contacts = new LinkedHashMap<>();
  public final Map<String, List<Map<String, Object>>> comments = new HashMap<>();
  public final Map<String, Map<String, ContextVar>> contexts = new LinkedHashMap<>();

  // WhatsApp
  public final List<FakeTemplate> templates = new ArrayList<>();
  public final Map<String, String> waAccounts = new HashMap<>();
  public final Set<String> notOnWhatsApp = new HashSet<>();

  // messages and notifications
  public final Map<String, SentMessage> messages = new LinkedHashMap<>();
  public final Map<String, List<String>> messagesByRecipient = new LinkedHashMap<>();
  public final NotificationStore notifications = new NotificationStore();
  public final Map<String, List<Map<String, Object>>> threads = new LinkedHashMap<>();
  /** Thread entries by message id, so a status change does not scan the customer's whole thread. */
  public final Map<String, Map<String, Object>> threadMessagesById = new HashMap<>();
  public final Map<String, Instant> lastInbound = new HashMap<>();
  public final Map<String, MessageScript> scripts = new HashMap<>();
  public MessageScript defaultScript = MessageScript.read();

  // Desk
  public final Map<String, Map<String, Object>> tickets = new LinkedHashMap<>();
  public long nextSequentialId = 1;
  public final Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
  public final Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
  public final Map<String, ActiveSend> activeSends = new HashMap<>();

  // active campaigns
  public final Map<String, FakeCampaign> campaigns = new LinkedHashMap<>();
  /** Campaign messages by message id, for {@code get /notifications?id=}. */
  public final Map<String, FakeCampaign.Entry> campaignMessages = new HashMap<>();
  /** The latest campaign message to each customer, to count and route their reply. */
  public final Map<String, CampaignSend> lastCampaignEntry = new HashMap<>();
  /** Builder blocks declared human attendance ({@code flowId/stateId} to queue): replies routed there open tickets. */
  public final Map<String, String> attendanceBlocks = new HashMap<>();
  /** The plan-rate cursor shared by the bot's campaigns: the second being filled, its first slot, slots used. */
  public long campaignSlotSecond = Long.MIN_VALUE;
  public long campaignSlotStart;
  public int campaignSlotUsed;
  /** Scripts chosen by a rule, after {@link #scripts} and before {@link #defaultScript}. */
  public @Nullable Function<String, @Nullable MessageScript> scriptRule;

  // Desk attendance hours (containers by id) and ready replies (categories by id)
  public final Map<String, Map<String, Object>> attendanceHours = new LinkedHashMap<>();
  public final Map<String, ReplyCategory> replyCategories = new LinkedHashMap<>();

  // buckets, media, event tracking
  public final Map<String, Bucket> buckets = new java.util.TreeMap<>();
  public final Map<String, Instant> mediaUploadTokens = new HashMap<>();
  public final Map<String, StoredMedia> media = new LinkedHashMap<>();
  public final List<Map<String, Object>> eventTracks = new ArrayList<>();

  // webhooks (read by the event thread; written by tests)
  public volatile @Nullable String messageWebhook;
  public volatile @Nullable String notificationWebhook;
  /** Several notification URLs served in turn, one POST each, as by a load balancer; empty for none. */
  public volatile java.util.List<String> notificationWebhookPool = java.util.List.of();
  public final java.util.concurrent.atomic.AtomicLong nextNotificationWebhook =
      new java.util.concurrent.atomic.AtomicLong();
  public volatile Map<String, String> webhookHeaders = Map.of();
  public volatile @Nullable Function<byte[], Map<String, String>> webhookSigner;

  public BotState(String identifier, String accessKey, Role role, boolean contextNamesCaseSensitive) {
    this.contextNamesCaseSensitive = contextNamesCaseSensitive;
    this.identifier = identifier;
    this.accessKey = accessKey;
    this.role = role;
  }

  /** The bot's identity, {@code identifier@msging.net}. */
  public String identity() {
    return identifier.contains("@") ? identifier : identifier + "@msging.net";
  }

  /** The script of messages to a recipient identity: its own, the rule's, or the default. */
  public MessageScript scriptFor(String identity) {
    MessageScript s = scripts.get(identity);
    if (s == null && scriptRule != null) {
      s = scriptRule.apply(identity);
    }
    return s != null ? s : defaultScript;
  }

  /** A campaign message sent to a customer. */
  public record CampaignSend(FakeCampaign campaign, FakeCampaign.Entry entry) {}

  /** A context variable. */
  public record ContextVar(String name, @Nullable String type, Object value, @Nullable Instant expiresAt) {}

  /** A notification kept for {@code get /notifications}. */
  public record StoredNotification(String messageId, Map<String, Object> envelope, Instant storedAt) {}

  /** A ready-reply category: its name and its items, as written. */
  public record ReplyCategory(String id, String name, List<Map<String, Object>> items) {}

  /** A bucket document, with its expiry (null: never). */
  public record Bucket(@Nullable String type, @Nullable Object resource, @Nullable Instant expiresAt) {}

  /** An uploaded media file, and the signature its URL carries now. */
  public static final class StoredMedia {
    public final String id;
    public final byte[] bytes;
    public final String contentType;
    public final Instant uploadedAt;
    public String signature;
    public Instant expiresAt;

    public StoredMedia(String id, byte[] bytes, String contentType, Instant uploadedAt, String signature,
        Instant expiresAt) {
      this.id = id;
      this.bytes = bytes;
      this.contentType = contentType;
      this.uploadedAt = uploadedAt;
      this.signature = signature;
      this.expiresAt = expiresAt;
    }
  }

  /** An agent-sent Desk active message, waiting for the customer's reply. */
  public record ActiveSend(String customer, String agentIdentity, String messageId, Instant sentAt) {}

  /** A message the bot sent, and how far it got. */
  public static final class SentMessage {
    public final String id;
    public final String to;
    public final ReceivedEnvelope envelope;
    public final List<String> events = new ArrayList<>();
    public @Nullable Map<String, Object> reason;

    public SentMessage(String id, String to, ReceivedEnvelope envelope) {
      this.id = id;
      this.to = to;
      this.envelope = envelope;
    }
  }

  // ---- tickets ----

  public static final Set<String> OPEN_STATUSES = Set.of("waiting", "open", "assigned");

  public static boolean isOpen(Map<String, Object> ticket) {
    String s = Json.str(ticket, "status");
    return s != null && OPEN_STATUSES.contains(s.toLowerCase(java.util.Locale.ROOT));
  }

  /** The customer's open (Waiting, Open or Assigned) ticket, or null. */
  public @Nullable Map<String, Object> openTicketOf(String customer) {
    for (Map<String, Object> t : tickets.values()) {
      if (customer.equalsIgnoreCase(String.valueOf(t.get("customerIdentity"))) && isOpen(t)) {
        return t;
      }
    }
    return null;
  }

  /** Whether the agent is Online. */
  public boolean agentOnline(String agentIdentity) {
    Map<String, Object> a = agents.get(agentIdentity);
    return a != null && "online".equalsIgnoreCase(String.valueOf(a.get("status")));
  }

  /**
   * An agent's status changed. A ticket that waits in {@code DIRECT_TRANSFER} for that agent only (the reply to
   * their active message came while they were not Online) opens for them when they come Online.
   */
  public void agentStatusChanged(String agentIdentity, String status, Instant now) {
    if (!"online".equalsIgnoreCase(status)) {
      return;
    }
    for (Map<String, Object> t : tickets.values()) {
      if ("Waiting".equals(t.get("status")) && DeskActiveMessageRules.DIRECT_TRANSFER.equals(t.get("team"))
          && agentIdentity.equalsIgnoreCase(String.valueOf(t.get("agentIdentity")))) {
        DeskTicketsHandler.setStatus(t, "Open", now);
      }
    }
  }

  /** Creates and stores a ticket. */
  public Map<String, Object> newTicket(String customer, String team, @Nullable String agentIdentity, String status,
      Instant now) {
    String id = UUID.randomUUID().toString();
    int at = customer.indexOf('@');
    String domain = at >= 0 ? customer.substring(at + 1) : null;
    Map<String, Object> t = Json.obj(
        "id", id,
        "sequentialId", nextSequentialId++,
        "ownerIdentity", identity(),
        "customerIdentity", customer,
        "customerDomain", domain,
        "agentIdentity", agentIdentity,
        "provider", "Lime",
        "status", status,
        "storageDate", Times.iso(now),
        "statusDate", Times.iso(now),
        "externalId", id,
        "rating", 0L,
        "team", team,
        "unreadMessages", 0L,
        "closed", false,
        "customerInput", new LinkedHashMap<String, Object>(),
        "priority", 0L,
        "tags", new ArrayList<Object>());
    if ("Open".equals(status)) {
      t.put("openDate", Times.iso(now));
    }
    tickets.put(id, t);
    return t;
  }

  /** Appends a message to the customer's thread. */
  public void addThreadMessage(String customer, String id, String direction, String type, Object content,
      Instant at, @Nullable String status) {
    Map<String, Object> entry = Json.obj(
        "id", id, "direction", direction, "type", type, "content", Json.copy(content),
        "date", Times.iso(at), "status", status);
    threads.computeIfAbsent(customer, k -> new ArrayList<>()).add(entry);
    threadMessagesById.putIfAbsent(id, entry);
  }
}
