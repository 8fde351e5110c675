package dev.blipsdk.core;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.IncompatibleClasspathException;
import dev.blipsdk.core.internal.ClasspathCheck;
import dev.blipsdk.core.internal.ClientAccess;
import dev.blipsdk.core.internal.Transport;
import dev.blipsdk.core.internal.Transport.Endpoint;
import dev.blipsdk.core.internal.Version;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import dev.blipsdk.core.internal.EnvelopeIds;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The client of one Blip bot: sends messages and notifications and executes commands over Blip's HTTP
 * API, with authentication, an overall deadline per call, retries that never duplicate a message, and
 * typed errors.
 *
 * <pre>{@code
 * try (BlipClient client = BlipClient.builder()
 *     .contract("my-contract")                       // https://my-contract.http.msging.net
 *     .credentials("mybot", System.getenv("BLIP_ACCESS_KEY"))
 *     .build()) {
 *   Message sent = client.sendMessage(Message.text(Node.parse("5531999998888@wa.gw.msging.net"), "Hi"));
 *   Command contact = client.execute(Command.get("/contacts/5531999998888@wa.gw.msging.net")
 *       .to("postmaster@crm.msging.net").build());
 * }
 * }</pre>
 *
 * <p>Each method comes blocking and as {@code ...Async}, returning a {@link CompletableFuture} built on
 * OkHttp's own dispatcher (no thread pool of the SDK's); cancelling the future cancels the HTTP call.
 *
 * <p><b>Thread safety:</b> immutable and thread-safe; share one instance per bot key. Many clients (one per
 * bot) can live in one JVM; they share nothing mutable unless you hand them the same
 * {@link OkHttpClient}. {@link #newBuilder()} derives a client (another key, other timeouts) that shares
 * this one's connection pool and threads.
 *
 * <p><b>Closing:</b> {@link #close()} releases only what this client created (the {@code OkHttpClient} it
 * built); a client given an {@code OkHttpClient}, or derived with {@link #newBuilder()}, leaves it alone.
 *
 * <p><b>Threads:</b> besides OkHttp's, the SDK has one daemon thread per JVM, shared by every client:
 * {@code blip-sdk-deadline-watchdog}, which cancels calls that pass their {@linkplain Builder#deadline deadline}.
 * It starts with the first call and ends by itself after a minute with no call in flight.
 */
public final class BlipClient implements AutoCloseable {
  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default read timeout: 30 s (Blip sometimes accepts a connection and never answers). */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** The default write timeout: 30 s. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * How many async calls a client that built its own {@link OkHttpClient} runs at once (OkHttp's default is 5
   * per host); more wait in the dispatcher's queue. A client given an {@code OkHttpClient} uses its dispatcher.
   */
  public static final int MAX_ASYNC_CALLS = 64;
  /** The default overall deadline of one call, retries included: 60 s, since Blip gives up at 60 s. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

  static {
    ClientAccess.register(new ClientAccess.Accessor() {
      @Override
      public OkHttpClient httpClient(BlipClient client) {
        return client.http;
      }

      @Override
      public @Nullable OperationListener operationListener(BlipClient client) {
        return client.config.operationListener;
      }
    });
  }

  private final Builder config;
  private final OkHttpClient http;
  private final boolean ownsHttpClient;
  private final Transport transport;
  private final Supplier<String> envelopeIds;
  private final HttpUrl baseUrl;

  private BlipClient(Builder b, OkHttpClient http, boolean owns, HttpUrl baseUrl, String authorization) {
    this.config = b.copy();
    this.http = http;
    this.ownsHttpClient = owns;
    this.baseUrl = baseUrl;
    this.envelopeIds = b.envelopeIds;
    String ua = "blip-sdk-java/" + Version.SDK + " (Java " + Runtime.version().feature() + ")"
        + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
    this.transport = new Transport(http, baseUrl, authorization, ua, b.clock, b.sleeper, b.retryPolicy,
        b.deadline, b.logBodies, b.operationListener);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings whose clients share this one's connection pool and threads.
   * Change the credentials to serve another bot, or the timeouts for a slow job.
   *
   * @return the builder
   */
  public Builder newBuilder() {
    Builder b = config.copy();
    b.httpClient = http;
    b.sharedFrom = true;
    return b;
  }

  /**
   * The base URL calls go to, for example {@code https://my-contract.http.msging.net/}.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * The clock this client reads time from (injectable for tests).
   *
   * @return the clock
   */
  public Clock clock() {
    return config.clock;
  }


  /**
   * A new envelope id from the configured supplier (by default a random version-4 UUID string; see
   * {@link Builder#envelopeIdSupplier(Supplier)}).
   *
   * @return the id
   */
  public String newEnvelopeId() {
    return Objects.requireNonNull(envelopeIds.get(), "envelope id supplier returned null");
  }

  /**
   * Sends a message ({@code POST /messages}; Blip answers 202 and delivers asynchronously). A message with
   * no id gets one; follow it with the notifications that carry that id.
   *
   * <p>Never repeated once its bytes may have reached Blip (see {@link RetryPolicy}) unless
   * {@link RequestOptions.Builder#idempotent(boolean)} says so.
   *
   * @param message the message; {@code to} is required
   * @return the message as sent, with its id
   * @throws IllegalArgumentException if the message has no recipient
   * @throws dev.blipsdk.core.exception.BlipException on any failure; see its subclasses
   */
  public Message sendMessage(Message message) {
    return sendMessage(message, RequestOptions.none());
  }

  /**
   * Sends a message with per-call options. See {@link #sendMessage(Message)}.
   *
   * @param message the message
   * @param options the options
   * @return the message as sent, with its id
   * @throws IllegalArgumentException if the message has no recipient
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public Message sendMessage(Message message, RequestOptions options) {
    return (Message) transport.send(Endpoint.MESSAGES, prepare(message), options);
  }

  /**
   * Sends a message without blocking. See {@link #sendMessage(Message)}.
   *
   * @param message the message
   * @return the future message as sent; fails with a {@link dev.blipsdk.core.exception.BlipException}
   */
  public CompletableFuture<Message> sendMessageAsync(Message message) {
    return sendMessageAsync(message, RequestOptions.none());
  }

  /**
   * Sends a message without blocking, with per-call options.
   *
   * @param message the message
   * @param options the options
   * @return the future message as sent
   */
  public CompletableFuture<Message> sendMessageAsync(Message message, RequestOptions options) {
    Message prepared;
    try {
      prepared = prepare(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return cast(transport.sendAsync(Endpoint.MESSAGES, prepared, options));
  }

  /**
   * Sends a notification ({@code POST /notifications}), for example {@code consumed} for a message the
   * bot processed.
   *
   * @param notification the notification
   * @return the notification as sent
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public Notification sendNotification(Notification notification) {
    return sendNotification(notification, RequestOptions.none());
  }

  /**
   * Sends a notification with per-call options. Notifications about the same message and event are
   * harmless to repeat, so they are retried like {@code get} commands.
   *
   * @param notification the notification
   * @param options the options
   * @return the notification as sent
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public Notification sendNotification(Notification notification, RequestOptions options) {
    return (Notification) transport.send(Endpoint.NOTIFICATIONS, notification, notificationOptions(options));
  }

  /**
   * Sends a notification without blocking.
   *
   * @param notification the notification
   * @return the future notification as sent
   */
  public CompletableFuture<Notification> sendNotificationAsync(Notification notification) {
    return cast(transport.sendAsync(Endpoint.NOTIFICATIONS, notification, notificationOptions(RequestOptions.none())));
  }

  /**
   * Executes a command ({@code POST /commands}) and returns the response command. A command with no id
   * gets one. A response with {@code "status":"failure"} (which Blip sends inside HTTP 200) throws
   * {@link dev.blipsdk.core.exception.BlipCommandException}.
   *
   * <p>{@code get} commands are retried on transient failures; other methods only when
   * {@link RequestOptions.Builder#idempotent(boolean)} says so.
   *
   * @param command the request command
   * @return the successful response command; its {@link Command#resource()} holds the result, if any
   * @throws dev.blipsdk.core.exception.BlipCommandException if the command failed
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public Command execute(Command command) {
    return execute(command, RequestOptions.none());
  }

  /**
   * Executes a command with per-call options. See {@link #execute(Command)}.
   *
   * @param command the request command
   * @param options the options
   * @return the successful response command
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public Command execute(Command command, RequestOptions options) {
    return (Command) transport.send(Endpoint.COMMANDS, prepare(command), options);
  }

  /**
   * Executes a command and returns its resource decoded into {@code resourceType}: the same as
   * {@code execute(command).requireResource().decode(resourceType)} (same result, same exceptions and
   * messages, same retries), but the resource is decoded in the same pass as the response envelope, without
   * keeping a copy of its JSON. Use it when only the resource is wanted.
   *
   * <pre>{@code
   * record Contact(String identity, String name, String email) {}
   * Contact c = client.execute(Command.get("/contacts/" + identity).to("postmaster@crm.msging.net").build(),
   *     Contact.class);
   * }</pre>
   *
   * @param command the request command
   * @param resourceType the type to decode the resource into (rules of
   *     {@link dev.blipsdk.core.envelope.JsonDocument#decode(Class)})
   * @param <T> the resource's type
   * @return the decoded resource
   * @throws dev.blipsdk.core.exception.BlipCommandException if the command failed
   * @throws dev.blipsdk.core.exception.BlipProtocolException if the response has no resource or it does not
   *     decode into {@code resourceType}
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public <T> T execute(Command command, Class<T> resourceType) {
    return execute(command, resourceType, RequestOptions.none());
  }

  /**
   * Executes a command with per-call options and returns its resource decoded. See
   * {@link #execute(Command, Class)}.
   *
   * @param command the request command
   * @param resourceType the type to decode the resource into
   * @param options the options
   * @param <T> the resource's type
   * @return the decoded resource
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public <T> T execute(Command command, Class<T> resourceType, RequestOptions options) {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(options, "options");
    return transport.sendForResource(prepare(command), options, resourceType);
  }

  /**
   * Executes a command without blocking. See {@link #execute(Command)}.
   *
   * @param command the request command
   * @return the future response command
   */
  public CompletableFuture<Command> executeAsync(Command command) {
    return executeAsync(command, RequestOptions.none());
  }

  /**
   * Executes a command without blocking, with per-call options.
   *
   * @param command the request command
   * @param options the options
   * @return the future response command
   */
  public CompletableFuture<Command> executeAsync(Command command, RequestOptions options) {
    Command prepared;
    try {
      prepared = prepare(command);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return cast(transport.sendAsync(Endpoint.COMMANDS, prepared, options));
  }

  /**
   * Checks that Blip answers and accepts this client's credentials, with the cheapest authenticated call there
   * is: the LIME {@code get /ping} command, which Blip's server answers itself (no extension, no data read), and
   * returns how long it took. Retried like any {@code get} under the client's policy and deadline; pass
   * {@link RequestOptions} with a short deadline for a health probe.
   *
   * <p>How to read a failure:
   * <ul>
   *   <li>{@link dev.blipsdk.core.exception.AuthenticationException} (401): Blip is reachable and rejected the
   *       credentials;</li>
   *   <li>{@link dev.blipsdk.core.exception.BlipConnectionException} or
   *       {@link dev.blipsdk.core.exception.BlipTimeoutException}: Blip could not be reached or did not answer
   *       in time;</li>
   *   <li>any other {@link dev.blipsdk.core.exception.BlipException} (a 5xx, a rate limit): Blip was reached and
   *       answered with an error.</li>
   * </ul>
   *
   * @return the time from sending the first attempt to reading the answer (retries and waits included)
   * @throws dev.blipsdk.core.exception.BlipException as above
   */
  public Duration ping() {
    return ping(RequestOptions.none());
  }

  /**
   * {@link #ping()} with per-call options, for example a short deadline for a health probe.
   *
   * @param options the options; an operation set in them is replaced by {@link Operation#PING}
   * @return the latency
   * @throws dev.blipsdk.core.exception.BlipException as {@link #ping()} says
   */
  public Duration ping(RequestOptions options) {
    Command command = pingCommand();
    RequestOptions pingOptions = pingOptions(options);
    long start = System.nanoTime();
    transport.send(Endpoint.COMMANDS, command, pingOptions);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * {@link #ping()} without blocking.
   *
   * @return the future latency; fails as {@link #ping()} throws
   */
  public CompletableFuture<Duration> pingAsync() {
    return pingAsync(RequestOptions.none());
  }

  /**
   * {@link #ping(RequestOptions)} without blocking.
   *
   * @param options the options
   * @return the future latency; fails as {@link #ping()} throws
   */
  public CompletableFuture<Duration> pingAsync(RequestOptions options) {
    RequestOptions pingOptions;
    try {
      pingOptions = pingOptions(options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    long start = System.nanoTime();
    return transport.sendAsync(Endpoint.COMMANDS, pingCommand(), pingOptions)
        .thenApply(response -> Duration.ofNanos(System.nanoTime() - start));
  }

  private Command pingCommand() {
    return Command.get("/ping").id(newEnvelopeId()).build();
  }

  private static RequestOptions pingOptions(RequestOptions options) {
    return Objects.requireNonNull(options, "options").toBuilder().operation(Operation.PING).build();
  }

  private Message prepare(Message message) {
    Objects.requireNonNull(message, "message");
    if (message.to() == null) {
      throw new IllegalArgumentException("message.to is required to send a message");
    }
    return message.id() == null ? message.withId(newEnvelopeId()) : message;
  }

  private Command prepare(Command command) {
    Objects.requireNonNull(command, "command");
    if (command.status() != null) {
      throw new IllegalArgumentException("command.status must not be set on a request (it marks a response)");
    }
    if (command.uri() == null) {
      throw new IllegalArgumentException("command.uri is required");
    }
    return command.id() == null ? command.toBuilder().id(newEnvelopeId()).build() : command;
  }

  private static RequestOptions notificationOptions(RequestOptions options) {
    return options.idempotent() != null ? options : options.toBuilder().idempotent(true).build();
  }

  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> cast(CompletableFuture<?> f) {
    return (CompletableFuture<T>) f;
  }

  /**
   * Releases the connection pool and dispatcher threads if this client created its own
   * {@link OkHttpClient}; does nothing otherwise. Calls in flight may fail. Idempotent.
   */
  @Override
  public void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Shows the base URL and settings, never the credentials. */
  @Override
  public String toString() {
    return "BlipClient{baseUrl=" + baseUrl + ", identifier=" + (config.identifier == null ? "(from key)"
        : config.identifier) + ", deadline=" + config.deadline + ", retryPolicy=" + config.retryPolicy + "}";
  }

  /**
   * Builds a {@link BlipClient}. Set where to connect ({@link #contract(String)} or {@link #baseUrl(String)})
   * and how to authenticate ({@link #credentials(String, String)} or {@link #authorizationKey(String)});
   * everything else has documented defaults.
   *
   * <p>Not thread-safe; the client it builds is.
   */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable String identifier;
    private @Nullable String accessKey;
    private @Nullable String authorizationKey;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration writeTimeout;
    private Duration deadline = DEFAULT_DEADLINE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable String userAgentSuffix;
    private @Nullable OkHttpClient httpClient;
    private boolean sharedFrom;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> envelopeIds = EnvelopeIds::random;
    private Sleeper sleeper = Sleeper.system();
    private boolean logBodies;
    private @Nullable OperationListener operationListener;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.identifier = identifier;
      b.accessKey = accessKey;
      b.authorizationKey = authorizationKey;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.writeTimeout = writeTimeout;
      b.deadline = deadline;
      b.retryPolicy = retryPolicy;
      b.userAgentSuffix = userAgentSuffix;
      b.httpClient = httpClient;
      b.sharedFrom = sharedFrom;
      b.clock = clock;
      b.envelopeIds = envelopeIds;
      b.sleeper = sleeper;
      b.logBodies = logBodies;
      b.operationListener = operationListener;
      return b;
    }

    /**
     * Connects to a contract's host, {@code https://{contractId}.http.msging.net}. The contract id is
     * shown in the portal under Configurations, Connection information.
     *
     * @param contractId the contract (organization) id
     * @return this builder
     * @throws IllegalArgumentException if the id is not a valid host label
     */
    public Builder contract(String contractId) {
      Objects.requireNonNull(contractId, "contractId");
      if (!CONTRACT.matcher(contractId).matches()) {
        throw new IllegalArgumentException("contractId must be letters, digits and '-' (a host label), was '"
            + contractId + "'");
      }
      this.baseUrl = "https://" + contractId + ".http.msging.net";
      return this;
    }

    /**
     * Connects to an explicit base URL, for example {@code https://http.msging.net} or a fake server's.
     *
     * @param baseUrl an absolute http(s) URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (HttpUrl.parse(baseUrl) == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was '" + baseUrl + "'");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Authenticates as a bot with its identifier and access key; sent as
     * {@code Authorization: Key base64(identifier:accessKey)}.
     *
     * @param identifier the bot identifier, for example {@code mybot}
     * @param accessKey the access key from the portal
     * @return this builder
     * @throws IllegalArgumentException if either is empty or the identifier holds ':'
     */
    public Builder credentials(String identifier, String accessKey) {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(accessKey, "accessKey");
      if (identifier.isBlank() || identifier.indexOf(':') >= 0) {
        throw new IllegalArgumentException("identifier must be non-empty and must not contain ':'");
      }
      if (accessKey.isBlank()) {
        throw new IllegalArgumentException("accessKey must not be empty");
      }
      this.identifier = identifier;
      this.accessKey = accessKey;
      this.authorizationKey = null;
      return this;
    }

    /**
     * Authenticates with the ready value the portal shows, {@code Key bXlib3Q6...} (with or without the
     * {@code Key } prefix).
     *
     * @param keyValue the authorization key
     * @return this builder
     * @throws IllegalArgumentException if it is empty or not base64
     */
    public Builder authorizationKey(String keyValue) {
      Objects.requireNonNull(keyValue, "keyValue");
      String token = keyValue.trim();
      if (token.regionMatches(true, 0, "Key ", 0, 4)) {
        token = token.substring(4).trim();
      }
      if (token.isEmpty()) {
        throw new IllegalArgumentException("authorization key must not be empty");
      }
      try {
        Base64.getDecoder().decode(token);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("authorization key is not base64: copy the whole 'Key ...' value"
            + " from the portal");
      }
      this.authorizationKey = token;
      this.identifier = null;
      this.accessKey = null;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s when the client builds its own OkHttp client; otherwise
     * the given client's unless set here).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the write timeout (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /**
     * Sets the overall deadline of one call, all attempts and waits included (default 60 s).
     *
     * @param deadline positive
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /**
     * Sets the retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Appends a product token to the User-Agent, for example {@code my-crm/2.3}.
     *
     * @param suffix printable ASCII without line breaks
     * @return this builder
     * @throws IllegalArgumentException if it holds control characters
     */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix");
      for (int i = 0; i < suffix.length(); i++) {
        char c = suffix.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("userAgentSuffix must be printable ASCII");
        }
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Uses your {@link OkHttpClient} (shared pools, proxies, interceptors). The client derives its own
     * from it with {@link OkHttpClient#newBuilder()}, sharing the pool and dispatcher, and never shuts it
     * down. Timeouts set on this builder override the given client's.
     *
     * @param client the OkHttp client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      this.sharedFrom = false;
      return this;
    }

    /**
     * Sets the clock (default UTC system clock); tests inject a fixed or controllable one.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where envelope ids come from. Must be thread-safe and unique. The default gives random version-4
     * UUID strings drawn from {@link java.util.concurrent.ThreadLocalRandom}: unique, fast and free of shared
     * locks, but not unpredictable (an envelope id is an identifier, not a secret). Supply
     * {@code () -> UUID.randomUUID().toString()} if ids must come from a {@code SecureRandom}.
     *
     * @param supplier the id supplier
     * @return this builder
     */
    public Builder envelopeIdSupplier(Supplier<String> supplier) {
      this.envelopeIds = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Sets how the client waits between retries (default real sleeping); tests inject one that returns
     * at once.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Allows envelope bodies in the logs at TRACE level (default off). Bodies hold phone numbers and
     * message text: turn this on only to debug, never in production.
     *
     * @param enabled true to log bodies at TRACE
     * @return this builder
     */
    public Builder logBodies(boolean enabled) {
      this.logBodies = enabled;
      return this;
    }

    /**
     * Registers the listener that sees every operation of the client (and of clients derived with
     * {@link BlipClient#newBuilder()}): its name and uri template, each attempt with its outcome and retry wait,
     * and how it ended. Metrics and tracing modules ({@code blip-sdk-micrometer}, {@code blip-sdk-opentelemetry})
     * provide one; combine several with {@link OperationListener#composite}. Without one (the default) the
     * client pays one null check per call.
     *
     * @param listener the listener, thread-safe
     * @return this builder
     */
    public Builder operationListener(OperationListener listener) {
      this.operationListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException naming what is missing (where to connect, or credentials)
     * @throws IncompatibleClasspathException when the application's classpath holds an OkHttp, okio or
     *     kotlin-stdlib this SDK cannot run on (checked once per JVM); the message names the jars and the fix
     */
    public BlipClient build() {
      ClasspathCheck.verify();
      StringBuilder missing = new StringBuilder();
      if (baseUrl == null) {
        missing.append("where to connect: call contract(id) or baseUrl(url)");
      }
      if (authorizationKey == null && (identifier == null || accessKey == null)) {
        missing.append(missing.length() == 0 ? "" : "; ")
            .append("credentials: call credentials(identifier, accessKey) or authorizationKey(\"Key ...\")");
      }
      if (missing.length() > 0) {
        throw new IllegalStateException("BlipClient is missing " + missing);
      }
      HttpUrl url = HttpUrl.get(baseUrl);
      String token = authorizationKey != null ? authorizationKey : Base64.getEncoder().encodeToString(
          (identifier + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
      boolean owns = httpClient == null;
      OkHttpClient.Builder ok = owns ? new OkHttpClient.Builder()
          .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
          .readTimeout(DEFAULT_READ_TIMEOUT)
          .writeTimeout(DEFAULT_WRITE_TIMEOUT)
          .dispatcher(dispatcher())
          : httpClient.newBuilder();
      if (connectTimeout != null) {
        ok.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        ok.readTimeout(readTimeout);
      }
      if (writeTimeout != null) {
        ok.writeTimeout(writeTimeout);
      }
      // The deadline is applied per call; OkHttp's own call timeout must not cut it short.
      ok.callTimeout(Duration.ZERO);
      return new BlipClient(this, ok.build(), owns, url, "Key " + token);
    }

    /**
     * OkHttp's default dispatcher runs at most 5 async calls per host, and every call of this client goes to
     * the one Blip host: async sends (and a bulk run's concurrency) would queue behind 5. Raised to 64.
     */
    private static Dispatcher dispatcher() {
      Dispatcher d = new Dispatcher();
      d.setMaxRequests(MAX_ASYNC_CALLS);
      d.setMaxRequestsPerHost(MAX_ASYNC_CALLS);
      return d;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    /** Shows the settings, never the credentials. */
    @Override
    public String toString() {
      return "BlipClient.Builder{baseUrl=" + baseUrl + ", identifier=" + identifier + ", credentials="
          + (authorizationKey != null || accessKey != null ? "(set)" : "(missing)") + "}";
    }
  }
}
