package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.whatsapp.internal.Chain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
 * <p><b>Inside.</b> The rules live in a pure status ledger (no client, told the time of every change); polling and
 * awaiting in a poller that feeds it; this class joins them and calls the listeners.
 *
 * <p><b>Thread safety:</b> thread-safe. Listeners run on the thread that fed the change, outside the lock.
 * At most {@link Builder#maxTracked(int)} messages are kept (oldest dropped first).
 */
public final class StatusTracker {
  private static final Logger LOG = LoggerFactory.getLogger(StatusTracker.class);
  /** The default expiry window: 24 h. */
  public static final Duration DEFAULT_EXPIRY_WINDOW = Duration.ofHours(24);

  private final Clock clock;
  private final StatusLedger ledger;
  private final StatusPoller poller;
  private final List<Consumer<StatusReport>> listeners = new CopyOnWriteArrayList<>();

  private StatusTracker(Builder b) {
    this.clock = b.whatsApp.blip().clock();
    this.ledger = new StatusLedger(b.expiryWindow, b.maxTracked);
    this.poller = new StatusPoller(this, b.whatsApp.blip(), b.whatsApp.sleeper(), b.pollInitial, b.pollMax);
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
    return ledger.track(messageId, recipient, sentAt, clock.instant());
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
    StatusReport changed = ledger.accept(notification, clock.instant());
    if (changed == null) {
      return false;
    }
    fire(changed);
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
    List<StatusReport> changed = ledger.recordReply(inbound.from().identity(), clock.instant());
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
    StatusReport r = ledger.markAnswered(messageId, clock.instant());
    if (r == null) {
      return false;
    }
    fire(r);
    return true;
  }

  /**
   * The current report of a message.
   *
   * @param messageId the envelope id
   * @return the report, or empty when not tracked
   */
  public Optional<StatusReport> status(String messageId) {
    return ledger.report(messageId, clock.instant());
  }

  /**
   * Stops following a message.
   *
   * @param messageId the envelope id
   * @return true if it was tracked
   */
  public boolean forget(String messageId) {
    return ledger.forget(messageId);
  }

  /**
   * How many messages are followed.
   *
   * @return the count
   */
  public int size() {
    return ledger.size();
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

  private void ensureTracked(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    Instant now = clock.instant();
    ledger.track(messageId, null, now, now);
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
    ensureTracked(messageId);
    return poller.await(messageId, EnumSet.copyOf(targets), timeout);
  }

  @Override
  public String toString() {
    return "StatusTracker{tracked=" + size() + ", expiryWindow=" + ledger.expiryWindow() + "}";
  }

  /** Builds a {@link StatusTracker}. Not thread-safe. */
  public static final class Builder {
    private final WhatsAppClient whatsApp;
    private Duration expiryWindow = DEFAULT_EXPIRY_WINDOW;
    private Duration pollInitial = Duration.ofSeconds(1);
    private Duration pollMax = Duration.ofSeconds(30);
    private int maxTracked = 100_000;

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
     * Sets how many messages are followed at most (default 100,000; oldest dropped first).
     *
     * @param max positive
     * @return this builder
     */
    public Builder maxTracked(int max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxTracked must be positive, was " + max);
      }
      this.maxTracked = max;
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
      return new StatusTracker(this);
    }
  }
}
