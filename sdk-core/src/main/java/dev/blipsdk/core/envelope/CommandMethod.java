package dev.blipsdk.core.envelope;

import java.util.Locale;

/** The method of a LIME command. Wire values are lower case ({@code "get"}). */
public enum CommandMethod {
  /** Reads a resource. Safe to retry. */
  GET,
  /** Creates or replaces a resource. */
  SET,
  /** Partially updates a resource: only the fields sent change. */
  MERGE,
  /** Deletes a resource. */
  DELETE,
  /** Subscribes to a resource. */
  SUBSCRIBE,
  /** Unsubscribes from a resource. */
  UNSUBSCRIBE,
  /** One-way notice of a resource change; has no id and no response. */
  OBSERVE,
  /** A method this SDK version does not know. */
  UNKNOWN;

  /**
   * The wire value.
   *
   * @return the lower-case method name
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire value without regard to case.
   *
   * @param value the wire value
   * @return the method, or {@link #UNKNOWN}
   */
  public static CommandMethod fromWire(String value) {
    for (CommandMethod m : values()) {
      if (m != UNKNOWN && m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    return UNKNOWN;
  }
}
