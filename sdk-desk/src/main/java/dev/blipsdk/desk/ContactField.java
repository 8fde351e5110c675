package dev.blipsdk.desk;

/** The contact fields a {@link ContactFilter} can test, with their wire names. */
public enum ContactField {
  /** {@code identity}. */
  IDENTITY("identity"),
  /** {@code name}. */
  NAME("name"),
  /** {@code firstName}. */
  FIRST_NAME("firstName"),
  /** {@code lastName}. */
  LAST_NAME("lastName"),
  /** {@code email}. */
  EMAIL("email"),
  /** {@code phoneNumber}. */
  PHONE_NUMBER("phoneNumber"),
  /** {@code cellPhoneNumber}. */
  CELL_PHONE_NUMBER("cellPhoneNumber"),
  /** {@code city}. */
  CITY("city"),
  /** {@code taxDocument} (the "document" of the Desk search). */
  TAX_DOCUMENT("taxDocument"),
  /** {@code gender}. */
  GENDER("gender"),
  /** {@code group}. */
  GROUP("group"),
  /** {@code source}. */
  SOURCE("source");

  private final String wireName;

  ContactField(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The field's name in {@code $filter}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }
}
