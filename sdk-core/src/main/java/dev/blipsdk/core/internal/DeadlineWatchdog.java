package dev.blipsdk.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Cancels HTTP calls whose deadline has passed: the enforcement of {@code BlipClient}'s per-call deadline.
 *
 * <p>Why not OkHttp's {@code call.timeout()}: it is an okio {@code AsyncTimeout}, whose every call takes the
 * watchdog's lock and, when the new timeout is the earliest, signals the watchdog thread awake. Measured on
 * the loopback harness that is a few percent of a whole call's CPU. Here a call adds itself to a concurrent
 * set and removes itself when done; the watchdog thread sleeps until the earliest deadline it knows and is
 * woken only when a call brings an earlier one. Deadlines are mostly "now + the same duration", so they come
 * in order and nearly never wake it: a steady stream of calls costs the thread one scan per deadline period.
 *
 * <p>When a deadline passes, the watchdog marks the watch {@linkplain Watch#expired() expired} first and then
 * cancels the call, so the caller, seeing the call fail, can tell a deadline from its own cancellation. The
 * thread is a daemon, started on the first watch and ended after {@value #IDLE_SECONDS} s with nothing to
 * watch, or at once when nothing is watched and every client that was built has been closed; one serves every
 * client in the JVM, as okio's does.
 *
 * <p>Thread-safe.
 */
public final class DeadlineWatchdog {
  /** How long the thread waits with nothing to watch before it ends. */
  static final long IDLE_SECONDS = 60;

  /** The one watchdog of the JVM. */
  public static final DeadlineWatchdog INSTANCE =
      new DeadlineWatchdog("blip-sdk-deadline-watchdog", TimeUnit.SECONDS.toNanos(IDLE_SECONDS));

  private final String threadName;
  private final long idleNanosBeforeExit;
  /** Times a watch woke (or started) the thread; for tests. */
  private final java.util.concurrent.atomic.AtomicLong wakeups = new java.util.concurrent.atomic.AtomicLong();
  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  /** What the thread does; a watch that it could miss wakes it. */
  private volatile Schedule plan = Schedule.IDLE;
  /** Whether clients tell this watchdog they open and close (the JVM's does; one made for a test may not). */
  private volatile boolean tracksClients;
  /** Clients open (built and not closed); with none and nothing to watch the thread ends at once. */
  private final java.util.concurrent.atomic.AtomicInteger openClients = new java.util.concurrent.atomic.AtomicInteger();
  /** The running thread, or null; changed under {@code this}. */
  private @Nullable Thread thread;

  /**
   * The thread's state: scanning; sleeping until {@code at} (a deadline, or the end of its idle time when it has
   * nothing to watch); or ended, or about to end, so that a new watch must start a thread.
   */
  private record Schedule(int state, long at) {
    static final int SCANNING = 0;
    static final int SLEEPING_UNTIL = 1;
    static final int IDLE_STATE = 2;
    static final Schedule SCAN = new Schedule(SCANNING, 0);
    static final Schedule IDLE = new Schedule(IDLE_STATE, 0);

    /** Whether the thread, following this plan, might not see a deadline of {@code deadlineNanos} in time. */
    boolean misses(long deadlineNanos) {
      return state != SLEEPING_UNTIL || deadlineNanos - at < 0;
    }
  }

  /** One call being watched. Close it when the call is over, whatever its outcome. */
  public final class Watch implements AutoCloseable {
    private final Call call;
    private final long deadlineNanos;
    private volatile boolean expired;

    private Watch(Call call, long deadlineNanos) {
      this.call = call;
      this.deadlineNanos = deadlineNanos;
    }

    /**
     * Whether the deadline passed and the watchdog cancelled the call.
     *
     * @return true if the call was cancelled for its deadline
     */
    public boolean expired() {
      return expired;
    }

    /** Stops watching the call. Idempotent. */
    @Override
    public void close() {
      watched.remove(this);
    }
  }

  DeadlineWatchdog(String threadName, long idleNanosBeforeExit) {
    this.threadName = threadName;
    this.idleNanosBeforeExit = idleNanosBeforeExit;
  }

  /**
   * Watches a call: cancels it once {@link System#nanoTime()} reaches {@code deadlineNanos}, unless the
   * returned watch is closed first.
   *
   * @param call the call, started or about to be
   * @param deadlineNanos the deadline, on the {@link System#nanoTime()} scale
   * @return the watch, to close when the call is over
   */
  public Watch watch(Call call, long deadlineNanos) {
    Watch w = new Watch(call, deadlineNanos);
    watched.add(w);
    // After the add: either the thread's scan sees the watch, or this read sees the plan that scan produced.
    if (plan.misses(deadlineNanos)) {
      wake();
    }
    return w;
  }

  /** A client was built: the thread may be needed. */
  public void clientOpened() {
    tracksClients = true;
    openClients.incrementAndGet();
  }

  /** A client was closed: with no client left open and nothing to watch, the thread ends now, not after its idle time. */
  public void clientClosed() {
    if (openClients.decrementAndGet() <= 0) {
      synchronized (this) {
        Thread t = thread;
        if (t != null) {
          LockSupport.unpark(t);
        }
      }
    }
  }

  /** Number of calls being watched (for tests). */
  int watchedCount() {
    return watched.size();
  }

  /** Times a watch had to wake or start the thread (for tests). */
  long wakeups() {
    return wakeups.get();
  }

  /** Whether the thread sleeps until a known deadline (for tests). */
  boolean sleepingUntilADeadline() {
    return plan.state == Schedule.SLEEPING_UNTIL;
  }

  /** Whether the thread is running (for tests). */
  synchronized boolean running() {
    return thread != null;
  }

  private synchronized void wake() {
    wakeups.incrementAndGet();
    Thread t = thread;
    if (t == null) {
      t = new Thread(this::run, threadName);
      t.setDaemon(true);
      // it outlives the caller that started it: do not keep that caller's context class loader (an app server's
      // web application, say) reachable
      t.setContextClassLoader(null);
      thread = t;
      t.start();
    } else {
      LockSupport.unpark(t);
    }
  }

  private void run() {
    boolean idle = false;
    long idleSince = 0;
    while (true) {
      Thread.interrupted(); // nobody should interrupt this thread; an interrupt must not make it spin
      plan = Schedule.SCAN;
      long now = System.nanoTime();
      boolean any = false;
      long earliest = 0;
      for (Watch w : watched) {
        if (w.deadlineNanos - now <= 0) {
          if (watched.remove(w)) { // not closed meanwhile: the call is still running
            w.expired = true;
            try {
              w.call.cancel();
            } catch (RuntimeException e) {
              // a broken call must not end the watchdog of every other call; the caller sees expired()
            }
          }
        } else if (!any || w.deadlineNanos - earliest < 0) {
          earliest = w.deadlineNanos;
          any = true;
        }
      }
      if (any) {
        idle = false;
        plan = new Schedule(Schedule.SLEEPING_UNTIL, earliest);
        LockSupport.parkNanos(this, earliest - now);
        continue;
      }
      if (!idle) {
        idle = true;
        idleSince = now;
      }
      long idleLeft = tracksClients && openClients.get() <= 0 ? 0 : idleNanosBeforeExit - (now - idleSince);
      if (idleLeft > 0) {
        // Nothing to watch: sleep out the idle time as if for a deadline then. A call that comes meanwhile
        // with a later deadline (the usual case: its deadline is at least as long as the idle time) is found
        // by the next scan without waking the thread.
        plan = new Schedule(Schedule.SLEEPING_UNTIL, now + idleLeft);
        LockSupport.parkNanos(this, idleLeft);
        continue;
      }
      synchronized (this) {
        plan = Schedule.IDLE; // from here on a new watch wakes (so restarts) the thread
        if (watched.isEmpty()) {
          thread = null;
          return;
        }
      }
    }
  }
}
