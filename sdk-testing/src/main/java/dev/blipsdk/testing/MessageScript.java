package dev.blipsdk.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a message sent to one recipient: how far it gets ({@code accepted -> dispatched -> received
 * -> consumed}, or {@code failed} with a reason), the delay before each step on the {@link FakeClock}, and an
 * optional reply the customer sends afterwards.
 *
 * <p>The default script is {@link #read()} with no delays: the whole lifecycle completes without the test
 * advancing the clock. Add delays to make the test drive time with {@link FakeClock#advance(Duration)}.
 *
 * <pre>{@code
 * fake.script("5531999998888@wa.gw.msging.net",
 *     MessageScript.delivered().withStepDelay(Duration.ofSeconds(2)).withReply("Sim"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageScript {
  /** The last event a message reaches. */
  public enum Outcome {
    /** Stops at {@code accepted}. */
    ACCEPTED,
    /** Stops at {@code dispatched} (WhatsApp "sent"). */
    DISPATCHED,
    /** Stops at {@code received} (WhatsApp "delivered"). */
    DELIVERED,
    /** Reaches {@code consumed} (WhatsApp "read"). */
    READ,
    /** {@code accepted}, then {@code failed} with a reason. */
    FAILED
  }

  private final Outcome outcome;
  private final Duration stepDelay;
  private final Map<String, Duration> delays;
  private final int failureCode;
  private final String failureDescription;
  private final @Nullable String replyText;
  private final Duration replyDelay;

  private MessageScript(Outcome outcome, Duration stepDelay, Map<String, Duration> delays, int failureCode,
      String failureDescription, @Nullable String replyText, Duration replyDelay) {
    this.outcome = outcome;
    this.stepDelay = stepDelay;
    this.delays = Map.copyOf(delays);
    this.failureCode = failureCode;
    this.failureDescription = failureDescription;
    this.replyText = replyText;
    this.replyDelay = replyDelay;
  }

  private static MessageScript of(Outcome outcome) {
    return new MessageScript(outcome, Duration.ZERO, Map.of(), 0, "", null, Duration.ZERO);
  }

  /**
   * Delivered and read: {@code accepted, dispatched, received, consumed}.
   *
   * @return the script
   */
  public static MessageScript read() {
    return of(Outcome.READ);
  }

  /**
   * Delivered, never read: {@code accepted, dispatched, received}.
   *
   * @return the script
   */
  public static MessageScript delivered() {
    return of(Outcome.DELIVERED);
  }

  /**
   * Sent, never delivered: {@code accepted, dispatched}.
   *
   * @return the script
   */
  public static MessageScript dispatched() {
    return of(Outcome.DISPATCHED);
  }

  /**
   * Only {@code accepted}.
   *
   * @return the script
   */
  public static MessageScript acceptedOnly() {
    return of(Outcome.ACCEPTED);
  }

  /**
   * {@code accepted}, then {@code failed} with this reason.
   *
   * @param code the LIME reason code, e.g. 81 (gateway error)
   * @param description the reason description
   * @return the script
   */
  public static MessageScript failed(int code, String description) {
    return new MessageScript(Outcome.FAILED, Duration.ZERO, Map.of(), code,
        Objects.requireNonNull(description, "description"), null, Duration.ZERO);
  }

  /**
   * The same delay before every step after {@code accepted}.
   *
   * @param delay the delay
   * @return a copy with the delay
   */
  public MessageScript withStepDelay(Duration delay) {
    return new MessageScript(outcome, nonNegative(delay), delays, failureCode, failureDescription, replyText,
        replyDelay);
  }

  /**
   * The delay before one event ({@code accepted}, {@code dispatched}, {@code received}, {@code consumed},
   * {@code failed}), counted from the previous step; overrides {@link #withStepDelay(Duration)} for it.
   *
   * @param event the event name
   * @param delay the delay
   * @return a copy with the delay
   */
  public MessageScript withDelay(String event, Duration delay) {
    Map<String, Duration> d = new HashMap<>(delays);
    d.put(event.toLowerCase(Locale.ROOT), nonNegative(delay));
    return new MessageScript(outcome, stepDelay, d, failureCode, failureDescription, replyText, replyDelay);
  }

  /**
   * After the last step, the customer replies with this text (posted to the message webhook as an inbound
   * message, and fed to the Desk rules like {@link FakeBlip#simulateCustomerReply(String, String)}).
   *
   * @param text the reply text
   * @return a copy with the reply
   */
  public MessageScript withReply(String text) {
    return withReply(text, Duration.ZERO);
  }

  /**
   * Like {@link #withReply(String)}, the reply coming {@code after} the last step.
   *
   * @param text the reply text
   * @param after delay after the last step
   * @return a copy with the reply
   */
  public MessageScript withReply(String text, Duration after) {
    return new MessageScript(outcome, stepDelay, delays, failureCode, failureDescription,
        Objects.requireNonNull(text, "text"), nonNegative(after));
  }

  /**
   * The last event the message reaches.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The delay before an event, counted from the previous step ({@code accepted} defaults to zero).
   *
   * @param event the event name
   * @return the delay
   */
  public Duration delayBefore(String event) {
    String e = event.toLowerCase(Locale.ROOT);
    Duration d = delays.get(e);
    if (d != null) {
      return d;
    }
    return e.equals("accepted") ? Duration.ZERO : stepDelay;
  }

  /**
   * The reason code of a {@link Outcome#FAILED} script.
   *
   * @return the code (0 when not failing)
   */
  public int failureCode() {
    return failureCode;
  }

  /**
   * The reason description of a {@link Outcome#FAILED} script.
   *
   * @return the description (empty when not failing)
   */
  public String failureDescription() {
    return failureDescription;
  }

  /**
   * The reply text, if any.
   *
   * @return the text or null
   */
  public @Nullable String replyText() {
    return replyText;
  }

  /**
   * The delay of the reply after the last step.
   *
   * @return the delay
   */
  public Duration replyDelay() {
    return replyDelay;
  }

  private static Duration nonNegative(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "MessageScript[" + outcome + ", stepDelay=" + stepDelay + ", delays=" + delays
        + (replyText != null ? ", reply after " + replyDelay : "") + "]";
  }
}
