package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.util.Objects;

/**
 * Who a template goes to: a phone number (resolved through the accounts lookup before sending) or a
 * WhatsApp identity already known (from a contact, an earlier resolution or an inbound message).
 *
 * <pre>{@code
 * Recipient.of(PhoneNumber.parse("+5531999998888"));
 * Recipient.of(Identity.parse("5531999998888@wa.gw.msging.net"));
 * }</pre>
 */
public sealed interface Recipient {

  /**
   * A recipient given by phone number.
   *
   * @param phoneNumber the number
   * @return the recipient
   */
  static Recipient of(PhoneNumber phoneNumber) {
    return new Phone(phoneNumber);
  }

  /**
   * A recipient given by identity, for example a contact's {@code 5531999998888@wa.gw.msging.net}.
   *
   * @param identity the identity to send to as is
   * @return the recipient
   */
  static Recipient of(Identity identity) {
    return new Account(identity);
  }

  /**
   * A phone number, resolved to its WhatsApp identity before sending.
   *
   * @param phoneNumber the number
   */
  record Phone(PhoneNumber phoneNumber) implements Recipient {
    /** Checks the number. */
    public Phone {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }
  }

  /**
   * An identity sent to as is (a contact's identity or an {@code alternativeAccount}).
   *
   * @param identity the identity
   */
  record Account(Identity identity) implements Recipient {
    /** Checks the identity. */
    public Account {
      Objects.requireNonNull(identity, "identity");
    }

    /** Masks the identity. */
    @Override
    public String toString() {
      return "Account{identity=" + CoreBridge.maskAddress(identity.value()) + "}";
    }
  }
}
