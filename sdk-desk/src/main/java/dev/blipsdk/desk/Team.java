package dev.blipsdk.desk;

import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.desk.internal.WireObject;
import java.util.Objects;

/**
 * A Desk team ({@code application/vnd.iris.desk.team+json}) with how many of its agents are online.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the team name
 * @param agentsOnline how many agents of the team are online now
 */
public record Team(String name, int agentsOnline) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the name is null
   */
  public Team {
    Objects.requireNonNull(name, "name");
  }

  static Team fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "team");
    String name = o.str("name");
    if (name == null) {
      throw new BlipProtocolException("team without name");
    }
    return new Team(name, o.integer("agentsOnline", 0));
  }
}
