package dev.blipsdk.whatsapp;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Campaigns#launch} did: the campaigns it created and dispatched (one, or one per wave of a paced
 * launch, in order), how many recipients went into them and how many were left out, with the first
 * {@value #KEPT_REJECTIONS} rejections (all of them go to the launch's listener).
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaigns the campaigns, in wave order
 * @param accepted recipients uploaded
 * @param rejected recipients left out
 * @param rejections the first rejections, in audience order
 */
public record CampaignLaunch(List<Campaign> campaigns, long accepted, long rejected,
    List<RecipientRejection> rejections) {
  /** How many rejections a launch keeps. */
  public static final int KEPT_REJECTIONS = 1_000;

  /** Copies the lists. */
  public CampaignLaunch {
    campaigns = List.copyOf(Objects.requireNonNull(campaigns, "campaigns"));
    rejections = List.copyOf(Objects.requireNonNull(rejections, "rejections"));
  }

  /**
   * The ids of the campaigns, in wave order.
   *
   * @return the ids
   */
  public List<String> campaignIds() {
    return campaigns.stream().map(Campaign::id).toList();
  }
}
