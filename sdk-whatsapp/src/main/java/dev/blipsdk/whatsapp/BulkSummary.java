package dev.blipsdk.whatsapp;

import java.time.Duration;
import java.time.Instant;

/**
 * The end of a bulk send.
 *
 * @param sent how many were sent
 * @param failed how many failed
 * @param cancelled how many were cancelled
 * @param rateLimited how many 429 answers were received (those recipients were sent again later)
 * @param startedAt when sending started (after the start time), on the client's clock
 * @param finishedAt when the last result came, on the client's clock
 * @param wasCancelled whether the run was cancelled
 */
public record BulkSummary(long sent, long failed, long cancelled, long rateLimited, Instant startedAt,
    Instant finishedAt, boolean wasCancelled) {

  /**
   * How long the sending took.
   *
   * @return finishedAt minus startedAt
   */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }
}
