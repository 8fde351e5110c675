package dev.blipsdk.desk;

import dev.blipsdk.desk.internal.ContactRules;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A contact of the bot's CRM ({@code application/vnd.lime.contact+json}).
 *
 * <p>Fields the SDK does not model (for example {@code isPending}, {@code birthDate} or the WhatsApp keys of
 * newer tenants) are kept in {@link #raw()} as they came (JSON nulls and exact numbers included) and written
 * back by {@link Contacts#replace(Contact)}, so reading a contact, changing it with {@link #toBuilder()} and
 * replacing it loses nothing. Blank values stay blank: a {@code ""} is read and written back as {@code ""}.
 *
 * <pre>{@code
 * Contact c = Contact.builder(Identity.parse("5531999998888@wa.gw.msging.net"))
 *     .name("Ana Souza").email("ana@example.com").extra("plan", "Gold")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the identity and prints no personal data.
 *
 * @param identity the contact's identity, for example {@code 5531999998888@wa.gw.msging.net}
 * @param name the full name, or null
 * @param firstName the first name, or null
 * @param lastName the last name, or null
 * @param email the e-mail address, or null
 * @param phoneNumber the phone number, or null
 * @param cellPhoneNumber the mobile phone number, or null
 * @param address the postal address, or null
 * @param city the city, or null
 * @param taxDocument the tax document (CPF, for example), or null
 * @param gender the gender, or null
 * @param culture the culture, for example {@code pt-BR}, or null
 * @param timezone the time zone offset in hours, or null
 * @param photoUri the photo URI, or null
 * @param group the group (contacts in {@code testers} are left out of the events dashboard), or null
 * @param source the channel the contact came from, for example {@code WhatsApp}, or null
 * @param extras free string values (Blip accepts strings only, no nesting), never null
 * @param lastMessageDate when the contact last wrote, or null (read-only: set by the platform)
 * @param raw the whole contact as Blip sent it (an empty object for a contact built here); its members that
 *     no other component models are written back
 */
public record Contact(
    Identity identity,
    @Nullable String name,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String phoneNumber,
    @Nullable String cellPhoneNumber,
    @Nullable String address,
    @Nullable String city,
    @Nullable String taxDocument,
    @Nullable String gender,
    @Nullable String culture,
    @Nullable Integer timezone,
    @Nullable String photoUri,
    @Nullable String group,
    @Nullable String source,
    Map<String, String> extras,
    @Nullable Instant lastMessageDate,
    JsonDocument raw) {

  private static final Set<String> MODELLED = Set.of("identity", "name", "firstname", "lastname", "email",
      "phonenumber", "cellphonenumber", "address", "city", "taxdocument", "gender", "culture", "timezone",
      "photouri", "group", "source", "extras", "lastmessagedate");

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if identity is null
   */
  public Contact {
    Objects.requireNonNull(identity, "identity");
    extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /**
   * A builder for a new contact.
   *
   * @param identity the contact's identity
   * @return the builder
   */
  public static Builder builder(Identity identity) {
    return new Builder(Objects.requireNonNull(identity, "identity"));
  }

  /**
   * A builder that starts from this contact (including {@link #raw()}, so the fields this SDK does not model
   * are written back).
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(identity);
    b.name = name;
    b.firstName = firstName;
    b.lastName = lastName;
    b.email = email;
    b.phoneNumber = phoneNumber;
    b.cellPhoneNumber = cellPhoneNumber;
    b.address = address;
    b.city = city;
    b.taxDocument = taxDocument;
    b.gender = gender;
    b.culture = culture;
    b.timezone = timezone;
    b.photoUri = photoUri;
    b.group = group;
    b.source = source;
    b.extras.putAll(extras);
    b.lastMessageDate = lastMessageDate;
    b.raw = raw;
    return b;
  }

  /** The whole contact as the wire resource of {@code set /contacts} (read-only fields left out). */
  Map<String, Object> toWire() {
    Map<String, Object> m = WriteBack.unmodelled(raw, MODELLED);
    m.put("identity", identity.value());
    put(m, "name", name);
    put(m, "firstName", firstName);
    put(m, "lastName", lastName);
    put(m, "email", email);
    put(m, "phoneNumber", phoneNumber);
    put(m, "cellPhoneNumber", cellPhoneNumber);
    put(m, "address", address);
    put(m, "city", city);
    put(m, "taxDocument", taxDocument);
    put(m, "gender", gender);
    put(m, "culture", culture);
    put(m, "timezone", timezone);
    put(m, "photoUri", photoUri);
    put(m, "group", group);
    put(m, "source", source);
    if (!extras.isEmpty()) {
      m.put("extras", extras);
    }
    return m;
  }

  private static void put(Map<String, Object> m, String key, @Nullable Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /** Masks the identity; prints which fields are set, never their values. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Contact{identity=").append(identity);
    Map<String, Object> wire = toWire();
    wire.remove("identity");
    return sb.append(", fields=").append(wire.keySet()).append('}').toString();
  }

  /** Builds a {@link Contact}. Not thread-safe. */
  public static final class Builder {
    private final Identity identity;
    private @Nullable String name;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String email;
    private @Nullable String phoneNumber;
    private @Nullable String cellPhoneNumber;
    private @Nullable String address;
    private @Nullable String city;
    private @Nullable String taxDocument;
    private @Nullable String gender;
    private @Nullable String culture;
    private @Nullable Integer timezone;
    private @Nullable String photoUri;
    private @Nullable String group;
    private @Nullable String source;
    private final Map<String, String> extras = new LinkedHashMap<>();
    private @Nullable Instant lastMessageDate;
    private JsonDocument raw = WriteBack.EMPTY;

    private Builder(Identity identity) {
      this.identity = identity;
    }

    /**
     * Sets the full name.
     *
     * @param value the name, or null to leave it out
     * @return this builder
     */
    public Builder name(@Nullable String value) {
      this.name = value;
      return this;
    }

    /**
     * Sets the first name.
     *
     * @param value the first name, or null
     * @return this builder
     */
    public Builder firstName(@Nullable String value) {
      this.firstName = value;
      return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the last name, or null
     * @return this builder
     */
    public Builder lastName(@Nullable String value) {
      this.lastName = value;
      return this;
    }

    /**
     * Sets the e-mail address.
     *
     * @param value the address, or null
     * @return this builder
     * @throws dev.blipsdk.core.exception.BlipValidationException if it is not an e-mail address
     */
    public Builder email(@Nullable String value) {
      this.email = ContactRules.email(value);
      return this;
    }

    /**
     * Sets the phone number.
     *
     * @param value the number, or null
     * @return this builder
     */
    public Builder phoneNumber(@Nullable String value) {
      this.phoneNumber = value;
      return this;
    }

    /**
     * Sets the mobile phone number.
     *
     * @param value the number, or null
     * @return this builder
     */
    public Builder cellPhoneNumber(@Nullable String value) {
      this.cellPhoneNumber = value;
      return this;
    }

    /**
     * Sets the postal address.
     *
     * @param value the address, or null
     * @return this builder
     */
    public Builder address(@Nullable String value) {
      this.address = value;
      return this;
    }

    /**
     * Sets the city.
     *
     * @param value the city, or null
     * @return this builder
     */
    public Builder city(@Nullable String value) {
      this.city = value;
      return this;
    }

    /**
     * Sets the tax document (CPF, CNPJ...).
     *
     * @param value the document, or null
     * @return this builder
     */
    public Builder taxDocument(@Nullable String value) {
      this.taxDocument = value;
      return this;
    }

    /**
     * Sets the gender.
     *
     * @param value the gender, or null
     * @return this builder
     */
    public Builder gender(@Nullable String value) {
      this.gender = value;
      return this;
    }

    /**
     * Sets the culture, for example {@code pt-BR}.
     *
     * @param value the culture, or null
     * @return this builder
     */
    public Builder culture(@Nullable String value) {
      this.culture = value;
      return this;
    }

    /**
     * Sets the time zone offset in hours.
     *
     * @param value the offset, from -12 to +14, or null
     * @return this builder
     * @throws dev.blipsdk.core.exception.BlipValidationException if out of range
     */
    public Builder timezone(@Nullable Integer value) {
      this.timezone = ContactRules.timezone(value);
      return this;
    }

    /**
     * Sets the photo URI.
     *
     * @param value the URI, or null
     * @return this builder
     */
    public Builder photoUri(@Nullable String value) {
      this.photoUri = value;
      return this;
    }

    /**
     * Sets the group.
     *
     * @param value the group, or null
     * @return this builder
     */
    public Builder group(@Nullable String value) {
      this.group = value;
      return this;
    }

    /**
     * Sets the source channel name.
     *
     * @param value the source, or null
     * @return this builder
     */
    public Builder source(@Nullable String value) {
      this.source = value;
      return this;
    }

    /**
     * Sets one extra value.
     *
     * @param key the key
     * @param value the value (Blip keeps strings only)
     * @return this builder
     */
    public Builder extra(String key, String value) {
      Objects.requireNonNull(key, "extra key");
      Objects.requireNonNull(value, "value of extra " + key);
      extras.put(key, value);
      return this;
    }

    /**
     * Removes one extra value.
     *
     * @param key the key
     * @return this builder
     */
    public Builder removeExtra(String key) {
      extras.remove(key);
      return this;
    }

    /**
     * Replaces all extras.
     *
     * @param values the extras
     * @return this builder
     */
    public Builder extras(Map<String, String> values) {
      Objects.requireNonNull(values, "extras");
      extras.clear();
      values.forEach(this::extra);
      return this;
    }

    /**
     * Builds the contact.
     *
     * @return the contact
     */
    public Contact build() {
      return new Contact(identity, name, firstName, lastName, email, phoneNumber, cellPhoneNumber, address,
          city, taxDocument, gender, culture, timezone, photoUri, group, source, extras, lastMessageDate,
          raw);
    }
  }
}
