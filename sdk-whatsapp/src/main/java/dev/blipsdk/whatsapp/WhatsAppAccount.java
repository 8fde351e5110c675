package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the WhatsApp accounts lookup answers ({@code get lime://wa.gw.msging.net/accounts/+55...},
 * {@code application/vnd.lime.account+json}; Blip's docs, "WhatsApp" integration): the identity to send to and
 * the profile. Fields beyond these are in {@link #raw()}.
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks identities and prints no name or number.
 *
 * @param fullName the profile name, or null
 * @param alternativeAccount the identity to send to (not necessarily the number looked up), or null
 * @param identity the account's identity, or null
 * @param phoneNumber the number as Blip wrote it ({@code +5531988889999}), or null
 * @param source the channel ({@code WhatsApp}), or null
 * @param email the e-mail address, or null
 * @param photoUri the profile photo, or null
 * @param culture the culture ({@code pt-BR}), or null
 * @param timezone the time zone offset in hours, or null
 * @param extras free string values, never null
 * @param raw the whole account document as Blip sent it
 */
public record WhatsAppAccount(@Nullable String fullName, @Nullable Identity alternativeAccount,
    @Nullable Identity identity, @Nullable String phoneNumber, @Nullable String source, @Nullable String email,
    @Nullable String photoUri, @Nullable String culture, @Nullable Integer timezone,
    Map<String, @Nullable String> extras, JsonDocument raw) {

  /** Fills absent parts. */
  public WhatsAppAccount {
    extras = extras == null ? Map.of() : extras;
    raw = raw == null ? JsonDocument.parse("{}") : raw;
  }

  /**
   * The identity to send to: {@code alternativeAccount}, else {@code identity}.
   *
   * @return the identity, or null when the lookup returned neither
   */
  public @Nullable Identity sendTo() {
    return alternativeAccount != null ? alternativeAccount : identity;
  }

  /** Masks identities; prints no name or number. */
  @Override
  public String toString() {
    Identity to = sendTo();
    return "WhatsAppAccount{sendTo=" + (to == null ? "null" : CoreBridge.maskAddress(to.value())) + ", source=" + source
        + "}";
  }
}
