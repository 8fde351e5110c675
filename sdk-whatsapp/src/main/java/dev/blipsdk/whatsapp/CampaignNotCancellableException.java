package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipException;
import org.jspecify.annotations.Nullable;

/**
 * A campaign could not be canceled because it has already started (or ended): only a created or scheduled campaign
 * can be. Nothing was changed. Not retryable.
 */
public class CampaignNotCancellableException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final String campaignId;
  private final CampaignStatus status;

  /**
   * Creates the exception.
   *
   * @param campaignId the campaign
   * @param status its status when the cancel was refused
   * @param cause Blip's refusal, or null when the SDK refused from the status alone
   */
  public CampaignNotCancellableException(String campaignId, CampaignStatus status, @Nullable Throwable cause) {
    super("campaign " + campaignId + " is " + status + " and can no longer be canceled: only a created or scheduled"
        + " campaign can", cause, false, cause == null ? 0 : 1, null);
    this.campaignId = campaignId;
    this.status = status;
  }

  /** @return the campaign id */
  public String campaignId() {
    return campaignId;
  }

  /** @return its status when the cancel was refused */
  public CampaignStatus status() {
    return status;
  }
}
