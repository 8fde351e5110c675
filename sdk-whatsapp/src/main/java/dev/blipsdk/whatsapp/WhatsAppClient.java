package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.internal.ClientAccess;
import dev.blipsdk.core.internal.OperationOptions;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.whatsapp.internal.ResolutionCache;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp active messages over a {@link BlipClient}: resolves phone numbers to WhatsApp identities, lists
 * templates, validates and sends template messages one at a time or in bulk, and tracks their status.
 *
 * <pre>{@code
 * WhatsAppClient whatsApp = WhatsAppClient.builder(blip)
 *     .resolutionCache(10_000, Duration.ofDays(1))      // optional; at most 7 days
 *     .build();
 * SendReceipt receipt = whatsApp.send(PhoneNumber.parse("(31) 99999-8888", "55"),
 *     TemplateMessage.of("order_shipped", "pt_BR").body("Ana", "#4411"));
 * StatusTracker tracker = whatsApp.statusTracker();
 * tracker.track(receipt);
 * StatusReport report = tracker.await(receipt.envelopeId(),
 *     EnumSet.of(MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED), Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>Every send validates the message first ({@link TemplateMessage#validate(Template)}) and throws a
 * {@link BlipValidationException} without any HTTP call when it breaks a rule. A send to a phone number
 * resolves it first and throws {@link NotOnWhatsAppException} when it has no account. The envelope id is
 * generated (or given in {@link SendOptions}) and returned in the {@link SendReceipt}. A message is never
 * sent twice unless the request options declare it idempotent.
 *
 * <p>With a {@linkplain Builder#rateLimiter(RateLimiter) rate limiter}, every send (blocking, async, bulk)
 * first waits for a permit, taken after the recipient is resolved and before the message goes out; a
 * limiter that cannot answer fails the send with a {@link dev.blipsdk.core.exception.StoreException} and
 * nothing is sent.
 *
 * <p><b>Thread safety:</b> immutable and thread-safe; share one per {@link BlipClient}. It uses the Blip
 * client's HTTP client and holds no threads of its own (bulk runs create theirs, see {@link BulkSender}).
 */
public final class WhatsAppClient {
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppClient.class);
  /** The longest a resolution may be cached: WhatsApp keeps a validation at most 7 days. */
  public static final Duration MAX_CACHE_TTL = Duration.ofDays(7);

  private final BlipClient blip;
  private final Sleeper sleeper;
  private final @Nullable ResolutionCache<PhoneNumber, Resolution> cache;
  private final boolean cacheNotOnWhatsApp;
  private final TemplateCatalog catalog;
  private final @Nullable RateLimiter rateLimiter;
  /** Lookups under way, so that concurrent resolutions of one number share one request. */
  private final ConcurrentHashMap<PhoneNumber, CompletableFuture<Resolution>> inFlight =
      new ConcurrentHashMap<>();

  private WhatsAppClient(Builder b) {
    this.blip = b.blip;
    this.sleeper = b.sleeper;
    this.cache = b.cacheSize > 0 ? new ResolutionCache<>(b.cacheSize, b.cacheTtl, blip.clock()) : null;
    this.cacheNotOnWhatsApp = b.cacheNotOnWhatsApp;
    this.catalog = new TemplateCatalog(blip);
    this.rateLimiter = b.rateLimiter;
  }

  /**
   * A builder over a Blip client.
   *
   * @param blip the Blip client (its clock, credentials and HTTP client are used)
   * @return the builder
   */
  public static Builder builder(BlipClient blip) {
    return new Builder(Objects.requireNonNull(blip, "blip"));
  }

  /**
   * A client with the defaults (no resolution cache).
   *
   * @param blip the Blip client
   * @return the client
   */
  public static WhatsAppClient of(BlipClient blip) {
    return builder(blip).build();
  }

  /**
   * The Blip client underneath.
   *
   * @return the Blip client
   */
  public BlipClient blip() {
    return blip;
  }

  /**
   * The clock (the Blip client's).
   *
   * @return the clock
   */
  public Clock clock() {
    return blip.clock();
  }

  /**
   * The sleeper used by waits (status polling, bulk pacing).
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The limiter every send waits for, if one was set.
   *
   * @return the limiter, or {@code null}
   */
  public @Nullable RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /**
   * The template catalog.
   *
   * @return the catalog
   */
  public TemplateCatalog templates() {
    return catalog;
  }

  /**
   * A new status tracker with the defaults (24 h expiry window). Use {@link StatusTracker#builder}
   * to change them.
   *
   * @return the tracker
   */
  public StatusTracker statusTracker() {
    return StatusTracker.builder(this).build();
  }

  /**
   * Blip's Active Campaign engine through this client: large audiences streamed up in batches, scheduled, paced,
   * routed and reported by Blip (see {@link Campaigns}).
   *
   * @return the campaigns API
   */
  public Campaigns campaigns() {
    return new Campaigns(this);
  }

  /**
   * A bulk sender builder using this client.
   *
   * @return the builder
   */
  public BulkSender.Builder bulk() {
    return BulkSender.builder(this);
  }

  // ---- resolution -------------------------------------------------------------------------------

  /**
   * Resolves a phone number to its WhatsApp identity through the accounts lookup
   * ({@code get lime://wa.gw.msging.net/accounts/+E164}), or from the cache when turned on. Note Blip's
   * warning: looking many numbers up without sending to them can get the number banned.
   *
   * <p>Concurrent resolutions of the same number (blocking or async, cache on or off) share one lookup:
   * the first caller's request answers them all.
   *
   * @param phoneNumber the number
   * @return {@link Resolution.Found} with the {@code alternativeAccount}, or
   *     {@link Resolution.NotOnWhatsApp}
   * @throws dev.blipsdk.core.exception.BlipException on transport failures (not for "not on WhatsApp")
   */
  public Resolution resolve(PhoneNumber phoneNumber) {
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    Resolution cached = cached(phoneNumber);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<Resolution> mine = new CompletableFuture<>();
    CompletableFuture<Resolution> other = inFlight.putIfAbsent(phoneNumber, mine);
    if (other != null) {
      return join(other);
    }
    try {
      Resolution again = cached(phoneNumber);
      Resolution r;
      if (again != null) {
        r = again;
      } else {
        try {
          r = fromResponse(phoneNumber, blip.execute(lookup(phoneNumber), WhatsAppOperations.RESOLVE_OPTIONS));
        } catch (BlipCommandException e) {
          r = new Resolution.NotOnWhatsApp(phoneNumber, e.reason());
        }
        r = remember(r);
      }
      mine.complete(r);
      return r;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(phoneNumber, mine);
    }
  }

  /**
   * Resolves without blocking. See {@link #resolve(PhoneNumber)}. Cancelling the returned future does not
   * cancel a lookup other callers share.
   *
   * @param phoneNumber the number
   * @return the future resolution; fails only on transport failures
   */
  public CompletableFuture<Resolution> resolveAsync(PhoneNumber phoneNumber) {
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    Resolution cached = cached(phoneNumber);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<Resolution> mine = new CompletableFuture<>();
    CompletableFuture<Resolution> other = inFlight.putIfAbsent(phoneNumber, mine);
    if (other != null) {
      return other.thenApply(r -> r);
    }
    Resolution again = cached(phoneNumber);
    if (again != null) {
      inFlight.remove(phoneNumber, mine);
      mine.complete(again);
      return mine.thenApply(r -> r);
    }
    CompletableFuture<Command> call;
    try {
      call = blip.executeAsync(lookup(phoneNumber), WhatsAppOperations.RESOLVE_OPTIONS);
    } catch (RuntimeException e) {
      inFlight.remove(phoneNumber, mine);
      mine.completeExceptionally(e);
      return mine.thenApply(r -> r);
    }
    call.whenComplete((response, error) -> {
      Resolution r = null;
      Throwable failure = null;
      try {
        if (error == null) {
          r = remember(fromResponse(phoneNumber, response));
        } else {
          Throwable cause = unwrap(error);
          if (cause instanceof BlipCommandException e) {
            r = remember(new Resolution.NotOnWhatsApp(phoneNumber, e.reason()));
          } else {
            failure = cause;
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      inFlight.remove(phoneNumber, mine);
      if (failure != null) {
        mine.completeExceptionally(failure);
      } else {
        mine.complete(r);
      }
    });
    return mine.thenApply(r -> r);
  }

  /**
   * Forgets a cached resolution (for example after a send to it failed).
   *
   * @param phoneNumber the number
   */
  public void evictResolution(PhoneNumber phoneNumber) {
    if (cache != null) {
      cache.remove(phoneNumber);
    }
  }

  private @Nullable Resolution cached(PhoneNumber p) {
    return cache == null ? null : cache.get(p);
  }

  private Resolution remember(Resolution r) {
    if (cache != null && (r.isFound() || cacheNotOnWhatsApp)) {
      cache.put(r.phoneNumber(), r);
    }
    return r;
  }

  private static Command lookup(PhoneNumber p) {
    // The leading + is mandatory: without it Blip answers success even for numbers not on WhatsApp.
    return Command.get("lime://wa.gw.msging.net/accounts/" + p.e164())
        .to(TemplateCatalog.WA_POSTMASTER).build();
  }

  private static Resolution fromResponse(PhoneNumber p, Command response) {
    JsonDocument resource = response.resource();
    if (resource == null || !resource.isObject()) {
      return new Resolution.NotOnWhatsApp(p, new Reason(null, "the accounts lookup returned no account"));
    }
    WhatsAppAccount found = resource.decode(WhatsAppAccount.class);
    Identity identity = found.sendTo();
    if (identity == null) {
      return new Resolution.NotOnWhatsApp(p, new Reason(null, "the accounts lookup returned no identity"));
    }
    String name = found.fullName();
    return new Resolution.Found(p, identity, name == null || name.isBlank() ? null : name, found);
  }

  // ---- sending ----------------------------------------------------------------------------------

  /**
   * Resolves a phone number and sends it a template message.
   *
   * @param to the phone number
   * @param message the message
   * @return the receipt
   * @throws BlipValidationException if the message breaks a rule (nothing is sent)
   * @throws NotOnWhatsAppException if the number has no WhatsApp account (nothing is sent)
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public SendReceipt send(PhoneNumber to, TemplateMessage message) {
    return send(Recipient.of(to), message, SendOptions.none());
  }

  /**
   * Sends a template message to a WhatsApp identity (a contact's, or an {@code alternativeAccount}).
   *
   * @param to the identity
   * @param message the message
   * @return the receipt
   * @throws BlipValidationException if the message breaks a rule (nothing is sent)
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public SendReceipt send(Identity to, TemplateMessage message) {
    return send(Recipient.of(to), message, SendOptions.none());
  }

  /**
   * Sends a template message.
   *
   * @param to the recipient
   * @param message the message
   * @param options the options (envelope id, definition to validate against, request options)
   * @return the receipt
   * @throws BlipValidationException if the message breaks a rule (nothing is sent)
   * @throws NotOnWhatsAppException if a phone recipient has no WhatsApp account (nothing is sent)
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public SendReceipt send(Recipient to, TemplateMessage message, SendOptions options) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    message.validate(options.template());
    if (message.mediaCheckMode() == MediaCheck.CONTENT_TYPE) {
      join(checkMediaAsync(message));
    }
    Identity identity = identityOf(to);
    if (rateLimiter != null) {
      join(rateLimiter.acquire());
    }
    Message m = message.toMessage(identity).withId(idFor(options));
    Message sent = blip.sendMessage(m, OperationOptions.named(options.requestOptions(), WhatsAppOperations.SEND));
    return new SendReceipt(Objects.requireNonNull(sent.id()), identity, blip.clock().instant());
  }

  /**
   * Sends without blocking. See {@link #send(Recipient, TemplateMessage, SendOptions)}; failures
   * complete the future exceptionally with the same exceptions. Cancelling the future stops the send
   * where it is: the media check, the phone number's resolution (a lookup shared with other callers goes
   * on) or the HTTP call; a message whose HTTP request already reached Blip may still go out.
   *
   * @param to the recipient
   * @param message the message
   * @return the future receipt
   */
  public CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message) {
    return sendAsync(to, message, SendOptions.none());
  }

  /**
   * Sends without blocking, with options.
   *
   * @param to the recipient
   * @param message the message
   * @param options the options
   * @return the future receipt
   */
  public CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options) {
    return sendAsync(to, message, options, null);
  }

  /** Sends without blocking; {@code permitTaken} is a limiter the caller already took a permit from. */
  CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options,
      @Nullable RateLimiter permitTaken) {
    String id;
    try {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(options, "options");
      message.validate(options.template());
      id = idFor(options);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    RequestOptions ro = OperationOptions.named(options.requestOptions(), WhatsAppOperations.SEND);
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> stage = new AtomicReference<>();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        CompletableFuture<?> current = stage.get();
        if (current != null) {
          current.cancel(true);
        }
      }
    });
    CompletableFuture<Void> media = message.mediaCheckMode() == MediaCheck.CONTENT_TYPE
        ? checkMediaAsync(message) : CompletableFuture.completedFuture(null);
    RateLimiter limiter = rateLimiter == permitTaken ? null : rateLimiter;
    step(result, stage, media, v -> step(result, stage, identityOfAsync(to),
        identity -> step(result, stage, limiter == null ? CompletableFuture.<Void>completedFuture(null)
            : limiter.acquire(), permit -> step(result, stage,
                blip.sendMessageAsync(message.toMessage(identity).withId(id), ro),
                sent -> result.complete(new SendReceipt(Objects.requireNonNull(sent.id()), identity,
                    blip.clock().instant()))))));
    return result;
  }

  /**
   * Runs one stage of an async send: remembers it so that cancelling {@code result} cancels it, fails
   * {@code result} when it fails, and otherwise hands its value on, unless {@code result} is done.
   */
  private static <T> void step(CompletableFuture<?> result, AtomicReference<CompletableFuture<?>> stage,
      CompletableFuture<T> current, java.util.function.Consumer<T> next) {
    stage.set(current);
    if (result.isCancelled()) {
      current.cancel(true);
      return;
    }
    current.whenComplete((value, error) -> {
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        result.completeExceptionally(unwrap(error));
        return;
      }
      try {
        next.accept(value);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
  }

  private String idFor(SendOptions options) {
    return options.envelopeId() != null ? options.envelopeId() : blip.newEnvelopeId();
  }

  private Identity identityOf(Recipient to) {
    if (to instanceof Recipient.Account a) {
      return a.identity();
    }
    Recipient.Phone p = (Recipient.Phone) to;
    Resolution r = resolve(p.phoneNumber());
    if (r instanceof Resolution.NotOnWhatsApp no) {
      throw new NotOnWhatsAppException(no);
    }
    return ((Resolution.Found) r).account();
  }

  CompletableFuture<Identity> identityOfAsync(Recipient to) {
    if (to instanceof Recipient.Account a) {
      return CompletableFuture.completedFuture(a.identity());
    }
    Recipient.Phone p = (Recipient.Phone) to;
    return resolveAsync(p.phoneNumber()).thenApply(r -> {
      if (r instanceof Resolution.NotOnWhatsApp no) {
        throw new NotOnWhatsAppException(no);
      }
      return ((Resolution.Found) r).account();
    });
  }

  // ---- media check --------------------------------------------------------------------------------

  /**
   * Checks the header media of a message with a {@code HEAD} request through the Blip client's OkHttp
   * client: the URL must answer 2xx with a {@code Content-Type} of the header's kind
   * ({@link MediaKind#contentTypes()}). Sends made with {@link MediaCheck#CONTENT_TYPE} run it first;
   * call it yourself to check a URL early. Completes at once when the message has no media header.
   *
   * @param message the message
   * @return a future that completes normally when the media is right, or fails with a
   *     {@link BlipValidationException} (rule {@code content-type} or {@code media-unreachable})
   */
  public CompletableFuture<Void> checkMediaAsync(TemplateMessage message) {
    MediaKind kind = message.headerMediaKind();
    String url = message.headerMediaUrl();
    if (kind == null || url == null) {
      return CompletableFuture.completedFuture(null);
    }
    String field = "header." + kind.wireValue();
    Request request;
    try {
      request = new Request.Builder().url(url).head().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new BlipValidationException(field, "absolute-url",
          kind.wireValue() + " URL must be an absolute http or https URL"));
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    Call call = ClientAccess.httpClient(blip).newCall(request);
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        call.cancel();
      }
    });
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(new BlipValidationException(field, "media-unreachable",
            "could not check the " + kind.wireValue() + " URL with a HEAD request: " + e.getMessage()));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          if (!response.isSuccessful()) {
            result.completeExceptionally(new BlipValidationException(field, "media-unreachable",
                "the " + kind.wireValue() + " URL answered HTTP " + response.code()
                + " to a HEAD request; WhatsApp must be able to download it"));
            return;
          }
          String type = response.header("Content-Type");
          String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
          if (!kind.contentTypes().contains(mime)) {
            result.completeExceptionally(new BlipValidationException(field, "content-type",
                "the header needs a " + kind.wireValue() + " " + kind.contentTypes() + " but the URL serves '"
                + (type == null ? "no content type" : mime) + "'"));
            return;
          }
          LOG.debug("media header checked: {} is {}", kind, mime);
          result.complete(null);
        }
      }
    });
    return result;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = unwrap(e);
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "WhatsAppClient{blip=" + blip + ", resolutionCache=" + (cache == null ? "off" : "on") + "}";
  }

  /**
   * Builds a {@link WhatsAppClient}. Not thread-safe; the client it builds is.
   */
  public static final class Builder {
    private final BlipClient blip;
    private Sleeper sleeper = Sleeper.system();
    private int cacheSize;
    private Duration cacheTtl = Duration.ZERO;
    private boolean cacheNotOnWhatsApp;
    private @Nullable RateLimiter rateLimiter;

    private Builder(BlipClient blip) {
      this.blip = blip;
    }

    /**
     * Makes every send of this client (blocking, async, bulk) wait for a permit from this limiter first
     * (off by default). Share one limiter, for example one on Redis, between the instances of a fleet so
     * that together they stay within the plan.
     *
     * @param limiter the limiter
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Caches resolutions (off by default): at most {@code maxEntries} numbers, least recently used out
     * first, each for {@code ttl}, measured with the Blip client's clock.
     *
     * @param maxEntries positive
     * @param ttl positive, at most {@link #MAX_CACHE_TTL} (7 days)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder resolutionCache(int maxEntries, Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (maxEntries <= 0) {
        throw new IllegalArgumentException("resolutionCache maxEntries must be positive, was " + maxEntries);
      }
      if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_CACHE_TTL) > 0) {
        throw new IllegalArgumentException("resolutionCache ttl must be positive and at most 7 days"
            + " (WhatsApp keeps a validation at most 7 days), was " + ttl);
      }
      this.cacheSize = maxEntries;
      this.cacheTtl = ttl;
      return this;
    }

    /**
     * Also caches "not on WhatsApp" answers (default off: a number may join WhatsApp any time). Saves
     * lookups, which Blip warns can get a number banned when many go unanswered by sends.
     *
     * @param enabled true to cache them
     * @return this builder
     */
    public Builder cacheNotOnWhatsApp(boolean enabled) {
      this.cacheNotOnWhatsApp = enabled;
      return this;
    }

    /**
     * Sets how waits happen (status polling, bulk pacing); default real sleeping. Tests inject one that
     * advances a fake clock.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public WhatsAppClient build() {
      return new WhatsAppClient(this);
    }
  }
}
