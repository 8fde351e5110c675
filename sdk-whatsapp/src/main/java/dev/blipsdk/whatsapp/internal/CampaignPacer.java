package dev.blipsdk.whatsapp.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a campaign launch spreads its audience over time: into waves of at most {@link #waveSize()} recipients, each
 * starting at {@link #startOf(int)}. The one seam of campaign pacing, kept small so that a shared rate limiter can
 * stand behind it later. Implementations are immutable and thread-safe.
 */
public interface CampaignPacer {

  /** @return the most recipients in one wave ({@link Long#MAX_VALUE}: one wave) */
  long waveSize();

  /**
   * When a wave starts.
   *
   * @param wave the wave, from 0
   * @return the start, or null to start when dispatched
   */
  @Nullable Instant startOf(int wave);

  /**
   * Everything in one wave, starting at {@code start} (null: at dispatch).
   *
   * @param start the start, or null
   * @return the pacer
   */
  static CampaignPacer single(@Nullable Instant start) {
    return new CampaignPacer() {
      @Override
      public long waveSize() {
        return Long.MAX_VALUE;
      }

      @Override
      public @Nullable Instant startOf(int wave) {
        return start;
      }
    };
  }

  /**
   * Waves of {@code size} recipients, {@code every} apart, the first at {@code first} (null: at dispatch, the next
   * ones counted from {@code origin}).
   *
   * @param size recipients per wave
   * @param every interval between wave starts
   * @param first the first wave's start, or null for at dispatch
   * @param origin the time the intervals count from when {@code first} is null
   * @return the pacer
   */
  static CampaignPacer fixed(int size, Duration every, @Nullable Instant first, Instant origin) {
    return new CampaignPacer() {
      @Override
      public long waveSize() {
        return size;
      }

      @Override
      public @Nullable Instant startOf(int wave) {
        if (wave == 0) {
          return first;
        }
        return (first != null ? first : origin).plus(every.multipliedBy(wave));
      }
    };
  }
}
