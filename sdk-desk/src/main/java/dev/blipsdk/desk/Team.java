package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.util.Objects;

/**
 * A Desk team ({@code application/vnd.iris.desk.team+json}) with how many of its agents are online.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the team name
 * @param agentsOnline how many agents of the team are online now
 * @param raw the whole team document as Blip sent it
 */
public record Team(String name, int agentsOnline, JsonDocument raw) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   */
  public Team {
    Objects.requireNonNull(name, "name");
    raw = raw == null ? WriteBack.EMPTY : raw;
  }
}
