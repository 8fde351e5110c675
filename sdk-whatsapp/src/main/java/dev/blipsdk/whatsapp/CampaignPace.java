package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Sending gradually: at most {@code messages} recipients every {@code every}, so agents are not flooded with
 * replies. A paced launch is split into waves of {@code messages} recipients, each its own Blip campaign scheduled
 * {@code every} after the one before (Blip holds every schedule: the caller's process does not have to stay up).
 * Blip's own "send gradually" setting has no public wire form, so waves are built on scheduling, which has one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param messages recipients per wave, at least 1
 * @param every the interval between the starts of two waves, at least one minute
 */
public record CampaignPace(int messages, Duration every) {

  /** The shortest interval between waves. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /**
   * Checks the parts.
   *
   * @throws BlipValidationException naming the field and the rule
   */
  public CampaignPace {
    Objects.requireNonNull(every, "every");
    if (messages < 1) {
      throw new BlipValidationException("pace.messages", "min", "a wave holds at least 1 recipient, was " + messages);
    }
    if (every.compareTo(MIN_INTERVAL) < 0) {
      throw new BlipValidationException("pace.every", "min", "waves start at least " + MIN_INTERVAL
          + " apart, was " + every);
    }
  }

  /**
   * A pace.
   *
   * @param messages recipients per wave
   * @param every the interval between waves
   * @return the pace
   */
  public static CampaignPace of(int messages, Duration every) {
    return new CampaignPace(messages, every);
  }
}
