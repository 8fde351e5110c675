package dev.blipsdk.testing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date formats of the wire: ISO-8601 UTC with milliseconds, {@code 2019-12-04T13:45:25.664Z}. */
public final class Times {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String iso(Instant at) {
    return ISO.format(at);
  }

  /** {@code hh:mm:ss}, as Desk monitoring writes durations. */
  public static String hms(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
