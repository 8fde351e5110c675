package dev.blipsdk.testing;

import java.time.Duration;

/**
 * Throughput limits per bot and per second (API doc §1.3): free plan messages 3, notifications 6, commands 48;
 * paid 50, 100, 200. Past a limit the fake answers HTTP 429 to every request of that kind for the block
 * window (default 2 minutes, the doc's UNCONFIRMED note), with or without {@code Retry-After} (default without,
 * since none is documented). Windows run on the {@link FakeClock}.
 *
 * <p>How Blip counts "per second" is not documented. By default the fake counts requests in a sliding window of one
 * second: the strictest reading, where a client sending at exactly the limit trips it as soon as network jitter
 * brings two of its requests closer than their spacing. {@link #withBurst(int)} counts in a token bucket instead,
 * refilled at the limit and holding {@code burst} requests: the same sustained rate, with room for requests that
 * arrive late and then close together.
 *
 * <p>Immutable and thread-safe.
 */
public final class RateLimits {
  private final int messages;
  private final int notifications;
  private final int commands;
  private final Duration blockWindow;
  private final boolean retryAfter;
  private final int burst;

  private RateLimits(int messages, int notifications, int commands, Duration blockWindow, boolean retryAfter) {
    this(messages, notifications, commands, blockWindow, retryAfter, 0);
  }

  private RateLimits(int messages, int notifications, int commands, Duration blockWindow, boolean retryAfter,
      int burst) {
    this.messages = messages;
    this.notifications = notifications;
    this.commands = commands;
    this.blockWindow = blockWindow;
    this.retryAfter = retryAfter;
    this.burst = burst;
  }

  /**
   * No limits (the default of {@link FakeBlip}).
   *
   * @return unlimited
   */
  public static RateLimits none() {
    return new RateLimits(0, 0, 0, Duration.ofMinutes(2), false);
  }

  /**
   * The free plan: messages 3/s, notifications 6/s, commands 48/s.
   *
   * @return the free plan limits
   */
  public static RateLimits free() {
    return new RateLimits(3, 6, 48, Duration.ofMinutes(2), false);
  }

  /**
   * The paid plan: messages 50/s, notifications 100/s, commands 200/s.
   *
   * @return the paid plan limits
   */
  public static RateLimits paid() {
    return new RateLimits(50, 100, 200, Duration.ofMinutes(2), false);
  }

  /**
   * Custom limits per second; 0 means unlimited.
   *
   * @param messages {@code POST /messages} per second
   * @param notifications {@code POST /notifications} per second
   * @param commands {@code POST /commands} per second
   * @return the limits
   */
  public static RateLimits of(int messages, int notifications, int commands) {
    return new RateLimits(messages, notifications, commands, Duration.ofMinutes(2), false);
  }

  /**
   * How long 429 is answered once a limit is passed.
   *
   * @param window the block window
   * @return a copy with the window
   */
  public RateLimits withBlockWindow(Duration window) {
    return new RateLimits(messages, notifications, commands, window, retryAfter, burst);
  }

  /**
   * Whether 429 answers carry {@code Retry-After} (seconds left in the block window).
   *
   * @param send true to send the header
   * @return a copy with the setting
   */
  public RateLimits withRetryAfter(boolean send) {
    return new RateLimits(messages, notifications, commands, blockWindow, send, burst);
  }

  /**
   * Counts each limit in a token bucket refilled continuously at the limit and holding at most {@code burst}
   * requests, instead of a sliding window of one second: a client may fall behind by up to {@code burst} requests
   * and catch up, but never sustain more than the limit.
   *
   * @param burst positive
   * @return a copy with the setting
   */
  public RateLimits withBurst(int burst) {
    if (burst <= 0) {
      throw new IllegalArgumentException("burst must be positive, was " + burst);
    }
    return new RateLimits(messages, notifications, commands, blockWindow, retryAfter, burst);
  }

  /**
   * The token bucket's size, or 0 when limits are counted in a sliding window of one second.
   *
   * @return the burst
   */
  public int burst() {
    return burst;
  }

  /**
   * Messages per second, 0 for unlimited.
   *
   * @return the limit
   */
  public int messagesPerSecond() {
    return messages;
  }

  /**
   * Notifications per second, 0 for unlimited.
   *
   * @return the limit
   */
  public int notificationsPerSecond() {
    return notifications;
  }

  /**
   * Commands per second, 0 for unlimited.
   *
   * @return the limit
   */
  public int commandsPerSecond() {
    return commands;
  }

  /**
   * The block window.
   *
   * @return the window
   */
  public Duration blockWindow() {
    return blockWindow;
  }

  /**
   * Whether {@code Retry-After} is sent.
   *
   * @return true if sent
   */
  public boolean retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    return "RateLimits[messages=" + messages + "/s, notifications=" + notifications + "/s, commands=" + commands
        + "/s, block=" + blockWindow + ", retryAfter=" + retryAfter + (burst == 0 ? "" : ", burst=" + burst) + "]";
  }
}
