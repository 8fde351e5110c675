package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;
import java.util.List;

/**
 * No recipient of a launch's audience could be used (an empty audience, or every recipient rejected). Nothing was
 * created. {@link #rejections()} holds the first {@value CampaignLaunch#KEPT_REJECTIONS} rejections.
 */
public class CampaignAudienceException extends BlipValidationException {
  private static final long serialVersionUID = 1L;
  private final transient List<RecipientRejection> rejections;
  private final long rejected;

  /**
   * Creates the exception.
   *
   * @param rejected how many recipients were rejected
   * @param rejections the first rejections
   */
  public CampaignAudienceException(long rejected, List<RecipientRejection> rejections) {
    super("audience", rejected == 0 ? "empty" : "no-valid-recipient", rejected == 0
        ? "the campaign's audience is empty: nothing was created"
        : "all " + rejected + " recipients were rejected (first: " + rejections.get(0) + "): nothing was created");
    this.rejections = List.copyOf(rejections);
    this.rejected = rejected;
  }

  /** @return the first rejections */
  public List<RecipientRejection> rejections() {
    return rejections;
  }

  /** @return how many recipients were rejected */
  public long rejected() {
    return rejected;
  }
}
