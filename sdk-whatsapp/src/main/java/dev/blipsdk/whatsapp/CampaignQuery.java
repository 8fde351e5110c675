package dev.blipsdk.whatsapp;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which campaigns {@link Campaigns#list(CampaignQuery)} returns. Blip's {@code get /campaigns} pages with
 * {@code $skip}/{@code $take} (at most 100) and no known filter (3P, API doc §3.6), so the filters here are applied
 * by the client to the pages it reads, and {@link #limit(long)} bounds how many campaigns it returns.
 *
 * <pre>{@code
 * whatsApp.campaigns().list(CampaignQuery.all().status(CampaignStatus.SCHEDULED).nameContains("reminder").limit(50))
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CampaignQuery {
  /** Campaigns per page by default (the page size public clients use). */
  public static final int DEFAULT_PAGE_SIZE = 20;
  /** The most campaigns one page may hold. */
  public static final int MAX_PAGE_SIZE = 100;

  private final Set<CampaignStatus> statuses;
  private final @Nullable String nameContains;
  private final @Nullable Instant createdFrom;
  private final @Nullable Instant createdBefore;
  private final int pageSize;
  private final long limit;

  private CampaignQuery(Set<CampaignStatus> statuses, @Nullable String nameContains, @Nullable Instant createdFrom,
      @Nullable Instant createdBefore, int pageSize, long limit) {
    this.statuses = statuses;
    this.nameContains = nameContains;
    this.createdFrom = createdFrom;
    this.createdBefore = createdBefore;
    this.pageSize = pageSize;
    this.limit = limit;
  }

  /**
   * Every campaign, newest first as Blip lists them.
   *
   * @return the query
   */
  public static CampaignQuery all() {
    return new CampaignQuery(Set.of(), null, null, null, DEFAULT_PAGE_SIZE, Long.MAX_VALUE);
  }

  /**
   * Only campaigns in one of these statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return a new query
   */
  public CampaignQuery status(CampaignStatus first, CampaignStatus... more) {
    return new CampaignQuery(Set.copyOf(EnumSet.of(first, more)), nameContains, createdFrom, createdBefore,
        pageSize, limit);
  }

  /**
   * Only campaigns whose name contains this text, without regard to case.
   *
   * @param text the text
   * @return a new query
   */
  public CampaignQuery nameContains(String text) {
    return new CampaignQuery(statuses, Objects.requireNonNull(text, "text"), createdFrom, createdBefore, pageSize,
        limit);
  }

  /**
   * Only campaigns created at or after {@code from} and before {@code before} (either may be null).
   *
   * @param from the earliest creation time, or null
   * @param before the time creation is before, or null
   * @return a new query
   */
  public CampaignQuery created(@Nullable Instant from, @Nullable Instant before) {
    return new CampaignQuery(statuses, nameContains, from, before, pageSize, limit);
  }

  /**
   * Campaigns per page (1 to {@value #MAX_PAGE_SIZE}).
   *
   * @param size the page size
   * @return a new query
   * @throws IllegalArgumentException if out of range
   */
  public CampaignQuery pageSize(int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + size);
    }
    return new CampaignQuery(statuses, nameContains, createdFrom, createdBefore, size, limit);
  }

  /**
   * The most campaigns to return.
   *
   * @param max at least 1
   * @return a new query
   * @throws IllegalArgumentException if less than 1
   */
  public CampaignQuery limit(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + max);
    }
    return new CampaignQuery(statuses, nameContains, createdFrom, createdBefore, pageSize, max);
  }

  /** @return campaigns per page */
  public int pageSize() {
    return pageSize;
  }

  /** @return the most campaigns to return */
  public long limit() {
    return limit;
  }

  /**
   * Whether a campaign passes the filters.
   *
   * @param c the campaign
   * @return true if it does
   */
  public boolean matches(Campaign c) {
    if (!statuses.isEmpty() && !statuses.contains(c.status())) {
      return false;
    }
    if (nameContains != null
        && !c.name().toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (createdFrom != null && (c.created() == null || c.created().isBefore(createdFrom))) {
      return false;
    }
    return createdBefore == null || c.created() != null && c.created().isBefore(createdBefore);
  }

  @Override
  public String toString() {
    return "CampaignQuery{statuses=" + statuses + ", nameContains=" + nameContains + ", created=[" + createdFrom
        + ", " + createdBefore + "), pageSize=" + pageSize + ", limit=" + limit + "}";
  }
}
