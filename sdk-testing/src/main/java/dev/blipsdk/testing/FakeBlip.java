package dev.blipsdk.testing;

import dev.blipsdk.testing.internal.BlipDispatcher;
import dev.blipsdk.testing.internal.BotState;
import dev.blipsdk.testing.internal.CommandRouter;
import dev.blipsdk.testing.internal.DeskActiveMessageRules;
import dev.blipsdk.testing.internal.FaultRegistry;
import dev.blipsdk.testing.internal.MessagePipeline;
import dev.blipsdk.testing.internal.NoDelayServerSocketFactory;
import dev.blipsdk.testing.internal.Scheduler;
import dev.blipsdk.testing.internal.ServerConfig;
import dev.blipsdk.testing.internal.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-memory fake of the Blip HTTP API on 127.0.0.1, for tests, examples and benchmarks: contacts,
 * WhatsApp accounts and templates, messages with their notification lifecycle and webhooks, contexts, Desk
 * tickets, queues, agents and monitoring, active campaigns, rate limits, fault injection and a controllable clock;
 * also Desk attendance hours and ready replies, buckets (expiring on the fake's clock), media uploads served back
 * on loopback, thread history and event tracking ({@link FakeBot#trackedEvents()}).
 * It speaks the wire contract of the Blip HTTP API ({@code POST /commands}, {@code /messages},
 * {@code /notifications} with {@code Authorization: Key ...}), and only that: Blip's official JavaScript SDK
 * ({@code blip-sdk-js}) speaks WebSocket and cannot talk to it.
 *
 * <pre>{@code
 * try (FakeBlip blip = FakeBlip.start()) {
 *   blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
 *   blip.bot().notificationWebhook("http://127.0.0.1:" + myPort + "/notifications");
 *   // point your client at blip.baseUrl() with blip.identifier() / blip.accessKey()
 *   blip.clock().advance(Duration.ofHours(25));   // cross the 24 h window in a millisecond
 *   assertEquals(1, blip.bot().sentMessages("5531999998888@wa.gw.msging.net").size());
 * }
 * }</pre>
 *
 * <p><b>Time.</b> Everything time-based runs on {@link #clock()}. With the default manual clock and the default
 * {@link MessageScript#read()} script a message's notifications are emitted at once (on the fake's event thread,
 * use {@link #awaitIdle()} or your webhook receiver to wait); scripts with delays complete when the test
 * {@linkplain FakeClock#advance(Duration) advances} the clock, which runs due events before it returns.
 *
 * <p><b>Active campaigns</b> ({@code postmaster@activecampaign.msging.net}, API doc §3.5, §3.6) answer with the
 * shapes public clients of the live API show, not with an echo of the request:
 * <ul>
 *   <li>the campaign document of {@code set /campaign/full}, {@code /campaign/v2}, {@code /dispatch/v2} and
 *       {@code get /campaigns/{id}} is flat ({@code id, name, campaignType, masterState, flowId, stateId, status,
 *       created, scheduled?, tags, isToUseLiteApi, channelType, canSendWithOpenTicket, failedReason?}), enums upper
 *       case in answers: a TypeScript type and a Jest mock modelled on a real answer (third-party index files
 *       66229600252, 65723985212) and {@code Andrevlopess/blip-api-client} {@code src/interfaces/Campaigns.ts}
 *       at commit 1d341df5; {@code failedReason} from a production Node client (index file 69691627780);</li>
 *   <li>summaries and reports ({@code statusAudience} items in PascalCase: {@code RecipientIdentity, Status,
 *       ReasonCode, ReasonDescription}), audiences ({@code OwnerIdentity, CampaignId, recipient, recipientType,
 *       channelType, messageParams, status, validatedAccount, processed, received, read}) and messages
 *       ({@code channelType, messageTemplate, messageTemplateLanguage}): {@code blip-api-client}
 *       {@code src/interfaces/Campaigns.ts} and {@code src/resources/campaigns.ts} at commit 1d341df5;
 *       rescheduling with
 *       {@code merge /campaigns/{id}/schedule}: index file 36697261241; the endpoint list: help.blip.ai article
 *       23997460187799.</li>
 * </ul>
 * Where no source shows Blip's behaviour the fake makes the API doc's named choice (UNCONFIRMED): statuses
 * {@code created} (three-step creation before dispatch), {@code scheduled}, {@code processing}, {@code dispatched},
 * {@code finished}, {@code canceled}, {@code failed} (the template no longer approved when a scheduled campaign
 * starts); {@code delete /campaigns/{id}} cancels a campaign that has not started and refuses one that has;
 * {@code set /audiences/v2/{id}} takes a collection of {@code {recipient, messageParams}} and upserts by recipient;
 * audience items carry the recipient's {@code messageId}, {@code replied} and the failure reason, summaries a
 * {@code Replied} flag; failures are code 64 with a description ({@code already exists}, {@code template},
 * {@code scheduled}). A campaign starts at its schedule on {@link #clock()}; its messages go out at the plan's
 * message rate ({@link RateLimits#messagesPerSecond()}, shared by the bot's campaigns), each recipient's outcome
 * follows its {@link MessageScript} ({@link FakeBot#scriptRule} scripts a large audience by rule), notifications
 * are answered by {@code get /notifications?id=} and POSTed to the notification webhook, and a reply routed to a
 * block declared with {@link FakeBot#attendanceBlock} opens a Desk ticket carrying {@code CampaignId}. Per recipient
 * the fake keeps a few timestamps only, so it holds audiences of hundreds of thousands.
 *
 * <p><b>Thread safety.</b> Thread-safe: any number of clients may call the server concurrently while the test seeds,
 * inspects and advances time. Each bot's state is guarded by one lock; events run one at a time in time order.
 */
public final class FakeBlip implements AutoCloseable {
  /**
   * Metadata key that marks a template message as a Desk active message sent by an agent; the value is the agent
   * identity (e.g. {@code ana%40acme.com@blip.ai}). An UNCONFIRMED assumption of the emulator (API doc §5.7).
   */
  public static final String DESK_AGENT_METADATA = DeskActiveMessageRules.AGENT_METADATA;
  /** The team of tickets the Desk active-message rules route straight to an agent. */
  public static final String DIRECT_TRANSFER_TEAM = DeskActiveMessageRules.DIRECT_TRANSFER;
  /** Reason code of an agent active message refused because the customer has an open ticket. */
  public static final int OPEN_TICKET_REASON_CODE = DeskActiveMessageRules.OPEN_TICKET_CODE;
  /** Identifier of the default bot. */
  public static final String DEFAULT_IDENTIFIER = "fakebot";
  /** Access key of the default bot. */
  public static final String DEFAULT_ACCESS_KEY = "fake-access-key";

  private final MockWebServer server;
  private final FakeClock clock;
  private final Scheduler scheduler;
  private final WebhookSender webhooks;
  private final FaultRegistry faults;
  private final BlipDispatcher dispatcher;
  private final Map<String, FakeBot> bots;
  private final FakeBot defaultBot;
  private final Runnable clockListener;
  private final java.util.Queue<dev.blipsdk.core.BlipClient> clients = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private FakeBlip(Builder b) throws IOException {
    this.clock = b.clock != null ? b.clock : FakeClock.manual();
    ServerConfig config = new ServerConfig(b.templateListShape, b.templateStatusUpperCase, b.notOnWhatsAppCode,
        b.notOnWhatsAppDescription, b.duplicateNotifications, b.activeMessageWindow, b.contextNamesCaseSensitive,
        b.enforceCustomerServiceWindow, Duration.ofDays(3), b.defaultQueue, b.rateLimits);
    this.scheduler = new Scheduler(clock, "fake-blip-events");
    this.webhooks = new WebhookSender();
    this.faults = new FaultRegistry(b.faultSeed);
    MessagePipeline pipeline = new MessagePipeline(scheduler, webhooks, config, clock);
    Map<String, BotState> byToken = new LinkedHashMap<>();
    Map<String, FakeBot> facades = new LinkedHashMap<>();
    List<String[]> specs = new ArrayList<>(b.bots);
    if (specs.isEmpty()) {
      specs.add(new String[] {DEFAULT_IDENTIFIER, DEFAULT_ACCESS_KEY, "STANDALONE"});
    }
    for (String[] s : specs) {
      BotState st = new BotState(s[0], s[1], BotState.Role.valueOf(s[2]), b.contextNamesCaseSensitive);
      byToken.put(BlipDispatcher.token(s[0], s[1]), st);
      facades.put(s[0], new FakeBot(st, pipeline, clock));
    }
    this.bots = Map.copyOf(facades);
    this.defaultBot = facades.get(specs.get(0)[0]);
    this.dispatcher = new BlipDispatcher(byToken, config, clock, pipeline, CommandRouter.standard(), faults);
    this.server = new MockWebServer();
    // Without TCP_NODELAY a response body waits for the client's delayed ACK: ~40 ms per command.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request)
          throws InterruptedException {
        // MockWebServer keeps every request for takeRequest(), which nothing here calls (the fake's own record
        // is received()): take one per request, or a long-running fake grows by every request it ever served.
        server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS);
        return dispatcher.dispatch(request);
      }
    });
    this.clockListener = () -> {
      scheduler.wake();
      scheduler.runDue();
    };
    clock.addListener(clockListener);
    try {
      server.start(InetAddress.getByName("127.0.0.1"), b.port);
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Whether MockWebServer holds no recorded request (for tests: the fake must not accumulate them). */
  boolean holdsNoRecordedRequest() throws InterruptedException {
    return server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS) == null;
  }

  /**
   * Starts a fake with the defaults: one bot ({@value #DEFAULT_IDENTIFIER} / {@value #DEFAULT_ACCESS_KEY}), a free
   * port on 127.0.0.1, a manual clock, no rate limits.
   *
   * @return the running fake
   */
  public static FakeBlip start() {
    return builder().start();
  }

  /**
   * A builder for a configured fake.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link FakeBlip}. Not thread-safe; build once. */
  public static final class Builder {
    private int port;
    private final List<String[]> bots = new ArrayList<>();
    private @Nullable FakeClock clock;
    private RateLimits rateLimits = RateLimits.none();
    private TemplateListShape templateListShape = TemplateListShape.DATA;
    private boolean templateStatusUpperCase = true;
    private int notOnWhatsAppCode = 67;
    private String notOnWhatsAppDescription = "The requested resource was not found";
    private boolean duplicateNotifications;
    private Duration activeMessageWindow = Duration.ofHours(24);
    private boolean contextNamesCaseSensitive;
    private boolean enforceCustomerServiceWindow = true;
    private String defaultQueue = "Default";
    private long faultSeed;

    private Builder() {}

    /**
     * The seed of the draws of faults armed {@linkplain Fault#withProbability(double) with a probability}
     * (default 0): the same seed and the same requests hit the same faults.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /**
     * The port on 127.0.0.1 (0, the default, picks a free one).
     *
     * @param port the port
     * @return this
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Adds a bot with all resources. The first bot added is the default one. Without any, a bot
     * {@value FakeBlip#DEFAULT_IDENTIFIER} is created.
     *
     * @param identifier the bot identifier
     * @param accessKey its access key
     * @return this
     */
    public Builder bot(String identifier, String accessKey) {
      return addBot(identifier, accessKey, "STANDALONE");
    }

    /**
     * Adds a router bot: like Blip, its key cannot reach Desk {@code /attendants} or {@code /rules} (failure
     * 67 {@code "The requested resource was not found"}).
     *
     * @param identifier the bot identifier
     * @param accessKey its access key
     * @return this
     */
    public Builder routerBot(String identifier, String accessKey) {
      return addBot(identifier, accessKey, "ROUTER");
    }

    /**
     * Adds a service (sub)bot: like Blip, its key cannot list WhatsApp {@code /message-templates} (failure 61
     * {@code "Could not determine the WhatsApp WhatsAppBusinessAccountId for the specified sender."}).
     *
     * @param identifier the bot identifier
     * @param accessKey its access key
     * @return this
     */
    public Builder serviceBot(String identifier, String accessKey) {
      return addBot(identifier, accessKey, "SERVICE");
    }

    private Builder addBot(String identifier, String accessKey, String role) {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(accessKey, "accessKey");
      for (String[] b : bots) {
        if (b[0].equals(identifier)) {
          throw new IllegalArgumentException("duplicate bot " + identifier);
        }
      }
      bots.add(new String[] {identifier, accessKey, role});
      return this;
    }

    /**
     * The clock (a new {@link FakeClock#manual()} by default; {@link FakeClock#realTime()} for interactive use).
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(FakeClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Rate limits ({@link RateLimits#none()} by default).
     *
     * @param limits the limits
     * @return this
     */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits);
      return this;
    }

    /**
     * The shape of {@code get /message-templates} (UNCONFIRMED; {@link TemplateListShape#DATA} by default).
     *
     * @param shape the shape
     * @return this
     */
    public Builder templateListShape(TemplateListShape shape) {
      this.templateListShape = Objects.requireNonNull(shape);
      return this;
    }

    /**
     * Whether template statuses are written {@code APPROVED} (default) or {@code Approved}.
     *
     * @param upperCase true for upper case
     * @return this
     */
    public Builder templateStatusUpperCase(boolean upperCase) {
      this.templateStatusUpperCase = upperCase;
      return this;
    }

    /**
     * The failure of a lookup of {@code +number} not on WhatsApp (UNCONFIRMED; default 67
     * {@code "The requested resource was not found"}).
     *
     * @param code the reason code
     * @param description the reason description
     * @return this
     */
    public Builder notOnWhatsAppReason(int code, String description) {
      this.notOnWhatsAppCode = code;
      this.notOnWhatsAppDescription = Objects.requireNonNull(description);
      return this;
    }

    /**
     * Emit every message notification twice, as when several hops report the same event (off by default).
     *
     * @param duplicate true to duplicate
     * @return this
     */
    public Builder duplicateNotifications(boolean duplicate) {
      this.duplicateNotifications = duplicate;
      return this;
    }

    /**
     * How long after an agent's active message a customer reply is routed to that agent (default 24 h).
     *
     * @param window the window
     * @return this
     */
    public Builder activeMessageWindow(Duration window) {
      this.activeMessageWindow = Objects.requireNonNull(window);
      return this;
    }

    /**
     * Whether context variable names are case-sensitive (UNCONFIRMED; default false).
     *
     * @param sensitive true for case-sensitive
     * @return this
     */
    public Builder contextNamesCaseSensitive(boolean sensitive) {
      this.contextNamesCaseSensitive = sensitive;
      return this;
    }

    /**
     * Whether a non-template message to a WhatsApp customer who has not written in the last 24 h fails with
     * {@code (#131047) Re-engagement message}, as WhatsApp does (default true).
     *
     * @param enforce true to enforce
     * @return this
     */
    public Builder enforceCustomerServiceWindow(boolean enforce) {
      this.enforceCustomerServiceWindow = enforce;
      return this;
    }

    /**
     * The queue of tickets opened without a team (default {@code Default}).
     *
     * @param queue the queue name
     * @return this
     */
    public Builder defaultQueue(String queue) {
      this.defaultQueue = Objects.requireNonNull(queue);
      return this;
    }

    /**
     * Starts the fake.
     *
     * @return the running fake
     * @throws UncheckedIOException if the port cannot be bound
     */
    public FakeBlip start() {
      try {
        return new FakeBlip(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The base URL, {@code http://127.0.0.1:PORT} (no trailing slash).
   *
   * @return the base URL
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * The port.
   *
   * @return the port
   */
  public int port() {
    return server.getPort();
  }

  /**
   * The default bot's identifier.
   *
   * @return the identifier
   */
  public String identifier() {
    return defaultBot.identifier();
  }

  /**
   * The default bot's access key.
   *
   * @return the access key
   */
  public String accessKey() {
    return defaultBot.accessKey();
  }

  /**
   * The default bot's {@code Authorization} header value, {@code Key base64(identifier:accessKey)}.
   *
   * @return the header value
   */
  public String authorizationHeader() {
    return defaultBot.authorizationHeader();
  }

  /**
   * A new {@link dev.blipsdk.core.BlipClient} for the default bot of this fake: base URL and credentials set, on the
   * system clock. You may close it; whatever is still open closes with the fake.
   *
   * <p>To make the SDK's own time (a status's 24 h expiry, for example) follow this fake's {@link #clock()}, build
   * the client with {@code .clock(blip.clock())} instead. With the default manual clock, anything in the SDK that
   * waits for time to pass (bulk pacing, await timeouts) then waits until the test advances the clock, so pair it
   * with a {@link dev.blipsdk.core.Sleeper} that advances it, or start the fake with {@link FakeClock#realTime()}.
   *
   * @return a ready client
   */
  public dev.blipsdk.core.BlipClient client() {
    return client(defaultBot.identifier());
  }

  /**
   * A new {@link dev.blipsdk.core.BlipClient} for one bot of this fake, on the system clock (see {@link #client()}).
   * You may close it; whatever is still open closes with the fake.
   *
   * @param identifier the bot identifier
   * @return a ready client
   */
  public dev.blipsdk.core.BlipClient client(String identifier) {
    FakeBot b = bot(identifier);
    dev.blipsdk.core.BlipClient client = dev.blipsdk.core.BlipClient.builder().baseUrl(baseUrl())
        .credentials(b.identifier(), b.accessKey()).build();
    clients.add(client);
    return client;
  }

  /**
   * The clock everything time-based runs on.
   *
   * @return the clock
   */
  public FakeClock clock() {
    return clock;
  }

  /**
   * The default (first configured) bot.
   *
   * @return the bot
   */
  public FakeBot bot() {
    return defaultBot;
  }

  /**
   * A configured bot.
   *
   * @param identifier the bot identifier
   * @return the bot
   * @throws IllegalArgumentException if there is no such bot
   */
  public FakeBot bot(String identifier) {
    FakeBot b = bots.get(identifier);
    if (b == null) {
      throw new IllegalArgumentException("no bot " + identifier + "; configured: " + bots.keySet());
    }
    return b;
  }

  /**
   * Arms a fault.
   *
   * @param fault the fault
   * @return this
   */
  public FakeBlip inject(Fault fault) {
    faults.add(Objects.requireNonNull(fault));
    return this;
  }

  /**
   * How many requests a kind of fault hit since the fake started (disarming does not reset it).
   *
   * @param kind the kind
   * @return the count
   */
  public int faultsFired(Fault.Kind kind) {
    return faults.fired(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Disarms every fault.
   *
   * @return this
   */
  public FakeBlip clearFaults() {
    faults.clear();
    return this;
  }

  /**
   * Every envelope the server received and processed, of every bot, in arrival order (requests answered by a fault,
   * 400, 401 or 429 are not in it).
   *
   * @return the envelopes
   */
  public List<ReceivedEnvelope> receivedEnvelopes() {
    return dispatcher.received();
  }

  /**
   * How many HTTP requests reached the server, whatever the answer (faults, 401, 429 included).
   *
   * @return the count
   */
  public int httpRequestCount() {
    return server.getRequestCount();
  }

  /**
   * Every webhook POST made, in order.
   *
   * @return the deliveries
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  /**
   * Waits until every event due now (notifications, webhook calls) has run.
   *
   * @param timeout how long to wait at most
   * @return true if idle, false on timeout
   * @throws InterruptedException if interrupted
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return scheduler.awaitIdle(timeout);
  }

  /**
   * Waits up to 10 seconds until every event due now has run.
   *
   * @throws IllegalStateException if still busy after 10 seconds
   */
  public void awaitIdle() {
    try {
      if (!scheduler.awaitIdle(Duration.ofSeconds(10))) {
        throw new IllegalStateException("fake Blip still busy after 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- shortcuts to the default bot

  /**
   * Shortcut for {@code bot().seedTemplate(template)}.
   *
   * @param template the template
   * @return this
   */
  public FakeBlip seedTemplate(FakeTemplate template) {
    defaultBot.seedTemplate(template);
    return this;
  }

  /**
   * Shortcut for {@code bot().seedContact(identity, name)}.
   *
   * @param identity the identity
   * @param name the name
   * @return this
   */
  public FakeBlip seedContact(String identity, String name) {
    defaultBot.seedContact(identity, name);
    return this;
  }

  /**
   * Shortcut for {@code bot().script(recipient, script)}.
   *
   * @param recipient the recipient
   * @param script the script
   * @return this
   */
  public FakeBlip script(String recipient, MessageScript script) {
    defaultBot.script(recipient, script);
    return this;
  }

  /**
   * Shortcut for {@code bot().simulateCustomerReply(from, text)}.
   *
   * @param from the customer identity or phone
   * @param text the text
   * @return the inbound message id
   */
  public String simulateCustomerReply(String from, String text) {
    return defaultBot.simulateCustomerReply(from, text);
  }

  /** Stops the server, the event thread and the webhook client. Idempotent. */
  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    for (dev.blipsdk.core.BlipClient c; (c = clients.poll()) != null; ) {
      c.close();
    }
    clock.removeListener(clockListener);
    scheduler.close();
    try {
      server.close();
    } catch (RuntimeException e) {
      // closing anyway
    }
    webhooks.close();
  }

  @Override
  public String toString() {
    return "FakeBlip[" + baseUrl() + ", bots=" + bots.keySet() + "]";
  }
}
