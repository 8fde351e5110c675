package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.whatsapp.internal.Chain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows sent messages from their notifications, fed by polling ({@code get /notifications?id=}) and by
 * the notifications your webhook receives, and computes each one's {@link MessageStatus}.
 *
 * <pre>{@code
 * StatusTracker tracker = StatusTracker.builder(whatsApp).expiryWindow(Duration.ofHours(24)).build();
 * tracker.track(receipt);
 * // from your notification webhook:
 * tracker.accept(notification);               // a dev.blipsdk.core.envelope.Notification
 * // or wait, polling with backoff:
 * StatusReport r = tracker.await(receipt.envelopeId(),
 *     EnumSet.of(MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED), Duration.ofMinutes(5));
 * }</pre>
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Monotonic: the furthest status wins (SENDING &lt; SENT &lt; FAILED &lt; DELIVERED &lt; READ). Late,
 *       out-of-order and duplicate notifications never move a status back; duplicates (same event from the
 *       same node, as several hops emit the same event) are dropped.</li>
 *   <li>A {@code failed} keeps its reason. A {@code received} or {@code consumed} arriving after it (WhatsApp
 *       reports this for multi-device users) moves the status on to DELIVERED or READ, since the message did
 *       reach a device; {@link StatusReport#failure()} still holds the reason.</li>
 *   <li>EXPIRED is computed on reading: no answer ({@link #recordReply(Message)}) within the expiry window
 *       (default 24 h) measured from the send on the client's clock. A failed message never expires.</li>
 * </ul>
 *
 * <p><b>Where the state lives.</b> Each message's {@link StatusRecord} is kept in a {@link StatusStore}: by
 * default one in this process's memory holding at most {@link Builder#maxTracked(int)} messages (oldest
 * dropped first). The instances of a fleet share one store ({@link Builder#statusStore(StatusStore)}, for
 * example on Redis): then any instance answers {@link #status(String)} and {@link #await} for a message any
 * of them sent, and a notification any of them is fed moves the status for all, the furthest state winning
 * across instances exactly as within one. Listeners ({@link #addListener}) hear of the changes fed to this
 * tracker; an {@code await} here notices a change fed elsewhere at its next poll step, when it reads the
 * store.
 *
 * <p><b>Failure.</b> A store that cannot answer makes the call fail with
 * {@link dev.blipsdk.core.exception.StoreException} (for {@code awaitAsync}, the future); updates are
 * idempotent, so feeding the same notification again later is safe.
 *
 * <p><b>Thread safety:</b> thread-safe. Listeners run on the thread that fed the change.
 */
public final class StatusTracker {
  private static final Logger LOG = LoggerFactory.getLogger(StatusTracker.class);
  /** The default expiry window: 24 h. */
  public static final Duration DEFAULT_EXPIRY_WINDOW = Duration.ofHours(24);

  private final BlipClient blip;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration expiryWindow;
  private final StatusPoller poller;
  private final StatusStore store;
  private final List<Consumer<StatusReport>> listeners = new CopyOnWriteArrayList<>();

  private StatusTracker(Builder b) {
    this.blip = b.whatsApp.blip();
    this.clock = blip.clock();
    this.sleeper = b.whatsApp.sleeper();
    this.expiryWindow = b.expiryWindow;
    this.poller = new StatusPoller(this, blip, b.whatsApp.sleeper(), b.pollInitial, b.pollMax);
    this.store = b.store != null ? b.store : StatusStore.inMemory(b.maxTracked);
  }

  /**
   * A builder.
   *
   * @param whatsApp the client whose Blip client, clock and sleeper are used
   * @return the builder
   */
  public static Builder builder(WhatsAppClient whatsApp) {
    return new Builder(Objects.requireNonNull(whatsApp, "whatsApp"));
  }

  /**
   * Starts following a sent message, measuring expiry from its send time.
   *
   * @param receipt the send's receipt
   * @return the current report
   */
  public StatusReport track(SendReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    return track(receipt.envelopeId(), receipt.recipient(), receipt.sentAt());
  }

  /**
   * Starts following a message sent elsewhere.
   *
   * @param messageId its envelope id
   * @param recipient its recipient (to match replies), or {@code null}
   * @param sentAt when it was sent
   * @return the current report
   */
  public StatusReport track(String messageId, @Nullable Identity recipient, Instant sentAt) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sentAt, "sentAt");
    return report(recordOf(store.apply(new StatusUpdate.Track(messageId, recipient, sentAt))));
  }

  private static StatusRecord recordOf(StatusStore.Applied applied) {
    StatusRecord r = applied.record();
    if (r == null) {
      throw new IllegalStateException("the status store returned no record after creating one");
    }
    return r;
  }

  /**
   * Feeds a notification, for example one your webhook received. A notification about a message not
   * tracked yet starts tracking it, with expiry measured from now.
   *
   * @param notification the notification
   * @return true if it changed anything (false for a duplicate)
   * @throws IllegalArgumentException if it has no message id
   */
  public boolean accept(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    String id = notification.id();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("notification.id is required: it names the message it is about");
    }
    String key = notification.eventName().toLowerCase(Locale.ROOT) + "|"
        + (notification.from() == null ? "" : notification.from().value());
    MessageStatus s = switch (notification.event()) {
      case ACCEPTED, VALIDATED, AUTHORIZED -> MessageStatus.SENDING;
      case DISPATCHED -> MessageStatus.SENT;
      case RECEIVED -> MessageStatus.DELIVERED;
      case CONSUMED -> MessageStatus.READ;
      case FAILED -> MessageStatus.FAILED;
      default -> null;
    };
    String json = JsonDocument.of(notification).json();
    StatusStore.Applied applied = store.apply(new StatusUpdate.Event(id, clock.instant(), key, s,
        notification.reason(), json));
    if (!applied.changed()) {
      return false;
    }
    fire(report(recordOf(applied)));
    return true;
  }

  /**
   * Feeds several notifications.
   *
   * @param notifications the notifications
   * @return how many changed anything
   */
  public int acceptAll(Iterable<Notification> notifications) {
    int n = 0;
    for (Notification x : notifications) {
      if (accept(x)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Records an inbound message: when it comes from the recipient of tracked messages, they count as
   * answered and will not expire.
   *
   * @param inbound a message your webhook received
   * @return how many tracked messages it answered
   */
  public int recordReply(Message inbound) {
    Objects.requireNonNull(inbound, "inbound");
    if (inbound.from() == null) {
      return 0;
    }
    Identity from = inbound.from().identity();
    List<StatusReport> changed = new ArrayList<>();
    Instant now = clock.instant();
    for (String id : store.sentTo(from)) {
      StatusRecord r = store.get(id).orElse(null);
      if (r != null && !r.answered() && now.isBefore(r.sentAt().plus(expiryWindow))) {
        StatusStore.Applied applied = store.apply(new StatusUpdate.Answered(id, now));
        if (applied.changed() && applied.record() != null) {
          changed.add(report(applied.record()));
        }
      }
    }
    changed.forEach(this::fire);
    return changed.size();
  }

  /**
   * Marks a message answered (when you match replies yourself).
   *
   * @param messageId the envelope id
   * @return true if it was tracked
   */
  public boolean markAnswered(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    StatusStore.Applied applied = store.apply(new StatusUpdate.Answered(messageId, clock.instant()));
    if (applied.record() == null) {
      return false;
    }
    if (applied.changed()) {
      fire(report(applied.record()));
    }
    return true;
  }

  /**
   * The current report of a message.
   *
   * @param messageId the envelope id
   * @return the report, or empty when not tracked
   */
  public Optional<StatusReport> status(String messageId) {
    return store.get(Objects.requireNonNull(messageId, "messageId")).map(this::report);
  }

  /**
   * Stops following a message (removes its record from the store, for every instance sharing it).
   *
   * @param messageId the envelope id
   * @return true if it was tracked
   */
  public boolean forget(String messageId) {
    return store.remove(Objects.requireNonNull(messageId, "messageId"));
  }

  /**
   * How many messages are followed (the records the store keeps).
   *
   * @return the count, at most {@link Integer#MAX_VALUE}
   */
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, store.size());
  }

  /**
   * The store the records are kept in.
   *
   * @return the store
   */
  public StatusStore store() {
    return store;
  }

  /**
   * Calls a listener after every change (any thread; keep it quick and thread-safe).
   *
   * @param listener the listener
   * @return a handle that removes the listener when run
   */
  public Runnable addListener(Consumer<StatusReport> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void fire(StatusReport r) {
    for (Consumer<StatusReport> l : listeners) {
      try {
        l.accept(r);
      } catch (RuntimeException ex) {
        LOG.warn("status listener threw {}", ex.toString());
      }
    }
  }

  private StatusReport report(StatusRecord r) {
    Instant expiresAt = r.sentAt().plus(expiryWindow);
    MessageStatus shown = r.delivery();
    if (!r.answered() && r.delivery() != MessageStatus.FAILED && !clock.instant().isBefore(expiresAt)) {
      shown = MessageStatus.EXPIRED;
    }
    List<Notification> events = new ArrayList<>(r.events().size());
    for (StatusRecord.Event e : r.events()) {
      if (JsonDocument.parse(e.json()).decode(Envelope.class) instanceof Notification n) {
        events.add(n);
      }
    }
    return new StatusReport(r.messageId(), shown, r.delivery(), r.failure(), r.sentAt(), r.updatedAt(), expiresAt,
        r.answered(), events);
  }

  // ---- polling ----------------------------------------------------------------------------------

  /**
   * Fetches the message's notifications ({@code get /notifications?id=} on {@code postmaster@msging.net};
   * Blip keeps them 3 days) and feeds them in.
   *
   * @param messageId the envelope id
   * @return the report after feeding
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public StatusReport poll(String messageId) {
    ensureTracked(messageId);
    return poller.poll(messageId);
  }

  /**
   * Polls without blocking.
   *
   * @param messageId the envelope id
   * @return the future report
   */
  public CompletableFuture<StatusReport> pollAsync(String messageId) {
    try {
      ensureTracked(messageId);
      return poller.pollAsync(messageId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Makes sure the message has a record (a poll or await of an unknown message starts following it now). */
  StatusReport ensureTracked(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    return report(recordOf(store.apply(new StatusUpdate.Track(messageId, null, clock.instant()))));
  }

  /** The report of a message, tracking it again if its record went (removed or expired in a shared store). */
  StatusReport current(String messageId) {
    return status(messageId).orElseGet(() -> ensureTracked(messageId));
  }

  // ---- awaiting ---------------------------------------------------------------------------------

  /**
   * Waits until the message reaches one of the statuses, polling with backoff (doubling from the initial
   * interval up to the maximum; a 429 waits at least its {@code Retry-After}) and waking early when a fed
   * notification reaches one.
   *
   * @param messageId the envelope id
   * @param targets the statuses to wait for, for example DELIVERED, READ, FAILED
   * @param timeout how long at most, on the client's clock
   * @return the report that reached a target
   * @throws StatusTimeoutException if none was reached in time
   * @throws dev.blipsdk.core.exception.BlipException if polling failed for good, or if the calling thread
   *     was interrupted (the polling then stops and the thread keeps its interrupt flag)
   */
  public StatusReport await(String messageId, Set<MessageStatus> targets, Duration timeout) {
    CompletableFuture<StatusReport> f = awaitAsync(messageId, targets, timeout);
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new BlipException("interrupted while awaiting the status of message " + messageId, e, false, 0,
          messageId);
    } catch (ExecutionException e) {
      Throwable c = Chain.unwrap(e);
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new CompletionException(c);
    }
  }

  /**
   * Waits without blocking. Cancelling the future stops the polling.
   *
   * @param messageId the envelope id
   * @param targets the statuses to wait for
   * @param timeout how long at most
   * @return the future report; fails with {@link StatusTimeoutException} on timeout
   */
  public CompletableFuture<StatusReport> awaitAsync(String messageId, Set<MessageStatus> targets,
      Duration timeout) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(timeout, "timeout");
    if (targets == null || targets.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("targets must name at least one status"));
    }
    try {
      ensureTracked(messageId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return poller.await(messageId, EnumSet.copyOf(targets), timeout);
  }

  @Override
  public String toString() {
    return "StatusTracker{store=" + store + ", expiryWindow=" + expiryWindow + "}";
  }

  /** Builds a {@link StatusTracker}. Not thread-safe. */
  public static final class Builder {
    private final WhatsAppClient whatsApp;
    private Duration expiryWindow = DEFAULT_EXPIRY_WINDOW;
    private Duration pollInitial = Duration.ofSeconds(1);
    private Duration pollMax = Duration.ofSeconds(30);
    private int maxTracked = 100_000;
    private boolean maxTrackedSet;
    private @Nullable StatusStore store;

    private Builder(WhatsAppClient whatsApp) {
      this.whatsApp = whatsApp;
    }

    /**
     * Sets how long after the send an unanswered message becomes EXPIRED (default 24 h).
     *
     * @param window positive
     * @return this builder
     */
    public Builder expiryWindow(Duration window) {
      this.expiryWindow = positive(window, "expiryWindow");
      return this;
    }

    /**
     * Sets the polling interval of {@link #await}: starts at {@code initial}, doubles up to {@code max}
     * (defaults 1 s and 30 s).
     *
     * @param initial positive
     * @param max at least {@code initial}
     * @return this builder
     */
    public Builder pollInterval(Duration initial, Duration max) {
      positive(initial, "initial");
      positive(max, "max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("pollInterval max must be at least initial");
      }
      this.pollInitial = initial;
      this.pollMax = max;
      return this;
    }

    /**
     * Keeps the records in this store instead of one in this process's memory: share one store between
     * the instances of a fleet so that each can follow every message.
     *
     * @param store the store
     * @return this builder
     */
    public Builder statusStore(StatusStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets how many messages the default in-memory store follows at most (default 100,000; oldest dropped
     * first). A store given to {@link #statusStore(StatusStore)} sets its own bounds.
     *
     * @param max positive
     * @return this builder
     */
    public Builder maxTracked(int max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxTracked must be positive, was " + max);
      }
      this.maxTracked = max;
      this.maxTrackedSet = true;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    /**
     * Builds the tracker.
     *
     * @return the tracker
     */
    public StatusTracker build() {
      if (store != null && maxTrackedSet) {
        throw new IllegalStateException("maxTracked applies to the default in-memory store only: set the bounds"
            + " of the store given to statusStore(...) on that store");
      }
      return new StatusTracker(this);
    }
  }
}
