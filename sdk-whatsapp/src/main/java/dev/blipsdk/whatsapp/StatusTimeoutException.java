package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipException;
import java.time.Duration;
import java.util.Set;

/**
 * Thrown by {@link StatusTracker#await} when the message did not reach any of the awaited statuses in
 * time. Carries the last report.
 */
public final class StatusTimeoutException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final transient StatusReport lastReport;

  /**
   * Creates the exception.
   *
   * @param lastReport the last report
   * @param awaited the statuses awaited
   * @param timeout the timeout
   */
  public StatusTimeoutException(StatusReport lastReport, Set<MessageStatus> awaited, Duration timeout) {
    super("message " + lastReport.messageId() + " did not reach " + awaited + " within " + timeout
        + "; it is " + lastReport.status(), null, false, 0, lastReport.messageId());
    this.lastReport = lastReport;
  }

  /**
   * The last report before giving up.
   *
   * @return the report
   */
  public StatusReport lastReport() {
    return lastReport;
  }
}
