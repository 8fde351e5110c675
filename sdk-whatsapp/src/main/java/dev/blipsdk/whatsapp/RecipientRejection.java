package dev.blipsdk.whatsapp;

import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.util.Objects;

/**
 * A recipient left out of a campaign before anything was dispatched, and why. The rest of the audience goes on.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the number.
 *
 * @param position the recipient's position in the audience given, from 0
 * @param phone the number as given
 * @param field what is wrong ({@code recipient}, {@code body.{{2}}}, {@code header.image}...)
 * @param rule the rule broken ({@code too-short}, {@code duplicate-recipient}, {@code variable-count},
 *     {@code max-length}, {@code whitespace}...)
 * @param message the explanation (never a variable's value)
 */
public record RecipientRejection(long position, String phone, String field, String rule, String message) {

  /** Checks the parts. */
  public RecipientRejection {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** Masks the number. */
  @Override
  public String toString() {
    return "RecipientRejection{position=" + position + ", phone=" + CoreBridge.maskDigits(phone) + ", field=" + field
        + ", rule=" + rule + ", message=" + CoreBridge.maskDigits(message) + "}";
  }
}
