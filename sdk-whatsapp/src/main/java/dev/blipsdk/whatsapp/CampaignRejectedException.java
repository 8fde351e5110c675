package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipCommandException;
import java.util.Locale;

/**
 * Blip refused to create or dispatch a campaign ({@code status: failure}). Nothing of the campaign is left behind:
 * a launch deletes what it had created. {@link #rule()} names the rule when the reason's text makes it clear:
 * {@code duplicate-name}, {@code template}, {@code schedule}, otherwise {@code rejected}. Blip's reason codes for
 * campaigns are UNCONFIRMED (API doc §3.6), so the rule is read from the description and the reason is kept whole.
 */
public class CampaignRejectedException extends BlipCommandException {
  private static final long serialVersionUID = 1L;
  private final String rule;

  /**
   * Wraps the command failure (kept as a suppressed exception).
   *
   * @param cause the failure Blip answered
   */
  public CampaignRejectedException(BlipCommandException cause) {
    super(cause.reason(), cause.commandId(), cause.method(), cause.uri(), cause.attempts());
    addSuppressed(cause); // BlipException fixes its cause at construction; keep the original's trace this way
    this.rule = ruleOf(cause.description());
  }

  static String ruleOf(String description) {
    String d = description.toLowerCase(Locale.ROOT);
    if (d.contains("already exist") || d.contains("duplicat") || d.contains("já existe")) {
      return "duplicate-name";
    }
    if (d.contains("template")) {
      return "template";
    }
    if (d.contains("schedul")) {
      return "schedule";
    }
    return "rejected";
  }

  /**
   * The rule broken, as far as the reason tells.
   *
   * @return {@code duplicate-name}, {@code template}, {@code schedule} or {@code rejected}
   */
  public String rule() {
    return rule;
  }
}
