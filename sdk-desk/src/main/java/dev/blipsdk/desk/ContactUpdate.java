package dev.blipsdk.desk;

import dev.blipsdk.desk.internal.ContactRules;
import dev.blipsdk.core.envelope.Identity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partial update of a contact ({@code merge /contacts}): only the fields set here are sent, and only
 * they change on the server; every other field keeps its value. Compare {@link Contacts#replace(Contact)},
 * which deletes the fields it does not send.
 *
 * <pre>{@code
 * contacts.update(ContactUpdate.of(identity).email("ana@example.com").extra("plan", "Gold").build());
 * }</pre>
 *
 * <p>Extras: the keys set here are sent; whether Blip merges {@code extras} key by key or replaces the
 * whole object on {@code merge} is not documented, so send every extra you want to keep when in doubt.
 *
 * <p>Immutable and thread-safe; {@link #toString()} prints field names only.
 */
public final class ContactUpdate {
  private final Identity identity;
  private final Map<String, Object> fields;

  private ContactUpdate(Identity identity, Map<String, Object> fields) {
    this.identity = identity;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Starts an update of one contact.
   *
   * @param identity the contact's identity
   * @return the builder
   */
  public static Builder of(Identity identity) {
    return new Builder(Objects.requireNonNull(identity, "identity"));
  }

  /**
   * The contact to update.
   *
   * @return the identity
   */
  public Identity identity() {
    return identity;
  }

  /**
   * The fields that will be sent, by wire name.
   *
   * @return the unmodifiable fields
   */
  public Map<String, Object> fields() {
    return fields;
  }

  Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identity", identity.value());
    m.putAll(fields);
    return m;
  }

  @Override
  public String toString() {
    return "ContactUpdate{identity=" + identity + ", fields=" + fields.keySet() + "}";
  }

  /** Builds a {@link ContactUpdate}. Not thread-safe. */
  public static final class Builder {
    private final Identity identity;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> extras = new LinkedHashMap<>();

    private Builder(Identity identity) {
      this.identity = identity;
    }

    private Builder put(String key, Object value) {
      fields.put(key, Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * Changes the name.
     *
     * @param value the new name
     * @return this builder
     */
    public Builder name(String value) {
      return put("name", value);
    }

    /**
     * Changes the first name.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder firstName(String value) {
      return put("firstName", value);
    }

    /**
     * Changes the last name.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder lastName(String value) {
      return put("lastName", value);
    }

    /**
     * Changes the e-mail address.
     *
     * @param value the new value
     * @return this builder
     * @throws dev.blipsdk.core.exception.BlipValidationException if it is not an e-mail address
     */
    public Builder email(String value) {
      return put("email", ContactRules.email(java.util.Objects.requireNonNull(value, "email")));
    }

    /**
     * Changes the phone number.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder phoneNumber(String value) {
      return put("phoneNumber", value);
    }

    /**
     * Changes the mobile phone number.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder cellPhoneNumber(String value) {
      return put("cellPhoneNumber", value);
    }

    /**
     * Changes the address.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder address(String value) {
      return put("address", value);
    }

    /**
     * Changes the city.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder city(String value) {
      return put("city", value);
    }

    /**
     * Changes the tax document.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder taxDocument(String value) {
      return put("taxDocument", value);
    }

    /**
     * Changes the gender.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder gender(String value) {
      return put("gender", value);
    }

    /**
     * Changes the culture.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder culture(String value) {
      return put("culture", value);
    }

    /**
     * Changes the time zone offset.
     *
     * @param hours the offset in hours, from -12 to +14
     * @return this builder
     * @throws dev.blipsdk.core.exception.BlipValidationException if out of range
     */
    public Builder timezone(int hours) {
      return put("timezone", ContactRules.timezone(hours));
    }

    /**
     * Changes the photo URI.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder photoUri(String value) {
      return put("photoUri", value);
    }

    /**
     * Changes the group.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder group(String value) {
      return put("group", value);
    }

    /**
     * Sets one extra value.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder extra(String key, String value) {
      Objects.requireNonNull(key, "extra key");
      extras.put(key, Objects.requireNonNull(value, "value of extra " + key));
      return this;
    }

    /**
     * Builds the update.
     *
     * @return the update
     * @throws IllegalArgumentException if no field was set
     */
    public ContactUpdate build() {
      Map<String, Object> all = new LinkedHashMap<>(fields);
      if (!extras.isEmpty()) {
        all.put("extras", Collections.unmodifiableMap(new LinkedHashMap<>(extras)));
      }
      if (all.isEmpty()) {
        throw new IllegalArgumentException("a contact update must change at least one field");
      }
      return new ContactUpdate(identity, all);
    }
  }
}
