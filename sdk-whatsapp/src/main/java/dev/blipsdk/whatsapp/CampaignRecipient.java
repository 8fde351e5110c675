package dev.blipsdk.whatsapp;

import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a campaign: a phone number and its variables. Built from messy data on purpose: the number is
 * kept as given and a {@code null} variable is kept as an empty one, so that a bad row becomes a
 * {@link RecipientRejection} (with its position and the rule it breaks) instead of an exception in the middle of
 * your stream.
 *
 * <pre>{@code
 * CampaignRecipient.of("+5531999998888", "Ana", "08:30")           // body {{1}}, {{2}}
 * CampaignRecipient.of("+5531999998888", "Ana").withHeaderMedia("https://cdn.example.com/inv-4411.pdf")
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the number and never shows the variables.
 */
public final class CampaignRecipient {
  private final String phone;
  private final List<String> bodyValues;
  private final @Nullable String headerMediaUrl;
  private final @Nullable String headerText;

  private CampaignRecipient(String phone, List<String> bodyValues, @Nullable String headerMediaUrl,
      @Nullable String headerText) {
    this.phone = phone;
    this.bodyValues = bodyValues;
    this.headerMediaUrl = headerMediaUrl;
    this.headerText = headerText;
  }

  /**
   * A recipient by phone number (international form, {@code +} and country code), with the body variables in order.
   *
   * @param phone the number as your data holds it; checked when the campaign runs
   * @param bodyValues the body variables, {@code {{1}}} first
   * @return the recipient
   */
  public static CampaignRecipient of(@Nullable String phone, @Nullable String... bodyValues) {
    return of(phone, bodyValues == null ? List.of() : java.util.Arrays.asList(bodyValues));
  }

  /**
   * A recipient by phone number, with the body variables in order.
   *
   * @param phone the number as your data holds it; checked when the campaign runs
   * @param bodyValues the body variables, {@code {{1}}} first (a null value is kept as empty, and refused then)
   * @return the recipient
   */
  public static CampaignRecipient of(@Nullable String phone, List<@Nullable String> bodyValues) {
    Objects.requireNonNull(bodyValues, "bodyValues");
    List<String> values = new ArrayList<>(bodyValues.size());
    for (String v : bodyValues) {
      values.add(v == null ? "" : v);
    }
    return new CampaignRecipient(phone == null ? "" : phone, Collections.unmodifiableList(values), null, null);
  }

  /**
   * A recipient by a phone number already parsed.
   *
   * @param phone the number
   * @param bodyValues the body variables, {@code {{1}}} first
   * @return the recipient
   */
  public static CampaignRecipient of(PhoneNumber phone, List<@Nullable String> bodyValues) {
    return of(Objects.requireNonNull(phone, "phone").e164(), bodyValues);
  }

  /**
   * This recipient's own header media (an invoice PDF, a ticket image), replacing the request's.
   *
   * @param url the media URL
   * @return a new recipient
   */
  public CampaignRecipient withHeaderMedia(@Nullable String url) {
    return new CampaignRecipient(phone, bodyValues, url == null ? "" : url, null);
  }

  /**
   * This recipient's header text variable, replacing the request's.
   *
   * @param text the text
   * @return a new recipient
   */
  public CampaignRecipient withHeaderText(@Nullable String text) {
    return new CampaignRecipient(phone, bodyValues, null, text == null ? "" : text);
  }

  /** @return the phone number as given */
  public String phone() {
    return phone;
  }

  /** @return the body variables, {@code {{1}}} first */
  public List<String> bodyValues() {
    return bodyValues;
  }

  /** @return this recipient's header media URL, or null to use the request's */
  public @Nullable String headerMediaUrl() {
    return headerMediaUrl;
  }

  /** @return this recipient's header text, or null to use the request's */
  public @Nullable String headerText() {
    return headerText;
  }

  /** Masks the number; shows only how many variables there are. */
  @Override
  public String toString() {
    return "CampaignRecipient{phone=" + CoreBridge.maskDigits(phone) + ", bodyVariables=" + bodyValues.size()
        + (headerMediaUrl != null ? ", headerMedia" : "") + (headerText != null ? ", headerText" : "") + "}";
  }
}
