package dev.blipsdk.desk.internal;

import dev.blipsdk.desk.AttendanceHourContainer;
import org.jspecify.annotations.Nullable;

/**
 * An item of {@code get /attendance-hour}, read by core's reader to tell a header (the documented item) from a whole
 * rule (tolerated): a rule has an {@code attendanceHour} member, found without regard to case as every member is.
 * Exported to core only, for the reader.
 *
 * @param attendanceHour the header of a whole rule, or null when the item is a header itself
 */
public record AttendanceHourItem(AttendanceHourContainer.@Nullable Header attendanceHour) {}
