package dev.blipsdk.whatsapp;

import dev.blipsdk.core.Sleeper;
import dev.blipsdk.whatsapp.internal.LocalRateLimiter;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Hands out permits to send, so that everything sharing one limiter stays within one rate: a
 * {@link BulkSender} acquires one before each send ({@link BulkSender.Builder#rateLimiter(RateLimiter)}), a
 * {@link WhatsAppClient} can acquire one before every send it makes
 * ({@link WhatsAppClient.Builder#rateLimiter(RateLimiter)}), and any other pacing (a campaign's, your own)
 * can call {@link #acquire()}.
 *
 * <p>The SDK stores nothing itself: {@link #perSecond(double)} limits one process; the instances of a
 * fleet that must stay within one plan together share a limiter backed by a shared store (the
 * {@code blip-sdk-redis} module has one on Redis).
 *
 * <p><b>Asynchronous.</b> {@link #acquire()} never blocks: it returns a future that completes when the
 * permit is granted, and waiting costs no thread per waiting caller (the in-memory limiter completes it
 * from the {@link Sleeper}'s timer).
 *
 * <p><b>Thread safety:</b> implementations must be thread-safe.
 *
 * <p><b>Failure: fail closed.</b> A limiter whose store cannot answer completes the future exceptionally
 * with a {@link dev.blipsdk.core.exception.StoreException}; the send that asked is not made (a single send
 * fails with that exception, a bulk run pauses and asks again), so a store outage never lets a fleet exceed
 * its plan.
 */
public interface RateLimiter {

  /**
   * Asks for one permit.
   *
   * <p>Cancelling the future stops waiting for it; the permit may still count against the rate (limiters
   * that reserve a slot do not hand it back), so a cancelled wait never lets more sends through.
   *
   * @return a future completed when the caller may make one send, or failed with a
   *     {@link dev.blipsdk.core.exception.StoreException} when the limiter cannot answer
   */
  CompletableFuture<Void> acquire();

  /**
   * An in-memory limiter for this process: at most {@code permitsPerSecond}, evenly spaced (no burst), on
   * the system clock.
   *
   * @param permitsPerSecond positive (fractions allowed: 0.5 is one every 2 s)
   * @return the limiter
   */
  static RateLimiter perSecond(double permitsPerSecond) {
    return perSecond(permitsPerSecond, Clock.systemUTC(), Sleeper.system());
  }

  /**
   * An in-memory limiter at a plan's message rate ({@link Plan#messagesPerSecond()}).
   *
   * @param plan the plan
   * @return the limiter
   */
  static RateLimiter of(Plan plan) {
    return perSecond(Objects.requireNonNull(plan, "plan").messagesPerSecond());
  }

  /**
   * An in-memory limiter timed by a clock and a sleeper of your choice (tests run it in virtual time).
   * Permits are reserved in order: the n-th concurrent caller's future completes {@code n / permitsPerSecond}
   * seconds from now.
   *
   * @param permitsPerSecond positive
   * @param clock the clock
   * @param sleeper completes the futures of callers that must wait
   * @return the limiter
   */
  static RateLimiter perSecond(double permitsPerSecond, Clock clock, Sleeper sleeper) {
    return new LocalRateLimiter(permitsPerSecond, clock, sleeper);
  }
}
