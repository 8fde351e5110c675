package dev.blipsdk.core.envelope;

/** The status of a response command. */
public enum CommandStatus {
  /** The command succeeded. */
  SUCCESS,
  /** The command failed; the response carries a {@link Reason}. */
  FAILURE,
  /** The command is still being processed (LIME defines it; Blip's HTTP API rarely uses it). */
  PENDING,
  /** A status this SDK version does not know. */
  UNKNOWN;

  /**
   * Reads a wire value without regard to case.
   *
   * @param value the wire value
   * @return the status, or {@link #UNKNOWN}
   */
  public static CommandStatus fromWire(String value) {
    if ("success".equals(value)) {
      return SUCCESS; // what nearly every response says
    }
    for (CommandStatus s : values()) {
      if (s != UNKNOWN && s.name().equalsIgnoreCase(value)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
