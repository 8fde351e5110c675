package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.ResolutionCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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
  /** The longest a resolution may be cached: WhatsApp keeps a validation at most 7 days. */
  public static final Duration MAX_CACHE_TTL = Duration.ofDays(7);

  private final BlipClient blip;
  private final Sleeper sleeper;
  private final TemplateCatalog catalog;
  private final PhoneResolver resolver;
  private final MediaChecker media;
  private final TemplateSender sender;
  private final @Nullable RateLimiter rateLimiter;

  private WhatsAppClient(Builder b) {
    this.blip = b.blip;
    this.sleeper = b.sleeper;
    this.catalog = new TemplateCatalog(blip);
    this.resolver = new PhoneResolver(blip, b.cacheSize > 0
        ? new ResolutionCache<>(b.cacheSize, b.cacheTtl, blip.clock()) : null, b.cacheNotOnWhatsApp);
    this.media = new MediaChecker(blip);
    this.rateLimiter = b.rateLimiter;
    this.sender = new TemplateSender(blip, resolver, media, rateLimiter);
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
   * Blip's Active Campaign engine through this client: large audiences streamed up in batches, scheduled, paced,
   * routed and reported by Blip (see {@link Campaigns}).
   *
   * @return the campaigns API
   */
  public Campaigns campaigns() {
    return new Campaigns(this);
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
   * the first caller's request answers them all; each waits at most until its own deadline.
   *
   * @param phoneNumber the number
   * @return {@link Resolution.Found} with the {@code alternativeAccount}, or
   *     {@link Resolution.NotOnWhatsApp}
   * @throws dev.blipsdk.core.exception.BlipException on transport failures (not for "not on WhatsApp")
   */
  public Resolution resolve(PhoneNumber phoneNumber) {
    return resolve(phoneNumber, RequestOptions.none());
  }

  /**
   * Resolves with per-call options (a deadline, say). See {@link #resolve(PhoneNumber)}.
   *
   * @param phoneNumber the number
   * @param options the options of the lookup
   * @return the resolution
   * @throws dev.blipsdk.core.exception.BlipException on transport failures (not for "not on WhatsApp")
   */
  public Resolution resolve(PhoneNumber phoneNumber, RequestOptions options) {
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    return resolver.resolve(phoneNumber, CoreBridge.startDeadline(blip, options));
  }

  /**
   * Resolves without blocking. See {@link #resolve(PhoneNumber)}. Cancelling the returned future does not
   * cancel a lookup other callers share.
   *
   * @param phoneNumber the number
   * @return the future resolution; fails only on transport failures
   */
  public CompletableFuture<Resolution> resolveAsync(PhoneNumber phoneNumber) {
    return resolveAsync(phoneNumber, RequestOptions.none());
  }

  /**
   * Resolves without blocking, with per-call options. See {@link #resolveAsync(PhoneNumber)}.
   *
   * @param phoneNumber the number
   * @param options the options of the lookup
   * @return the future resolution; fails only on transport failures
   */
  public CompletableFuture<Resolution> resolveAsync(PhoneNumber phoneNumber, RequestOptions options) {
    try {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
      return resolver.resolveAsync(phoneNumber, CoreBridge.startDeadline(blip, options));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Forgets a cached resolution (for example after a send to it failed).
   *
   * @param phoneNumber the number
   */
  public void evictResolution(PhoneNumber phoneNumber) {
    resolver.evict(phoneNumber);
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
   * Sends a template message. One deadline covers the whole send (the media check, the phone number's
   * resolution and the message): the options' request deadline, or else the Blip client's.
   *
   * @param to the recipient
   * @param message the message
   * @param options the options (envelope id, definition to validate against, request options)
   * @return the receipt
   * @throws BlipValidationException if the message breaks a rule (nothing is sent)
   * @throws NotOnWhatsAppException if a phone recipient has no WhatsApp account (nothing is sent)
   * @throws dev.blipsdk.core.exception.BlipTimeoutException if the deadline passed
   * @throws dev.blipsdk.core.exception.BlipException on any other failure
   */
  public SendReceipt send(Recipient to, TemplateMessage message, SendOptions options) {
    return sender.send(to, message, options);
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
   * Sends without blocking, with options; one deadline covers the whole send, as in
   * {@link #send(Recipient, TemplateMessage, SendOptions)}.
   *
   * @param to the recipient
   * @param message the message
   * @param options the options
   * @return the future receipt
   */
  public CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options) {
    return sender.sendAsync(to, message, options, null);
  }

  /** Sends without blocking; {@code permitTaken} is a limiter the caller already took a permit from. */
  CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options,
      @Nullable RateLimiter permitTaken) {
    return sender.sendAsync(to, message, options, permitTaken);
  }

  // ---- media check --------------------------------------------------------------------------------

  /**
   * Checks the header media of a message with a {@code HEAD} request through the Blip client's OkHttp
   * client, within the client's deadline: the URL must answer 2xx with a {@code Content-Type} of the header's
   * kind ({@link MediaKind#contentTypes()}). Sends made with {@link MediaCheck#CONTENT_TYPE} run it first;
   * call it yourself to check a URL early. Completes at once when the message has no media header.
   *
   * @param message the message
   * @return a future that completes normally when the media is right, or fails with a
   *     {@link BlipValidationException} (rule {@code content-type} or {@code media-unreachable})
   */
  public CompletableFuture<Void> checkMediaAsync(TemplateMessage message) {
    try {
      return media.check(Objects.requireNonNull(message, "message"),
          CoreBridge.startDeadline(blip, RequestOptions.none()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "WhatsAppClient{blip=" + blip + ", resolutionCache=" + (resolver.caches() ? "on" : "off") + "}";
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
