package dev.blipsdk.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Where a bulk send stands.
 *
 * @param sent how many were sent
 * @param failed how many failed
 * @param cancelled how many were cancelled
 * @param remaining how many are left, when the source size is known; otherwise {@code null}
 * @param currentRate messages sent during the last second of the clock
 * @param rateLimit the rate the sender currently allows itself (lowered after a 429, then raised back)
 * @param rateLimited how many 429 answers were received (those recipients were queued again, not failed)
 */
public record BulkProgress(long sent, long failed, long cancelled, @Nullable Long remaining, double currentRate,
    double rateLimit, long rateLimited) {

  /**
   * How many recipients have a result.
   *
   * @return sent + failed + cancelled
   */
  public long done() {
    return sent + failed + cancelled;
  }
}
