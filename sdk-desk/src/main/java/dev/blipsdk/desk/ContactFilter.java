package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.desk.internal.OData;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact search ({@code $filter} of {@code get /contacts}), built and escaped by the SDK: values are
 * written as OData string literals (a quote is doubled, so {@code O'Brien} is sent as
 * {@code 'O''Brien'}) and the whole filter is percent-encoded inside the command uri.
 *
 * <pre>{@code
 * ContactFilter f = ContactFilter.byName("Ana")                  // (startswith(name,'Ana'))
 *     .and(ContactFilter.equalTo(ContactField.CITY, "Recife"));   // and (city eq 'Recife')
 * for (Contact c : desk.contacts().search(f)) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the values searched for.
 */
public final class ContactFilter {
  private final String odata;

  private ContactFilter(String odata) {
    this.odata = odata;
  }

  /**
   * Contacts whose field starts with a prefix: {@code startswith(field,'prefix')}.
   *
   * @param field the field
   * @param prefix the prefix, not blank
   * @return the filter
   * @throws BlipValidationException if the prefix is blank
   */
  public static ContactFilter startsWith(ContactField field, String prefix) {
    return new ContactFilter("(startswith(" + wire(field) + "," + literal(field, prefix) + "))");
  }

  /**
   * Contacts whose field equals a value: {@code field eq 'value'}.
   *
   * @param field the field
   * @param value the value, not blank
   * @return the filter
   * @throws BlipValidationException if the value is blank
   */
  public static ContactFilter equalTo(ContactField field, String value) {
    return new ContactFilter("(" + wire(field) + " eq " + literal(field, value) + ")");
  }

  /**
   * Contacts whose field differs from a value: {@code field ne 'value'}.
   *
   * @param field the field
   * @param value the value, not blank
   * @return the filter
   * @throws BlipValidationException if the value is blank
   */
  public static ContactFilter notEqualTo(ContactField field, String value) {
    return new ContactFilter("(" + wire(field) + " ne " + literal(field, value) + ")");
  }

  /**
   * Contacts whose field contains a text: {@code substringof('text',field)}. Blip documents this form as
   * slow; prefer {@link #startsWith} when you can.
   *
   * @param field the field
   * @param text the text, not blank
   * @return the filter
   * @throws BlipValidationException if the text is blank
   */
  public static ContactFilter contains(ContactField field, String text) {
    return new ContactFilter("(substringof(" + literal(field, text) + "," + wire(field) + "))");
  }

  /**
   * Contacts that last wrote at or after an instant: {@code lastmessagedate ge datetimeoffset'...'}.
   *
   * @param instant the instant
   * @return the filter
   */
  public static ContactFilter lastMessageOnOrAfter(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new ContactFilter("(lastmessagedate ge " + OData.dateTime(instant) + ")");
  }

  /**
   * Contacts that last wrote at or before an instant: {@code lastmessagedate le datetimeoffset'...'}.
   *
   * @param instant the instant
   * @return the filter
   */
  public static ContactFilter lastMessageOnOrBefore(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new ContactFilter("(lastmessagedate le " + OData.dateTime(instant) + ")");
  }

  /**
   * The Desk search by name: names starting with the text.
   *
   * @param namePrefix the start of the name
   * @return the filter
   */
  public static ContactFilter byName(String namePrefix) {
    return startsWith(ContactField.NAME, namePrefix);
  }

  /**
   * The Desk search by phone: phone numbers that contain the digits given (formatting such as {@code +},
   * spaces, dashes and parentheses is ignored, so {@code +55 (31) 99999-8888} finds
   * {@code +5531999998888}).
   *
   * @param phone the phone number or part of it, with at least one digit
   * @return the filter
   * @throws BlipValidationException if the text has no digit
   */
  public static ContactFilter byPhone(String phone) {
    Objects.requireNonNull(phone, "phone");
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.isEmpty()) {
      throw new BlipValidationException("phone", "must contain digits",
          "a phone search needs at least one digit");
    }
    return contains(ContactField.PHONE_NUMBER, digits);
  }

  /**
   * The Desk search by e-mail: the exact address.
   *
   * @param email the e-mail address
   * @return the filter
   */
  public static ContactFilter byEmail(String email) {
    return equalTo(ContactField.EMAIL, email);
  }

  /**
   * The search by city: the exact city name.
   *
   * @param city the city
   * @return the filter
   */
  public static ContactFilter byCity(String city) {
    return equalTo(ContactField.CITY, city);
  }

  /**
   * The search by document: the exact tax document ({@code taxDocument}).
   *
   * @param document the document number as stored
   * @return the filter
   */
  public static ContactFilter byDocument(String document) {
    return equalTo(ContactField.TAX_DOCUMENT, document);
  }

  /**
   * The search by identity: the exact identity.
   *
   * @param identity the identity
   * @return the filter
   */
  public static ContactFilter byIdentity(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    return equalTo(ContactField.IDENTITY, identity.value());
  }

  /**
   * Both this filter and another.
   *
   * @param other the other filter
   * @return the combined filter
   */
  public ContactFilter and(ContactFilter other) {
    Objects.requireNonNull(other, "other");
    return new ContactFilter("(" + odata + " and " + other.odata + ")");
  }

  /**
   * This filter or another.
   *
   * @param other the other filter
   * @return the combined filter
   */
  public ContactFilter or(ContactFilter other) {
    Objects.requireNonNull(other, "other");
    return new ContactFilter("(" + odata + " or " + other.odata + ")");
  }

  /**
   * The OData text, before percent-encoding, for example {@code (startswith(name,'O''Brien'))}.
   *
   * @return the filter text
   */
  public String toOData() {
    return odata;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof ContactFilter f && f.odata.equals(odata);
  }

  @Override
  public int hashCode() {
    return odata.hashCode();
  }

  /** The filter with its values masked. */
  @Override
  public String toString() {
    return "ContactFilter" + CoreBridge.maskUri(odata);
  }

  private static String wire(ContactField field) {
    return Objects.requireNonNull(field, "field").wireName();
  }

  private static String literal(ContactField field, String value) {
    Objects.requireNonNull(value, field.wireName());
    if (value.isBlank()) {
      throw new BlipValidationException(field.wireName(), "must not be blank",
          "the value searched for in " + field.wireName() + " must not be blank");
    }
    return OData.string(value);
  }
}
