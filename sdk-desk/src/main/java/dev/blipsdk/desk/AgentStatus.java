package dev.blipsdk.desk;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Desk agent's status. Pause and Invisible both stop new tickets, but the agent keeps current chats.
 * Blip writes names ({@code "Online"}) and sometimes the numbers 0..3; both are read.
 */
public enum AgentStatus {
  /** {@code Offline} (0). */
  OFFLINE("Offline"),
  /** {@code Pause} (1): no new tickets. */
  PAUSE("Pause"),
  /** {@code Online} (2): receives tickets. */
  ONLINE("Online"),
  /** {@code Invisible} (3): no new tickets. */
  INVISIBLE("Invisible"),
  /** A value this SDK does not know. */
  UNKNOWN("Unknown");

  private final String wireValue;

  AgentStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * The value as Blip writes it.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Whether the agent receives new tickets now (only {@link #ONLINE}).
   *
   * @return true when online
   */
  public boolean receivesTickets() {
    return this == ONLINE;
  }

  /**
   * Reads a wire value: a name in any case, or the numbers 0..3.
   *
   * @param value the value, possibly null
   * @return the status, {@link #UNKNOWN} for null or an unknown value
   */
  public static AgentStatus fromWire(@Nullable String value) {
    if (value == null) {
      return UNKNOWN;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "0":
        return OFFLINE;
      case "1":
        return PAUSE;
      case "2":
        return ONLINE;
      case "3":
        return INVISIBLE;
      default:
        for (AgentStatus s : values()) {
          if (s != UNKNOWN && s.wireValue.toLowerCase(Locale.ROOT).equals(v)) {
            return s;
          }
        }
        return UNKNOWN;
    }
  }
}
