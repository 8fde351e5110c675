package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DeadlineWatchdogTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final Request REQUEST = new Request.Builder().url("http://127.0.0.1:1/never-sent").build();

  @AfterAll
  static void shutDown() {
    HTTP.dispatcher().executorService().shutdown();
  }

  private static Call call() {
    return HTTP.newCall(REQUEST); // never executed: cancel() and isCanceled() work on it all the same
  }

  private static DeadlineWatchdog watchdog(long idleMillis) {
    return new DeadlineWatchdog("test-deadline-watchdog", TimeUnit.MILLISECONDS.toNanos(idleMillis));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting until " + what);
      Thread.sleep(1);
    }
  }

  @Test
  void cancelsACallWhenItsDeadlinePassesAndSaysItExpired() throws InterruptedException {
    DeadlineWatchdog watchdog = watchdog(60_000);
    Call call = call();
    long start = System.nanoTime();
    DeadlineWatchdog.Watch watch = watchdog.watch(call, start + TimeUnit.MILLISECONDS.toNanos(50));
    awaitTrue(call::isCanceled, "the call is cancelled");
    long elapsed = System.nanoTime() - start;
    assertTrue(watch.expired());
    assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(50), "not before its deadline: " + elapsed + " ns");
    assertEquals(0, watchdog.watchedCount(), "an expired watch is no longer held");
  }

  @Test
  void aClosedWatchIsNeverCancelled() throws InterruptedException {
    DeadlineWatchdog watchdog = watchdog(60_000);
    Call done = call();
    long now = System.nanoTime();
    // half a second between watch and close: a loaded machine may stall for tens of milliseconds there
    DeadlineWatchdog.Watch closed = watchdog.watch(done, now + TimeUnit.MILLISECONDS.toNanos(500));
    closed.close();
    Call marker = call();
    watchdog.watch(marker, now + TimeUnit.MILLISECONDS.toNanos(550));
    awaitTrue(marker::isCanceled, "the later call is cancelled");
    assertFalse(done.isCanceled(), "a call closed before its deadline is left alone");
    assertFalse(closed.expired());
    closed.close(); // idempotent
    assertEquals(0, watchdog.watchedCount());
  }

  @Test
  void laterDeadlinesDoNotWakeTheThreadAndAnEarlierOneDoes() throws InterruptedException {
    DeadlineWatchdog watchdog = watchdog(60_000);
    long now = System.nanoTime();
    List<DeadlineWatchdog.Watch> watches = new ArrayList<>();
    watches.add(watchdog.watch(call(), now + TimeUnit.SECONDS.toNanos(30)));
    assertEquals(1, watchdog.wakeups(), "the first watch starts the thread");
    awaitTrue(watchdog::sleepingUntilADeadline, "the thread sleeps until the 30 s deadline");
    for (int i = 1; i <= 1_000; i++) {
      watches.add(watchdog.watch(call(), now + TimeUnit.SECONDS.toNanos(30) + i));
    }
    assertEquals(1, watchdog.wakeups(), "deadlines after the one it sleeps for never wake it");
    Call urgent = call();
    watchdog.watch(urgent, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
    assertEquals(2, watchdog.wakeups(), "an earlier deadline wakes it");
    awaitTrue(urgent::isCanceled, "the urgent call is cancelled long before the 30 s ones");
    watches.forEach(DeadlineWatchdog.Watch::close);
    assertEquals(0, watchdog.watchedCount());
  }

  @Test
  void aWatchWhileTheThreadIdlesWakesItOnlyForADeadlineBeforeTheIdleTimeEnds() throws InterruptedException {
    DeadlineWatchdog watchdog = watchdog(60_000);
    Call first = call();
    watchdog.watch(first, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));
    awaitTrue(first::isCanceled, "the first call expires");
    awaitTrue(watchdog::sleepingUntilADeadline, "the thread sleeps out its idle time");
    long wakeups = watchdog.wakeups();
    DeadlineWatchdog.Watch later = watchdog.watch(call(), System.nanoTime() + TimeUnit.SECONDS.toNanos(120));
    assertEquals(wakeups, watchdog.wakeups(), "a deadline after the idle time does not wake it");
    Call soon = call();
    watchdog.watch(soon, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
    assertEquals(wakeups + 1, watchdog.wakeups(), "a deadline within the idle time does");
    awaitTrue(soon::isCanceled, "and is enforced");
    later.close();
  }

  @Test
  void theThreadEndsWhenIdleAndANewWatchStartsItAgain() throws InterruptedException {
    DeadlineWatchdog watchdog = watchdog(50);
    watchdog.watch(call(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
    awaitTrue(() -> !watchdog.running(), "the idle thread ends");
    Call again = call();
    DeadlineWatchdog.Watch watch = watchdog.watch(again, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
    awaitTrue(again::isCanceled, "a watch after the thread ended is still enforced");
    assertTrue(watch.expired());
  }

  /** One call of the concurrent test: left running, or closed (ended) in time or only after its deadline. */
  private record Watched(Call call, DeadlineWatchdog.Watch watch, boolean closed, boolean closedInTime) {}

  @Test
  void manyThreadsWatchingAndClosingNeverLoseADeadlineNorCancelAClosedCall() throws Exception {
    DeadlineWatchdog watchdog = watchdog(60_000);
    int threads = 8;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Watched>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = t;
      futures.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        List<Watched> out = new ArrayList<>();
        go.await();
        for (int i = 0; i < perThread; i++) {
          // every deadline is 0-2 ms away; one call in ten is left running, the others end (close) at once
          Call c = call();
          long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(random.nextInt(2_000));
          DeadlineWatchdog.Watch w = watchdog.watch(c, deadline);
          if (random.nextInt(10) == 0) {
            out.add(new Watched(c, w, false, false));
          } else {
            w.close();
            out.add(new Watched(c, w, true, System.nanoTime() - deadline < 0));
          }
        }
        return out;
      }));
    }
    go.countDown();
    List<Watched> all = new ArrayList<>();
    for (Future<List<Watched>> f : futures) {
      all.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    int running = 0;
    int closedInTime = 0;
    for (Watched w : all) {
      if (!w.closed()) {
        running++;
        awaitTrue(w.call()::isCanceled, "every deadline of a call left running is enforced");
        assertTrue(w.watch().expired());
      }
    }
    // a sentinel whose deadline comes after every other: once the watchdog cancelled it, it has scanned after
    // every deadline passed (an event, not a sleep), so a wrong cancel would have happened by now
    Call sentinel = call();
    watchdog.watch(sentinel, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));
    awaitTrue(sentinel::isCanceled, "the sentinel after every deadline is enforced");
    // a call that ended before its deadline must not have been touched
    for (Watched w : all) {
      if (w.closedInTime()) {
        closedInTime++;
        assertFalse(w.call().isCanceled(), "a call that ended before its deadline was cancelled");
        assertFalse(w.watch().expired());
      }
    }
    assertTrue(running > threads * perThread / 20, "calls left running: " + running);
    assertTrue(closedInTime > threads * perThread / 4, "calls closed before their deadline: " + closedInTime);
    assertEquals(0, watchdog.watchedCount(), "nothing is left behind");
  }
}
