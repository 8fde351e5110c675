package dev.blipsdk.whatsapp;

import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Sends a template to many recipients: lazily from an iterator or stream (100,000 recipients never sit
 * in memory: one is pulled only when there is room to send it), at a client-side rate, with a
 * concurrency bound, optional "N messages every interval" pacing and a start time, reporting each
 * recipient's result as it happens.
 *
 * <pre>{@code
 * BulkSender sender = whatsApp.bulk()
 *     .plan(Plan.PAID)                                   // 50 messages/s (or ratePerSecond(20))
 *     .concurrency(16)
 *     .pacing(1_000, Duration.ofMinutes(10))             // "send gradually": 1,000 every 10 minutes
 *     .startAt(Instant.parse("2025-06-01T12:00:00Z"))
 *     .listener(result -> crm.record(result))
 *     .build();
 * TemplateMessage base = TemplateMessage.of("promo_june", "pt_BR").headerImage("https://cdn.x/june.png");
 * BulkRun run = sender.start(customers.stream()
 *     .map(c -> BulkRecipient.of(PhoneNumber.parse(c.phone(), "55"), base.body(c.firstName()))
 *         .withReference(c.id())));
 * BulkSummary summary = run.join();                       // or run.cancel()
 * }</pre>
 *
 * <p><b>Failures.</b> One bad recipient never stops the others: an invalid message, a number not on
 * WhatsApp or a failed send becomes that recipient's {@link BulkResult.Failed} (an invalid message
 * takes no rate slot). A 429 does not fail the recipient: the whole run pauses (honouring
 * {@code Retry-After}, otherwise backing off from 1 s, doubling up to 60 s), halves its rate, queues the
 * recipient again and then raises the rate back step by step. By default message sends are not retried
 * by the core client in a bulk run ({@link RetryPolicy#none()}), so that 429s reach this logic at once
 * and no message is sent twice.
 *
 * <p><b>Sharing a rate.</b> The rate ({@link Builder#plan(Plan)}, {@link Builder#ratePerSecond(double)}) is
 * each run's own. Runs that must stay within one limit together (several runs in one process, or the
 * instances of a fleet) share a {@link RateLimiter}: give it to {@link Builder#rateLimiter(RateLimiter)}
 * (or to the {@link WhatsAppClient}, whose limiter a run uses when the sender has none), and each send
 * waits for a permit from it as well as for the run's own rate. A limiter that cannot answer never lets a
 * send through: the run pauses (backing off from 1 s, doubling up to 60 s) and asks again.
 *
 * <p><b>Threads.</b> Each run is driven by one coordinator task. It runs on the {@link Executor} you
 * give; otherwise the run creates one daemon thread of its own, which ends with the run:
 * {@link BulkRun#join()} returns only after it ended, so no thread outlives the run. Sends
 * complete on the Blip client's OkHttp threads. Waits (rate, pacing, backoff, start time) use the
 * {@link WhatsAppClient}'s clock and {@link dev.blipsdk.core.Sleeper}, so tests run in virtual time.
 *
 * <p>Immutable and thread-safe; one sender can start many runs.
 */
public final class BulkSender {
  final WhatsAppClient whatsApp;
  final double ratePerSecond;
  final int concurrency;
  final int pacingCount;
  final @Nullable Duration pacingInterval;
  final @Nullable Instant startAt;
  final @Nullable BulkListener listener;
  final @Nullable Executor executor;
  final @Nullable Template template;
  final RequestOptions requestOptions;
  final @Nullable RateLimiter rateLimiter;

  private BulkSender(Builder b) {
    this.whatsApp = b.whatsApp;
    this.ratePerSecond = b.ratePerSecond;
    this.concurrency = b.concurrency;
    this.pacingCount = b.pacingCount;
    this.pacingInterval = b.pacingInterval;
    this.startAt = b.startAt;
    this.listener = b.listener;
    this.executor = b.executor;
    this.template = b.template;
    this.requestOptions = b.requestOptions;
    this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : whatsApp.rateLimiter();
  }

  /**
   * A builder.
   *
   * @param whatsApp the client to send with
   * @return the builder
   */
  public static Builder builder(WhatsAppClient whatsApp) {
    return new Builder(Objects.requireNonNull(whatsApp, "whatsApp"));
  }

  /**
   * Starts sending to the recipients an iterator yields, pulling one only when it can be sent.
   *
   * @param recipients the source
   * @return the running send
   */
  public BulkRun start(Iterator<BulkRecipient> recipients) {
    return start(recipients, null, null);
  }

  /**
   * Starts sending to the recipients of a stream (closed at the end).
   *
   * @param recipients the source
   * @return the running send
   */
  public BulkRun start(Stream<BulkRecipient> recipients) {
    Objects.requireNonNull(recipients, "recipients");
    return start(recipients.iterator(), null, recipients::close);
  }

  /**
   * Starts sending to a collection; progress then reports what remains.
   *
   * @param recipients the recipients
   * @return the running send
   */
  public BulkRun start(Collection<BulkRecipient> recipients) {
    Objects.requireNonNull(recipients, "recipients");
    return start(recipients.iterator(), (long) recipients.size(), null);
  }

  /**
   * Starts sending, with the number of recipients when you know it (for the remaining count).
   *
   * @param recipients the source
   * @param expectedCount how many it will yield, or {@code null}
   * @return the running send
   */
  public BulkRun start(Iterator<BulkRecipient> recipients, @Nullable Long expectedCount) {
    return start(recipients, expectedCount, null);
  }

  private BulkRun start(Iterator<BulkRecipient> recipients, @Nullable Long expected, @Nullable Runnable onEnd) {
    Objects.requireNonNull(recipients, "recipients");
    BulkRun run = new BulkRun(this, recipients, expected, onEnd);
    run.launch();
    return run;
  }

  @Override
  public String toString() {
    return "BulkSender{ratePerSecond=" + ratePerSecond + ", concurrency=" + concurrency + ", pacing="
        + (pacingInterval == null ? "none" : pacingCount + "/" + pacingInterval) + ", startAt=" + startAt
        + (rateLimiter == null ? "" : ", rateLimiter=" + rateLimiter) + "}";
  }

  /** Builds a {@link BulkSender}. Not thread-safe. */
  public static final class Builder {
    private final WhatsAppClient whatsApp;
    private double ratePerSecond = Plan.FREE.messagesPerSecond();
    private int concurrency = 8;
    private int pacingCount;
    private @Nullable Duration pacingInterval;
    private @Nullable Instant startAt;
    private @Nullable BulkListener listener;
    private @Nullable Executor executor;
    private @Nullable Template template;
    private RequestOptions requestOptions = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();
    private @Nullable RateLimiter rateLimiter;

    private Builder(WhatsAppClient whatsApp) {
      this.whatsApp = whatsApp;
    }

    /**
     * Also waits for a permit from this limiter before each send, on top of the run's own rate: share one
     * limiter between runs, processes or instances that must stay within one plan together. Without one,
     * the runs use the {@link WhatsAppClient}'s limiter if it has one (a send then takes one permit, not
     * two). A limiter other than the client's is acquired as well as the client's.
     *
     * @param limiter the shared limiter
     * @return this builder
     */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Sends at the plan's rate (default {@link Plan#FREE}, 3 per second).
     *
     * @param plan the plan
     * @return this builder
     */
    public Builder plan(Plan plan) {
      this.ratePerSecond = Objects.requireNonNull(plan, "plan").messagesPerSecond();
      return this;
    }

    /**
     * Sends at most this many messages per second.
     *
     * @param messagesPerSecond positive (fractions allowed: 0.5 is one every 2 s)
     * @return this builder
     */
    public Builder ratePerSecond(double messagesPerSecond) {
      if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
        throw new IllegalArgumentException("ratePerSecond must be positive, was " + messagesPerSecond);
      }
      this.ratePerSecond = messagesPerSecond;
      return this;
    }

    /**
     * Keeps at most this many sends in flight (default 8).
     *
     * @param maxInFlight positive
     * @return this builder
     */
    public Builder concurrency(int maxInFlight) {
      if (maxInFlight <= 0) {
        throw new IllegalArgumentException("concurrency must be positive, was " + maxInFlight);
      }
      this.concurrency = maxInFlight;
      return this;
    }

    /**
     * Sends gradually: at most {@code count} messages in each {@code interval} (still within the rate).
     *
     * @param count positive
     * @param interval positive
     * @return this builder
     */
    public Builder pacing(int count, Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (count <= 0 || interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("pacing needs a positive count and interval, was " + count + " every "
            + interval);
      }
      this.pacingCount = count;
      this.pacingInterval = interval;
      return this;
    }

    /**
     * Starts sending at this time (on the client's clock); before it, nothing is pulled or sent.
     *
     * @param start the start time
     * @return this builder
     */
    public Builder startAt(Instant start) {
      this.startAt = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Receives results and progress.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(BulkListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs each run's coordinator on this executor instead of a thread of the run's own. It is not shut
     * down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Validates every message against this definition (variable counts, header kind) before sending.
     *
     * @param definition the template definition
     * @return this builder
     */
    public Builder template(Template definition) {
      this.template = Objects.requireNonNull(definition, "template");
      return this;
    }

    /**
     * Sets the core request options of each send (default: no core retries, see the class comment).
     *
     * @param options the options
     * @return this builder
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Builds the sender.
     *
     * @return the sender
     */
    public BulkSender build() {
      return new BulkSender(this);
    }
  }
}
