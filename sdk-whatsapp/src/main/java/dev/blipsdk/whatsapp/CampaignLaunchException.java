package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipException;
import java.util.List;

/**
 * A launch failed part way (an audience upload that still failed after the client's retries, a dispatch refused).
 * Before throwing, the launch cancels every campaign it had created; {@link #leftRunning()} names those it could not
 * cancel (a wave that had already started, or a cancel that failed too), which the caller must look after.
 * {@link #getCause()} is the failure.
 */
public class CampaignLaunchException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> leftRunning;
  private final long uploaded;

  /**
   * Creates the exception.
   *
   * @param cause the failure
   * @param uploaded recipients uploaded before it
   * @param leftRunning ids of campaigns that could not be canceled
   */
  public CampaignLaunchException(BlipException cause, long uploaded, List<String> leftRunning) {
    super("campaign launch failed after " + uploaded + " recipients were uploaded: " + cause.getMessage()
        + (leftRunning.isEmpty() ? "; every campaign it created was canceled"
        : "; these campaigns could not be canceled: " + leftRunning), cause, cause.isRetryable(), cause.attempts(),
        cause.envelopeId());
    this.leftRunning = List.copyOf(leftRunning);
    this.uploaded = uploaded;
  }

  /** @return ids of the campaigns the launch could not cancel */
  public List<String> leftRunning() {
    return leftRunning;
  }

  /** @return recipients uploaded before the failure */
  public long uploaded() {
    return uploaded;
  }
}
