package dev.blipsdk.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how the client repeats a failed HTTP attempt.
 *
 * <p>What is retried (always within the call's overall deadline):
 * <ul>
 *   <li>connection failures where the request never left the machine (refused, unknown host, connect
 *       timeout): every request;
 *   <li>HTTP 429 (Blip did not take the request): every request, waiting at least the server's
 *       {@code Retry-After} (seconds or HTTP-date) when it sends one;
 *   <li>HTTP 502, 503, 504, read timeouts and connections dropped after the request was sent: only
 *       requests that are safe to repeat: {@code get} commands, and commands or messages that the caller
 *       marked {@linkplain RequestOptions.Builder#idempotent(boolean) idempotent}. A message send is
 *       never repeated once its bytes may have reached Blip unless the caller opts in, because a
 *       duplicate WhatsApp message costs money and confuses the customer.
 * </ul>
 * A failed command ({@code "status":"failure"}), 400 and 401 are never retried.
 *
 * <p>Waits grow exponentially with full jitter: attempt {@code n} waits a random time between 0 and
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, or the server's {@code Retry-After} when that is longer.
 * A wait that would pass the deadline ends the call at once with the last error.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofSeconds(1)).build();
 * BlipClient client = BlipClient.builder()...retryPolicy(patient).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  /**
   * The longest delay kept: one day. A longer {@link Builder#baseDelay} or {@link Builder#maxDelay} (such as
   * {@code ChronoUnit.FOREVER.getDuration()} for "no cap") is kept at this; the call's deadline ends it first.
   */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final boolean honorRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.honorRetryAfter = b.honorRetryAfter;
  }

  /**
   * The default policy: 3 attempts in all, base delay 500 ms, cap 8 s, {@code Retry-After} honoured.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A policy that never retries (one attempt).
   *
   * @return the no-retry policy
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.honorRetryAfter = honorRetryAfter;
    return b;
  }

  /**
   * The most attempts one call makes, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The base of the exponential backoff.
   *
   * @return the base delay
   */
  public Duration baseDelay() {
    return baseDelay;
  }

  /**
   * The cap of the exponential backoff (not of {@code Retry-After}, which only the deadline caps).
   *
   * @return the cap
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Whether a 429's {@code Retry-After} sets the minimum wait.
   *
   * @return true when honoured
   */
  public boolean honorRetryAfter() {
    return honorRetryAfter;
  }

  /**
   * The backoff before retry number {@code retry} (1 for the first retry), with full jitter.
   *
   * @param retry the retry number, from 1
   * @param random a number in [0, 1)
   * @return the wait
   */
  public Duration backoff(int retry, double random) {
    long base = baseDelay.toMillis();
    long ceiling = maxDelay.toMillis();
    long exp = retry >= 31 ? ceiling : Math.min(ceiling, base * (1L << Math.max(0, retry - 1)));
    return Duration.ofMillis((long) (exp * random));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.baseDelay.equals(baseDelay)
        && p.maxDelay.equals(maxDelay) && p.honorRetryAfter == honorRetryAfter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay, honorRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", honorRetryAfter=" + honorRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(8);
    private boolean honorRetryAfter = true;

    private Builder() {}

    /**
     * Sets the most attempts per call, the first included (1 disables retries).
     *
     * @param maxAttempts from 1 to 20
     * @return this builder
     * @throws IllegalArgumentException outside 1..20
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the base delay of the exponential backoff; above {@link #MAX_DELAY} it is kept at it.
     *
     * @param baseDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = delay(baseDelay, "baseDelay");
      return this;
    }

    /**
     * Sets the cap of the exponential backoff; above {@link #MAX_DELAY} (for example
     * {@code ChronoUnit.FOREVER.getDuration()}, "no cap") it is kept at it.
     *
     * @param maxDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = delay(maxDelay, "maxDelay");
      return this;
    }

    private static Duration delay(Duration d, String name) {
      if (Objects.requireNonNull(d, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /**
     * Sets whether a 429's {@code Retry-After} sets the minimum wait (default true).
     *
     * @param honor true to honour it
     * @return this builder
     */
    public Builder honorRetryAfter(boolean honor) {
      this.honorRetryAfter = honor;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalStateException if maxDelay is less than baseDelay
     */
    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalStateException("maxDelay (" + maxDelay + ") must not be less than baseDelay ("
            + baseDelay + ")");
      }
      return new RetryPolicy(this);
    }
  }
}
