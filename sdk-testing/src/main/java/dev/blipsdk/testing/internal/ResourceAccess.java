package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.Map;

/** Seeding and inspection entry points of the facade for attendance hours and buckets; call with the bot locked. */
public final class ResourceAccess {
  private ResourceAccess() {}

  /**
   * Stores an attendance-hour container as {@code set /attendance-hour} does.
   *
   * @throws IllegalArgumentException if it is malformed
   */
  public static Map<String, Object> putAttendanceHours(BotState bot, Map<String, Object> container, Instant now) {
    try {
      return AttendanceHoursHandler.store(bot, container, Times.iso(now), true);
    } catch (CommandFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Drops the expired bucket documents. */
  public static void expireBuckets(BotState bot, Instant now) {
    BucketsHandler.expire(bot, now);
  }
}
