package dev.blipsdk.core.observation;

import java.util.Locale;

/** Why a send waits before it is made (see {@link OperationListener#waiting(Wait)}). */
public enum WaitReason {
  /** Blip answered 429 and the sender pauses until the limit's window has passed. */
  RATE_LIMITED,
  /** A rate limiter or pacing window holds the send back to keep under the plan's throughput. */
  PACING;

  private final String tag = name().toLowerCase(Locale.ROOT);

  /**
   * The lower-case name, for a tag value ({@code pacing}).
   *
   * @return the tag value
   */
  public String tagValue() {
    return tag;
  }
}
