package dev.blipsdk.whatsapp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How many recipients of a campaign (or of all the campaigns of a {@link CampaignLaunch}) are at each status, the
 * failures by reason, and how many replied. Blip's summaries carry no totals (API doc §3.6): these are counted from
 * each recipient's status.
 *
 * <p>Each recipient counts once, at its furthest status ({@link #of(RecipientStatus)}); {@link #atLeast} adds up the
 * ones that got at least that far (a read message was also delivered and sent).
 *
 * <p>Immutable and thread-safe.
 *
 * @param byStatus recipients per status (every status present, zero when none)
 * @param failureReasons failed recipients per reason description ({@code "(no reason)"} when Blip gave none)
 * @param replied how many replied, or null when Blip's report carries no reply information (UNCONFIRMED: no public
 *     source shows it)
 */
public record CampaignCounts(Map<RecipientStatus, Long> byStatus, Map<String, Long> failureReasons,
    @Nullable Long replied) {

  /** Checks and copies the parts. */
  public CampaignCounts {
    Objects.requireNonNull(byStatus, "byStatus");
    Objects.requireNonNull(failureReasons, "failureReasons");
    EnumMap<RecipientStatus, Long> all = new EnumMap<>(RecipientStatus.class);
    for (RecipientStatus s : RecipientStatus.values()) {
      all.put(s, byStatus.getOrDefault(s, 0L));
    }
    byStatus = Collections.unmodifiableMap(all);
    failureReasons = Collections.unmodifiableMap(new LinkedHashMap<>(failureReasons));
  }

  /**
   * No recipients.
   *
   * @return empty counts
   */
  public static CampaignCounts empty() {
    return new CampaignCounts(Map.of(), Map.of(), null);
  }

  /**
   * Recipients whose furthest status is this one.
   *
   * @param status the status
   * @return the count
   */
  public long of(RecipientStatus status) {
    return byStatus.get(Objects.requireNonNull(status, "status"));
  }

  /**
   * Recipients that got at least as far as {@code status} on the way {@code PROCESSED -> SENT -> DELIVERED -> READ}
   * (failed and unknown ones never count).
   *
   * @param status {@link RecipientStatus#PROCESSED}, {@link RecipientStatus#SENT}, {@link RecipientStatus#DELIVERED}
   *     or {@link RecipientStatus#READ}
   * @return the count
   * @throws IllegalArgumentException for another status
   */
  public long atLeast(RecipientStatus status) {
    if (status.ordinal() < RecipientStatus.PROCESSED.ordinal() || status.ordinal() > RecipientStatus.READ.ordinal()) {
      throw new IllegalArgumentException("atLeast takes PROCESSED, SENT, DELIVERED or READ, not " + status);
    }
    long n = 0;
    for (int i = status.ordinal(); i <= RecipientStatus.READ.ordinal(); i++) {
      n += byStatus.get(RecipientStatus.values()[i]);
    }
    return n;
  }

  /**
   * Every recipient counted.
   *
   * @return the total
   */
  public long total() {
    long n = 0;
    for (long v : byStatus.values()) {
      n += v;
    }
    return n;
  }

  /**
   * The failed recipients ({@code of(FAILED)}).
   *
   * @return the count
   */
  public long failed() {
    return of(RecipientStatus.FAILED);
  }

  /**
   * These counts plus others (the waves of one launch).
   *
   * @param other the other counts
   * @return the sums; replied is null only when both are
   */
  public CampaignCounts plus(CampaignCounts other) {
    EnumMap<RecipientStatus, Long> s = new EnumMap<>(RecipientStatus.class);
    for (RecipientStatus k : RecipientStatus.values()) {
      s.put(k, of(k) + other.of(k));
    }
    Map<String, Long> reasons = new LinkedHashMap<>(failureReasons);
    other.failureReasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
    Long r = replied == null && other.replied == null ? null
        : (replied == null ? 0 : replied) + (other.replied == null ? 0 : other.replied);
    return new CampaignCounts(s, reasons, r);
  }
}
