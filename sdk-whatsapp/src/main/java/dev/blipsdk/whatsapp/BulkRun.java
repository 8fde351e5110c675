package dev.blipsdk.whatsapp;

import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.core.internal.ClientAccess;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.Wait;
import dev.blipsdk.core.observation.WaitReason;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bulk send, started by {@link BulkSender#start(Iterator)}: follow its progress, cancel it,
 * wait for its summary.
 *
 * <p>Thread-safe.
 */
public final class BulkRun {
  private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Duration SLEEP_SLICE = Duration.ofSeconds(1);
  /** Permits of the shared limiter held at once: the one about to be used and two asked for ahead. */
  private static final int PERMITS_AHEAD = 3;

  private record Item(long index, BulkRecipient recipient) {}

  private final BulkSender config;
  private final WhatsAppClient whatsApp;
  private final Clock clock;
  private final Sleeper sleeper;
  private final @Nullable OperationListener listener;
  /** The end of the last wait reported to the listener (coordinator thread only), so a wait is reported once. */
  private @Nullable Instant reportedWaitUntil;
  private final Iterator<BulkRecipient> source;
  private final @Nullable Long expected;
  private final @Nullable Runnable onEnd;
  private final CompletableFuture<BulkSummary> completion = new CompletableFuture<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ReentrantLock listenerLock = new ReentrantLock();
  /** Permits asked of the shared limiter and not used yet, oldest first; the coordinator thread's only. */
  private final ArrayDeque<CompletableFuture<Void>> permits = new ArrayDeque<>();
  // guarded by lock
  private final ArrayDeque<Item> requeued = new ArrayDeque<>();
  private final ArrayDeque<Instant> recentSends = new ArrayDeque<>();
  private int inFlight;
  private long sent;
  private long failed;
  private long cancelledCount;
  private long rateLimited;
  private double rate;
  private Instant nextSlot = Instant.EPOCH;
  private Instant backoffUntil = Instant.EPOCH;
  private Duration backoff = FIRST_BACKOFF;
  private Instant lastReduction = Instant.EPOCH;
  private @Nullable Instant windowStart;
  private int windowCount;
  private volatile boolean cancelled;
  private @Nullable Instant startedAt;
  /** The run's own coordinator thread, when no executor was given; {@link #join()} waits for its end. */
  private volatile @Nullable Thread ownThread;

  BulkRun(BulkSender config, Iterator<BulkRecipient> source, @Nullable Long expected, @Nullable Runnable onEnd) {
    this.config = config;
    this.whatsApp = config.whatsApp;
    this.clock = whatsApp.clock();
    this.sleeper = whatsApp.sleeper();
    this.listener = ClientAccess.operationListener(whatsApp.blip());
    this.source = source;
    this.expected = expected;
    this.onEnd = onEnd;
    this.rate = config.ratePerSecond;
    completion.whenComplete((s, e) -> {
      if (e instanceof CancellationException) {
        cancel();
      }
    });
  }

  void launch() {
    if (config.executor != null) {
      config.executor.execute(this::runSafely);
      return;
    }
    Thread t = new Thread(this::runSafely, "blip-bulk-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    ownThread = t;
    t.start();
  }

  /**
   * Stops taking recipients from the source. Sends in flight finish and report their result; recipients
   * waiting to be retried after a 429 are reported {@link BulkResult.Cancelled}. Idempotent.
   */
  public void cancel() {
    cancelled = true;
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether {@link #cancel()} was called.
   *
   * @return true if cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * The summary, when the run ends. Cancelling this future cancels the run.
   *
   * @return the future summary; fails if the source itself threw
   */
  public CompletableFuture<BulkSummary> completion() {
    return completion;
  }

  /**
   * Waits for the end of the run. When it returns, the thread the run created for itself (when no
   * executor was given) has ended too. Do not call it from the listener: the run ends only after the
   * listener returns.
   *
   * @return the summary
   * @throws CompletionException if the source threw
   */
  public BulkSummary join() {
    try {
      return completion.join();
    } finally {
      awaitOwnThread();
    }
  }

  /** Waits for the run's own thread to end, so that no thread of the run outlives {@link #join()}. */
  private void awaitOwnThread() {
    Thread t = ownThread;
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The progress now.
   *
   * @return the progress
   */
  public BulkProgress progress() {
    lock.lock();
    try {
      return progressLocked();
    } finally {
      lock.unlock();
    }
  }

  private BulkProgress progressLocked() {
    pruneRecentSends(clock.instant());
    long done = sent + failed + cancelledCount;
    Long remaining = expected == null ? null : Math.max(0, expected - done);
    return new BulkProgress(sent, failed, cancelledCount, remaining, recentSends.size(), rate, rateLimited);
  }

  /** Keeps only the sends of the last second (the current rate), so memory stays bounded. */
  private void pruneRecentSends(Instant now) {
    Instant cutoff = now.minusSeconds(1);
    while (!recentSends.isEmpty() && !recentSends.peekFirst().isAfter(cutoff)) {
      recentSends.pollFirst();
    }
  }

  private void runSafely() {
    Throwable error = null;
    try {
      run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled = true;
      error = e;
    } catch (RuntimeException e) {
      error = e;
    } finally {
      dropPermits();
    }
    try {
      drain();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (onEnd != null) {
      try {
        onEnd.run();
      } catch (RuntimeException e) {
        LOG.warn("closing the bulk source failed: {}", e.toString());
      }
    }
    BulkSummary summary;
    lock.lock();
    try {
      Instant start = startedAt == null ? clock.instant() : startedAt;
      summary = new BulkSummary(sent, failed, cancelledCount, rateLimited, start, clock.instant(), cancelled);
    } finally {
      lock.unlock();
    }
    if (error != null && !(error instanceof InterruptedException)) {
      completion.completeExceptionally(error);
    } else {
      completion.complete(summary);
    }
  }

  private void run() throws InterruptedException {
    Instant now = clock.instant();
    while (config.startAt != null && !cancelled && now.isBefore(config.startAt)) {
      sleepUntil(config.startAt);
      now = clock.instant();
    }
    lock.lock();
    try {
      startedAt = clock.instant();
    } finally {
      lock.unlock();
    }
    long index = 0;
    while (!cancelled) {
      Item item;
      lock.lock();
      try {
        while (inFlight >= config.concurrency && !cancelled) {
          changed.await();
        }
        if (cancelled) {
          return;
        }
        item = requeued.pollFirst();
      } finally {
        lock.unlock();
      }
      if (item == null) {
        if (source.hasNext()) {
          item = new Item(index++, source.next());
          if (!valid(item)) {
            continue;
          }
        } else {
          lock.lock();
          try {
            if (inFlight == 0 && requeued.isEmpty()) {
              return;
            }
            if (requeued.isEmpty()) {
              changed.await();
            }
          } finally {
            lock.unlock();
          }
          continue;
        }
      }
      if (!waitForSlot() || !acquirePermit()) {
        lock.lock();
        try {
          requeued.addFirst(item);
        } finally {
          lock.unlock();
        }
        return;
      }
      dispatch(item);
    }
  }

  private boolean valid(Item item) {
    try {
      item.recipient().message().validate(config.template);
      return true;
    } catch (RuntimeException e) {
      report(new BulkResult.Failed(item.index(), item.recipient(), e), () -> failed++);
      return false;
    }
  }

  /** Waits for the rate, pacing and backoff to allow one more send, then takes the slot. */
  private boolean waitForSlot() throws InterruptedException {
    while (true) {
      if (cancelled) {
        return false;
      }
      Instant now = clock.instant();
      Instant at;
      boolean rateLimited;
      lock.lock();
      try {
        at = nextSlot.isAfter(backoffUntil) ? nextSlot : backoffUntil;
        rateLimited = backoffUntil.isAfter(nextSlot);
        if (config.pacingInterval != null) {
          if (windowStart == null || !now.isBefore(windowStart.plus(config.pacingInterval))) {
            windowStart = now;
            windowCount = 0;
          } else if (windowCount >= config.pacingCount) {
            Instant next = windowStart.plus(config.pacingInterval);
            if (next.isAfter(at)) {
              at = next;
              rateLimited = false;
            }
          }
        }
        if (!at.isAfter(now)) {
          Instant base = nextSlot.isAfter(now) ? nextSlot : now;
          nextSlot = base.plusNanos((long) (1_000_000_000L / rate));
          windowCount++;
          return true;
        }
      } finally {
        lock.unlock();
      }
      reportWait(now, at, rateLimited);
      sleepUntil(at);
    }
  }

  /**
   * Waits for a permit from the shared limiter, if any. Two more permits than the one in use are always asked
   * for ahead (coordinator thread only), so that a reserving limiter keeps this run's next slots while the run
   * is busy or briefly stalled: a fleet sharing one limiter then keeps it saturated. Permits asked ahead and
   * never used (the run ended, was cancelled or its process died) only go unused. A limiter that fails grants
   * nothing: the run pauses, backing off, and asks again until it gets one or is cancelled.
   */
  private boolean acquirePermit() throws InterruptedException {
    RateLimiter limiter = config.rateLimiter;
    if (limiter == null) {
      return true;
    }
    Duration pause = FIRST_BACKOFF;
    while (!cancelled) {
      while (permits.size() < PERMITS_AHEAD) {
        CompletableFuture<Void> p;
        try {
          p = limiter.acquire();
        } catch (RuntimeException e) {
          p = CompletableFuture.failedFuture(e);
        }
        permits.addLast(p);
      }
      CompletableFuture<Void> permit = permits.peekFirst();
      try {
        while (true) {
          if (cancelled) {
            return false;
          }
          try {
            permit.get(SLEEP_SLICE.toMillis(), TimeUnit.MILLISECONDS);
            permits.pollFirst();
            return true;
          } catch (TimeoutException e) {
            // check for a cancel, then keep waiting
          }
        }
      } catch (ExecutionException e) {
        dropPermits();
        LOG.warn("bulk run got no permit from the rate limiter ({}); nothing is sent without one: pausing {}",
            WhatsAppClient.unwrap(e).toString(), pause);
        Instant until = clock.instant().plus(pause);
        while (!cancelled && clock.instant().isBefore(until)) {
          sleepUntil(until);
        }
        pause = pause.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause.multipliedBy(2);
      }
    }
    return false;
  }

  /** Gives up the permits asked for ahead (a reserving limiter keeps their slots: they only go unused). */
  private void dropPermits() {
    for (CompletableFuture<Void> p; (p = permits.pollFirst()) != null; ) {
      p.cancel(false);
    }
  }

  /** Tells the client's operation listener, once per wait, that the next send waits and why. */
  private void reportWait(Instant now, Instant until, boolean rateLimited) {
    if (listener == null || until.equals(reportedWaitUntil)) {
      return;
    }
    reportedWaitUntil = until;
    try {
      listener.waiting(new Wait(WhatsAppOperations.SEND, rateLimited ? WaitReason.RATE_LIMITED : WaitReason.PACING,
          Duration.between(now, until)));
    } catch (RuntimeException e) {
      LOG.warn("operation listener failed in waiting; ignored", e);
    }
  }

  private void sleepUntil(Instant t) throws InterruptedException {
    Duration d = Duration.between(clock.instant(), t);
    if (cancelled || d.isNegative() || d.isZero()) {
      return;
    }
    // sleep in slices of at most 1 s so that a cancel is noticed within a second
    sleeper.sleep(d.compareTo(SLEEP_SLICE) > 0 ? SLEEP_SLICE : d);
  }

  private void dispatch(Item item) {
    Instant dispatchedAt;
    lock.lock();
    try {
      inFlight++;
      dispatchedAt = clock.instant();
      recentSends.addLast(dispatchedAt);
      pruneRecentSends(dispatchedAt);
    } finally {
      lock.unlock();
    }
    BulkRecipient r = item.recipient();
    SendOptions.Builder ob = SendOptions.builder().requestOptions(config.requestOptions);
    if (r.envelopeId() != null) {
      ob.envelopeId(r.envelopeId());
    }
    CompletableFuture<SendReceipt> f;
    try {
      // the permit was taken above: the client asks its own limiter only if it is another one
      f = whatsApp.sendAsync(r.recipient(), r.message(), ob.build(), config.rateLimiter);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((receipt, error) -> completed(item, dispatchedAt, receipt, error));
  }

  private void completed(Item item, Instant dispatchedAt, @Nullable SendReceipt receipt, @Nullable Throwable error) {
    BulkResult result;
    lock.lock();
    try {
      Throwable cause = error == null ? null : WhatsAppClient.unwrap(error);
      if (cause instanceof RateLimitException rl) {
        inFlight--;
        rateLimited++;
        Instant now = clock.instant();
        Duration wait = rl.retryAfter() != null ? rl.retryAfter() : backoff;
        Instant until = now.plus(wait);
        if (until.isAfter(backoffUntil)) {
          backoffUntil = until;
        }
        if (!dispatchedAt.isBefore(lastReduction)) {
          rate = Math.max(rate / 2, Math.min(0.2, config.ratePerSecond));
          lastReduction = now;
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
          LOG.debug("bulk send rate limited (429): pausing {} and lowering the rate to {}/s", wait, rate);
        }
        requeued.addLast(item);
        changed.signalAll();
        return;
      }
      if (cause == null && receipt != null) {
        backoff = FIRST_BACKOFF;
        if (rate < config.ratePerSecond) {
          rate = Math.min(config.ratePerSecond, rate + Math.max(0.1, config.ratePerSecond / 100));
        }
        result = new BulkResult.Sent(item.index(), item.recipient(), receipt);
      } else {
        RuntimeException re = cause instanceof RuntimeException x ? x
            : new CompletionException(cause == null ? new IllegalStateException("no receipt") : cause);
        result = new BulkResult.Failed(item.index(), item.recipient(), re);
      }
    } finally {
      lock.unlock();
    }
    // the slot is freed only once the result is delivered, so the run cannot end before its last result
    report(result, result instanceof BulkResult.Sent ? () -> sent++ : () -> failed++);
    lock.lock();
    try {
      inFlight--;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** After the loop: waits for sends in flight, then reports what still waits as cancelled. */
  private void drain() throws InterruptedException {
    while (true) {
      Item item;
      lock.lock();
      try {
        while (inFlight > 0) {
          if (!changed.await(1, TimeUnit.SECONDS)) {
            continue;
          }
        }
        item = requeued.pollFirst();
        if (item == null) {
          return;
        }
      } finally {
        lock.unlock();
      }
      report(new BulkResult.Cancelled(item.index(), item.recipient()), () -> cancelledCount++);
    }
  }

  /**
   * Counts a result and delivers it with the progress that includes it. Counting and delivering happen
   * under the listener lock, so each progress the listener sees counts exactly the results it was given.
   */
  private void report(BulkResult result, Runnable count) {
    BulkListener l = config.listener;
    listenerLock.lock();
    try {
      BulkProgress progress;
      lock.lock();
      try {
        count.run();
        progress = progressLocked();
      } finally {
        lock.unlock();
      }
      if (l == null) {
        return;
      }
      try {
        l.onResult(result);
      } catch (RuntimeException e) {
        LOG.warn("bulk listener threw {}", e.toString());
      }
      try {
        l.onProgress(progress);
      } catch (RuntimeException e) {
        LOG.warn("bulk listener threw {}", e.toString());
      }
    } finally {
      listenerLock.unlock();
    }
  }

  @Override
  public String toString() {
    BulkProgress p = progress();
    return "BulkRun{sent=" + p.sent() + ", failed=" + p.failed() + ", cancelled=" + p.cancelled() + ", rate="
        + p.rateLimit() + ", done=" + completion.isDone() + "}";
  }
}
