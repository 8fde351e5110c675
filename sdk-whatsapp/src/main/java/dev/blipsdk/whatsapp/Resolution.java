package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the accounts lookup said about a phone number: {@link Found} (the WhatsApp identity to send to)
 * or {@link NotOnWhatsApp}. Transport failures are not resolutions: they are thrown as
 * {@link dev.blipsdk.core.exception.BlipException}s.
 *
 * <pre>{@code
 * switch (whatsApp.resolve(PhoneNumber.parse("+5531999998888"))) {
 *   case Resolution.Found found -> send(found.account());
 *   case Resolution.NotOnWhatsApp no -> markContact(no.reason());
 * }
 * }</pre>
 */
public sealed interface Resolution {

  /**
   * The number that was looked up.
   *
   * @return the number
   */
  PhoneNumber phoneNumber();

  /**
   * Whether the number has a WhatsApp account.
   *
   * @return true for {@link Found}
   */
  default boolean isFound() {
    return this instanceof Found;
  }

  /**
   * The number is on WhatsApp.
   *
   * @param phoneNumber the number looked up
   * @param account the identity to send to ({@code alternativeAccount}), which is not necessarily the
   *     number itself (Brazil's ninth digit, for example)
   * @param fullName the profile name, or {@code null}
   * @param details the whole account the lookup answered, every field of it (an account with only these
   *     parts when the resolution was not read from a lookup)
   */
  record Found(PhoneNumber phoneNumber, Identity account, @Nullable String fullName, WhatsAppAccount details)
      implements Resolution {
    /** Checks the parts. */
    public Found {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
      Objects.requireNonNull(account, "account");
      if (details == null) {
        details = new WhatsAppAccount(fullName, account, null, phoneNumber.e164(), null, null, null, null, null,
            null, null);
      }
    }

    /**
     * A resolution not read from a lookup: the details hold only these parts.
     *
     * @param phoneNumber the number looked up
     * @param account the identity to send to
     * @param fullName the profile name, or {@code null}
     */
    public Found(PhoneNumber phoneNumber, Identity account, @Nullable String fullName) {
      this(phoneNumber, account, fullName, null);
    }

    /**
     * The account document as Blip sent it.
     *
     * @return the raw document
     */
    public JsonDocument raw() {
      return details.raw();
    }

    /** Masks the number, the identity and the name. */
    @Override
    public String toString() {
      return "Found{phoneNumber=" + phoneNumber + ", account=" + CoreBridge.maskAddress(account.value())
          + ", fullName=" + (fullName == null ? "null" : "***") + "}";
    }
  }

  /**
   * The number has no WhatsApp account (or the lookup refused it as not a phone number).
   *
   * @param phoneNumber the number looked up
   * @param reason what Blip said
   */
  record NotOnWhatsApp(PhoneNumber phoneNumber, Reason reason) implements Resolution {
    /** Checks the parts. */
    public NotOnWhatsApp {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
