package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs timed events (notification steps, webhook calls, scripted replies) in time order, on the {@link FakeClock}.
 * A worker thread runs events as they fall due; {@link #runDue()}, called when the clock advances, runs every due
 * event in the caller's thread before returning, so advancing the clock is deterministic. Events never run
 * concurrently with each other.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private record Task(Instant at, long seq, Runnable action) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final FakeClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final Object runLock = new Object();
  private long seq;
  private int running;
  private boolean closed;
  private final Thread worker;

  public Scheduler(FakeClock clock, String name) {
    this.clock = clock;
    this.worker = new Thread(this::loop, name);
    worker.setDaemon(true);
    worker.start();
  }

  /** Schedules an action at a clock time (now or earlier means as soon as possible). */
  public void schedule(Instant at, Runnable action) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      queue.add(new Task(at, seq++, action));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the worker (the clock moved). */
  public void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Runs every event due now, in order, including events they schedule that are due too. */
  public void runDue() {
    synchronized (runLock) {
      while (true) {
        Task t;
        lock.lock();
        try {
          Task head = queue.peek();
          if (closed || head == null || head.at.isAfter(clock.instant())) {
            changed.signalAll();
            return;
          }
          t = queue.poll();
          running++;
        } finally {
          lock.unlock();
        }
        try {
          t.action.run();
        } catch (RuntimeException e) {
          LOG.warn("fake Blip event failed", e);
        } finally {
          lock.lock();
          try {
            running--;
            changed.signalAll();
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }

  /** Waits until no event is due or running; returns false on timeout. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Task head = queue.peek();
        boolean due = head != null && !head.at.isAfter(clock.instant());
        if (!due && running == 0) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      }
    } finally {
      lock.unlock();
    }
  }

  /** The number of events waiting (due or not). */
  public int pending() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (true) {
      lock.lock();
      try {
        if (closed) {
          return;
        }
        Task head = queue.peek();
        Instant now = clock.instant();
        if (head == null || head.at.isAfter(now)) {
          try {
            long waitMs = waitMillis(head, now);
            if (waitMs < 0) {
              changed.await();
            } else {
              changed.await(Math.max(1, waitMs), TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
      } finally {
        lock.unlock();
      }
      runDue();
    }
  }

  private long waitMillis(@Nullable Task head, Instant now) {
    if (head == null) {
      return clock.isRealTime() ? 1000 : -1;
    }
    if (!clock.isRealTime()) {
      return -1;
    }
    return Duration.between(now, head.at).toMillis();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    worker.interrupt();
  }
}
