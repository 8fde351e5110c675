package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.internal.Redaction;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The essentials of a Blip Desk ticket ({@code application/vnd.iris.ticket+json}) carried by a
 * {@link TicketEvent}, as core knows them (core does not depend on the Desk module). The whole ticket is in
 * {@link #raw()}; with {@code blip-sdk-desk} on the path, {@link TicketEvent#ticket(Class)} decodes it into the
 * Desk {@code Ticket} with every field Desk models. Decoded by the SDK's one reader
 * ({@link JsonDocument#decode(Class)}), so any record of the same shape reads the same way.
 *
 * <p>Immutable. {@link #toString()} masks the identities.
 *
 * @param id the ticket id (a UUID), or {@code null} when absent
 * @param sequentialId the per-bot ticket number, or {@code null}
 * @param status the status, {@link Status#UNKNOWN} for an absent or unknown one
 * @param rawStatus the status as on the wire, for example {@code "ClosedAttendant"}, or {@code null}
 * @param customerIdentity the customer, for example {@code 5531...@wa.gw.msging.net}, or {@code null}
 * @param agentIdentity the agent, for example {@code john%40email.net@blip.ai}, or {@code null}
 * @param team the queue, or {@code null}
 * @param raw the ticket JSON
 */
public record TicketSnapshot(@Nullable String id, @Nullable Long sequentialId, Status status,
    @Nullable String rawStatus, @Nullable String customerIdentity, @Nullable String agentIdentity, @Nullable String team,
    JsonDocument raw) {

  /** Checks that nothing is missing. */
  public TicketSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raw, "raw");
  }

  /** The status of a Desk ticket; JSON uses the PascalCase names ({@code ClosedAttendant}). */
  public enum Status {
    /** {@code None}. */
    NONE,
    /** {@code Waiting}: in a queue, no agent yet. */
    WAITING,
    /** {@code Open}: an agent is attending. */
    OPEN,
    /** {@code ClosedAttendant}: closed by the agent. */
    CLOSED_ATTENDANT,
    /** {@code ClosedClient}: closed by the customer. */
    CLOSED_CLIENT,
    /** {@code ClosedClientInactivity}: closed because the customer went quiet. */
    CLOSED_CLIENT_INACTIVITY,
    /** {@code Transferred}: moved to another queue or agent (a new ticket follows). */
    TRANSFERRED,
    /** {@code Assigned}: given to an agent who has not opened it. */
    ASSIGNED,
    /** Absent, or a status this SDK does not know; see {@link TicketSnapshot#rawStatus()}. */
    UNKNOWN;

    /**
     * Reads a wire value without regard to case or underscores.
     *
     * @param value the wire value, or {@code null}
     * @return the status, or {@link #UNKNOWN}
     */
    public static Status fromWire(@Nullable String value) {
      if (value == null) {
        return UNKNOWN;
      }
      String v = value.replace("_", "").strip();
      for (Status s : values()) {
        if (s != UNKNOWN && s.name().replace("_", "").equalsIgnoreCase(v)) {
          return s;
        }
      }
      return UNKNOWN;
    }

    /**
     * Whether the attendance has ended.
     *
     * @return true for the three closed statuses
     */
    public boolean isClosed() {
      return name().startsWith("CLOSED_");
    }

    /**
     * The wire value, in PascalCase.
     *
     * @return for example {@code "ClosedAttendant"}
     */
    public String wireValue() {
      StringBuilder sb = new StringBuilder();
      for (String part : name().split("_")) {
        sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
      return sb.toString();
    }
  }

  @Override
  public String toString() {
    return "TicketSnapshot{id=" + id + ", sequentialId=" + sequentialId + ", status=" + rawStatus
        + ", customer=" + Redaction.address(customerIdentity) + ", agent=" + Redaction.address(agentIdentity)
        + ", team=" + team + "}";
  }
}
