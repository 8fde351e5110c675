package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives webhooks with any HTTP server: give it the method, the headers and the raw body; it verifies,
 * parses, calls your typed listeners and tells you what to answer.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .verifier(WebhookVerifier.staticHeader("X-Blip-Token", token))
 *     .onMessage(message -> bot.handle(message))
 *     .onStatus(status -> tracker.accept(status.notification()))
 *     .onTicket(ticket -> crm.ticketChanged(ticket.ticket()))
 *     .onError(error -> metrics.increment("webhook." + error.getClass().getSimpleName()))
 *     .build();
 *
 * // in your HTTP handler (read at most receiver.maxBodyBytes() + 1 bytes):
 * WebhookResponse response = receiver.handle(method, WebhookHeaders.fromMultiMap(headers), rawBody);
 * // write response.statusCode(), response.headers() and response.bodyBytes()
 * }</pre>
 *
 * <p>Answers, in the order checked:
 * <ul>
 *   <li>405 with {@code Allow: POST} for any method but POST;</li>
 *   <li>413 when the body is larger than the parser's limit (checked before anything else reads it);</li>
 *   <li>401 when verification fails (the body says only "unauthorized"; the reason goes to the error
 *       listener and the log);</li>
 *   <li>400 when the body does not parse;</li>
 *   <li>200 without calling any listener when a {@linkplain Builder#deduplicate(DeduplicationStore, Duration)
 *       de-duplication store} remembers the event's key: it was delivered before, here or to another
 *       instance sharing the store; 503 when that store cannot answer and the receiver is set to
 *       {@link DeduplicationFailure#FAIL_CLOSED};</li>
 *   <li>200 once the listeners returned, or 202 once the event was handed to the
 *       {@linkplain Builder#executor(Executor) executor}; also 200 for an event kind with no listener (it is
 *       accepted and dropped, logged at DEBUG);</li>
 *   <li>500 when a listener (or a verifier of your own) throws. The sender may then deliver the event
 *       again, which is what you want when the failure was transient (a database down): de-duplicate with
 *       {@link WebhookEvent#deduplicationKey()} so that listeners that already ran for it skip it (a
 *       receiver with a de-duplication store forgets the key of an event whose listener failed, so the
 *       next delivery reaches the listeners again). A listener
 *       that fails for good should catch its own exception and return, or the sender will keep retrying.
 *       The failure is logged at WARN without the body and reported to the error listener as a
 *       {@link WebhookCallbackException};</li>
 *   <li>503 when the executor rejects the event, so the sender retries later.</li>
 * </ul>
 * Blip wants a quick 2xx: keep listeners short, or give the builder an executor.
 *
 * <p>Immutable and thread-safe: one receiver serves all requests concurrently. Your listeners are called on
 * the request threads (or the executor's) and must be thread-safe themselves. {@code handle} never throws
 * for bad input.
 */
public final class WebhookReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

  private final @Nullable WebhookVerifier verifier;
  private final WebhookParser parser;
  private final List<Consumer<? super InboundMessage>> onMessage;
  private final List<Consumer<? super StatusNotification>> onStatus;
  private final List<Consumer<? super TicketEvent>> onTicket;
  private final List<Consumer<? super UnknownEvent>> onUnknown;
  private final List<Consumer<? super BlipException>> onError;
  private final @Nullable Executor executor;
  private final @Nullable DeduplicationStore deduplication;
  private final Duration deduplicationTtl;
  private final DeduplicationFailure deduplicationFailure;

  private WebhookReceiver(Builder b) {
    this.verifier = b.verifier;
    this.parser = b.parser;
    this.onMessage = List.copyOf(b.onMessage);
    this.onStatus = List.copyOf(b.onStatus);
    this.onTicket = List.copyOf(b.onTicket);
    this.onUnknown = List.copyOf(b.onUnknown);
    this.onError = List.copyOf(b.onError);
    this.executor = b.executor;
    this.deduplication = b.deduplication;
    this.deduplicationTtl = b.deduplicationTtl;
    this.deduplicationFailure = b.deduplicationFailure;
  }

  /**
   * Starts a receiver.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The largest body accepted. Read at most this many bytes plus one from the request: one more byte is
   * enough to answer 413 without buffering a huge body.
   *
   * @return the limit in bytes
   */
  public int maxBodyBytes() {
    return parser.maxBodyBytes();
  }

  /**
   * Handles one webhook request.
   *
   * @param method the HTTP method, for example {@code "POST"}
   * @param headers the request headers
   * @param body the raw request body, exactly as received
   * @return what to answer; never {@code null}, and this method does not throw for bad input
   */
  public WebhookResponse handle(String method, WebhookHeaders headers, byte[] body) {
    if (method == null || !method.strip().equalsIgnoreCase("POST")) {
      LOG.debug("webhook request with method {} answered 405", method);
      return WebhookResponse.of(405, "method not allowed: use POST", "Allow", "POST");
    }
    WebhookHeaders h = headers == null ? WebhookHeaders.empty() : headers;
    byte[] b = body == null ? new byte[0] : body;
    if (b.length > parser.maxBodyBytes()) {
      WebhookParseException e = new WebhookParseException(WebhookParseException.Failure.BODY_TOO_LARGE,
          "the webhook body has " + b.length + " bytes, more than the limit of " + parser.maxBodyBytes(), null);
      LOG.info("webhook request answered 413: {}", e.getMessage());
      report(e);
      return WebhookResponse.of(413, "payload too large");
    }
    if (verifier != null) {
      try {
        verifier.verify(h, b);
      } catch (WebhookVerificationException e) {
        LOG.info("webhook request answered 401: {}", e.getMessage());
        report(e);
        return WebhookResponse.of(401, "unauthorized");
      } catch (RuntimeException e) {
        LOG.warn("webhook verifier {} threw {}; answering 500", verifier, e.getClass().getName(), e);
        report(new WebhookCallbackException("the webhook verifier threw " + e.getClass().getName(), e, null));
        return WebhookResponse.of(500, "internal error");
      }
    }
    WebhookEvent event;
    try {
      event = parser.parse(b);
    } catch (WebhookParseException e) {
      LOG.info("webhook request answered {}: {}", status(e), e.getMessage());
      report(e);
      return WebhookResponse.of(status(e), status(e) == 413 ? "payload too large"
          : "bad request: " + e.failure().name().toLowerCase(Locale.ROOT));
    }
    String claimed = null;
    if (deduplication != null) {
      String key = event.deduplicationKey();
      try {
        if (deduplication.seenBefore(key, deduplicationTtl)) {
          LOG.debug("webhook event {} delivered before; answered 200 without calling listeners", key);
          return WebhookResponse.of(200, "duplicate");
        }
        claimed = key;
      } catch (RuntimeException e) {
        StoreException failure = e instanceof StoreException se ? se : new StoreException("deduplication store",
            "the de-duplication store " + deduplication + " threw " + e.getClass().getName(), e, true);
        report(failure);
        if (deduplicationFailure == DeduplicationFailure.FAIL_CLOSED) {
          LOG.warn("de-duplication store failed for webhook event {} ({}); failing closed: answering 503", key,
              failure.getMessage());
          return WebhookResponse.of(503, "busy, retry later");
        }
        LOG.warn("de-duplication store failed for webhook event {} ({}); failing open: calling listeners", key,
            failure.getMessage());
      }
    }
    Executor ex = executor;
    if (ex != null) {
      try {
        ex.execute(() -> dispatch(event));
      } catch (RejectedExecutionException e) {
        LOG.warn("webhook event {} rejected by the executor; answering 503", event.deduplicationKey());
        release(claimed);
        return WebhookResponse.of(503, "busy, retry later");
      }
      return WebhookResponse.of(202, "accepted");
    }
    if (dispatch(event)) {
      return WebhookResponse.of(200, "ok");
    }
    release(claimed);
    return WebhookResponse.of(500, "listener failed");
  }

  /** Forgets a claimed key so that the sender's next delivery of the event reaches the listeners. */
  private void release(@Nullable String key) {
    DeduplicationStore store = deduplication;
    if (key == null || store == null) {
      return;
    }
    try {
      store.forget(key);
    } catch (RuntimeException e) {
      LOG.warn("de-duplication store could not forget webhook event {}: {}; its next delivery will be dropped"
          + " as a duplicate until the key expires", key, e.toString());
      report(e instanceof StoreException se ? se
          : new StoreException("deduplication store", "forget threw " + e.getClass().getName(), e, true));
    }
  }

  private static int status(WebhookParseException e) {
    return e.failure() == WebhookParseException.Failure.BODY_TOO_LARGE ? 413 : 400;
  }

  /** Calls the listeners for an event; false if one threw. */
  private boolean dispatch(WebhookEvent event) {
    if (event instanceof InboundMessage m) {
      return call(onMessage, m, "message");
    } else if (event instanceof StatusNotification s) {
      return call(onStatus, s, "status");
    } else if (event instanceof TicketEvent t) {
      return call(onTicket, t, "ticket");
    }
    return call(onUnknown, (UnknownEvent) event, "unknown");
  }

  private <T extends WebhookEvent> boolean call(List<Consumer<? super T>> listeners, T event, String kind) {
    if (listeners.isEmpty()) {
      LOG.debug("no {} listener; webhook event {} accepted and dropped", kind, event.deduplicationKey());
      return true;
    }
    for (Consumer<? super T> listener : listeners) {
      try {
        listener.accept(event);
      } catch (Exception e) {
        LOG.warn("webhook {} listener threw {} for event {}; answering 500 so the sender may retry", kind,
            e.getClass().getName(), event.deduplicationKey(), e);
        report(new WebhookCallbackException("the " + kind + " listener threw " + e.getClass().getName()
            + " for event " + event.deduplicationKey(), e, event.deduplicationKey()));
        return false;
      }
    }
    return true;
  }

  private void report(BlipException error) {
    for (Consumer<? super BlipException> listener : onError) {
      try {
        listener.accept(error);
      } catch (Exception e) {
        LOG.warn("webhook error listener threw {}", e.getClass().getName(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "WebhookReceiver{verifier=" + verifier + ", parser=" + parser + ", async=" + (executor != null)
        + (deduplication == null ? "" : ", deduplication=" + deduplication + " for " + deduplicationTtl + ", "
        + deduplicationFailure) + "}";
  }

  /** Configures a {@link WebhookReceiver}. Not thread-safe; the receiver it builds is. */
  public static final class Builder {
    private @Nullable WebhookVerifier verifier;
    private WebhookParser parser = WebhookParser.defaults();
    private final List<Consumer<? super InboundMessage>> onMessage = new ArrayList<>();
    private final List<Consumer<? super StatusNotification>> onStatus = new ArrayList<>();
    private final List<Consumer<? super TicketEvent>> onTicket = new ArrayList<>();
    private final List<Consumer<? super UnknownEvent>> onUnknown = new ArrayList<>();
    private final List<Consumer<? super BlipException>> onError = new ArrayList<>();
    private @Nullable Executor executor;
    private @Nullable DeduplicationStore deduplication;
    private Duration deduplicationTtl = Duration.ofDays(3);
    private DeduplicationFailure deduplicationFailure = DeduplicationFailure.FAIL_OPEN;

    private Builder() {}

    /**
     * De-duplicates events: before calling listeners, the receiver asks the store whether the event's
     * {@link WebhookEvent#deduplicationKey()} was seen in the last {@code ttl}; if so it answers 200 and calls
     * no listener. Share one store between the instances of a fleet so that each event reaches the fleet's
     * listeners once. Off by default (every delivery reaches the listeners, as before). Three days covers
     * Blip's retention of notifications.
     *
     * @param store the store, for example {@link DeduplicationStore#inMemory(int)}
     * @param ttl how long a key is remembered; positive
     * @return this builder
     */
    public Builder deduplicate(DeduplicationStore store, Duration ttl) {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isZero() || ttl.isNegative()) {
        throw new IllegalArgumentException("deduplicate ttl must be positive, was " + ttl);
      }
      this.deduplication = store;
      this.deduplicationTtl = ttl;
      return this;
    }

    /**
     * What to do when the de-duplication store cannot answer (default {@link DeduplicationFailure#FAIL_OPEN}).
     *
     * @param failure the choice
     * @return this builder
     */
    public Builder onDeduplicationFailure(DeduplicationFailure failure) {
      this.deduplicationFailure = Objects.requireNonNull(failure, "failure");
      return this;
    }

    /**
     * How requests are verified. Without one, every request is accepted (a WARN is logged at build):
     * only for endpoints that nothing untrusted can reach.
     *
     * @param verifier the verifier
     * @return this builder
     */
    public Builder verifier(WebhookVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * The parser, to change the size or nesting limits; {@link WebhookParser#defaults()} otherwise.
     *
     * @param parser the parser
     * @return this builder
     */
    public Builder parser(WebhookParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Adds a listener for messages customers send. Listeners of a kind run in the order added.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onMessage(Consumer<? super InboundMessage> listener) {
      onMessage.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for notifications about messages the bot sent.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onStatus(Consumer<? super StatusNotification> listener) {
      onStatus.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for Desk ticket events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onTicket(Consumer<? super TicketEvent> listener) {
      onTicket.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for bodies the SDK does not model.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onUnknown(Consumer<? super UnknownEvent> listener) {
      onUnknown.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for every request that was not processed: a {@link WebhookVerificationException}
     * (401), a {@link WebhookParseException} (400 or 413) or a {@link WebhookCallbackException} (500); and for
     * every failure of the de-duplication store, a {@link StoreException}, whatever was answered. An
     * error listener that throws is logged and ignored.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onError(Consumer<? super BlipException> listener) {
      onError.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Runs listeners on this executor and answers 202 as soon as the event is handed over, instead of 200
     * after the listeners return. A listener failure then cannot change the answer: it is logged and
     * reported to the error listener only, and the sender will not retry. If the executor rejects the
     * event, the answer is 503. The receiver never shuts the executor down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @return the receiver
     */
    public WebhookReceiver build() {
      if (verifier == null) {
        LOG.warn("WebhookReceiver built without a verifier: every request that reaches it is accepted");
      }
      return new WebhookReceiver(this);
    }
  }
}
