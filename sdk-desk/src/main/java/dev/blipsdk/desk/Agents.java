package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Desk agents ({@code /attendants}) and teams.
 *
 * <pre>{@code
 * Identity ana = Agents.identityOf("ana@acme.com");    // ana%40acme.com@blip.ai
 * desk.agents().add(ana, List.of("Sales"));
 * for (Agent a : desk.agents().list()) { ... }
 * desk.agents().remove(ana);                           // uri: /attendants/ana%2540acme.com@blip.ai
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Agents {
  /** The MIME type of an agent. */
  public static final String TYPE = "application/vnd.iris.desk.attendant+json";
  /** The MIME type of a status change. */
  public static final String STATUS_TYPE = "application/vnd.iris.desk.attendant-status-device+json";
  /** The domain of Desk agent identities. */
  public static final String AGENT_DOMAIN = "blip.ai";
  /** The page size used when iterating agents (Blip's default is 20). */
  public static final int PAGE_SIZE = 100;

  private final DeskCommands desk;

  Agents(DeskCommands desk) {
    this.desk = desk;
  }

  /**
   * The Desk identity of an agent from the e-mail address they log in with: {@code ana@acme.com} gives
   * {@code ana%40acme.com@blip.ai}.
   *
   * @param email the agent's e-mail address
   * @return the agent identity
   * @throws BlipValidationException if the text is not an e-mail address
   */
  public static Identity identityOf(String email) {
    Objects.requireNonNull(email, "email");
    int at = email.indexOf('@');
    if (at <= 0 || at == email.length() - 1 || email.indexOf('@', at + 1) >= 0 || email.contains(" ")) {
      throw new BlipValidationException("email", "must be an e-mail address",
          "an agent is named by the e-mail address they log in with, like ana@acme.com");
    }
    return Identity.of(email, AGENT_DOMAIN);
  }

  /**
   * All agents, fetched lazily.
   *
   * @return the agents
   */
  public PagedIterable<Agent> list() {
    return PagedIterable.of(this::fetch, PAGE_SIZE, Long.MAX_VALUE);
  }

  private Page<Agent> fetch(int skip, int take) {
    return fetch(skip, take, RequestOptions.none());
  }

  private Page<Agent> fetch(int skip, int take, RequestOptions options) {
    Pages.Agents page = desk.get(DeskOperations.AGENTS_LIST, CommandUri.path("/attendants").query("$skip", skip)
        .query("$take", take).build(), Pages.Agents.class, options);
    return new Page<>(page.items(), page.total(), skip, take);
  }

  /**
   * One agent, looked up in the list (Blip has no documented single-agent read).
   *
   * @param agent the agent identity
   * @return the agent or empty
   */
  public Optional<Agent> find(Identity agent) {
    Objects.requireNonNull(agent, "agent");
    return list().stream().filter(a -> a.identity().value().equalsIgnoreCase(agent.value())).findFirst();
  }

  /**
   * An agent's current status.
   *
   * @param agent the agent identity
   * @return the status, or empty when the bot has no such agent
   */
  public Optional<AgentStatus> status(Identity agent) {
    return find(agent).map(Agent::status);
  }

  /** {@link #status(Identity)} within an operation's deadline: each page gets what is left of it. */
  Optional<AgentStatus> status(Identity agent, CoreBridge.Deadline deadline) {
    Objects.requireNonNull(agent, "agent");
    return PagedIterable.of((skip, take) -> fetch(skip, take, deadline.optionsFor("the agent's status")), PAGE_SIZE,
        Long.MAX_VALUE).stream().filter(a -> a.identity().value().equalsIgnoreCase(agent.value())).findFirst()
        .map(Agent::status);
  }

  /**
   * Adds an agent to the bot with their teams ({@code set /attendants}), or sets the teams of an existing
   * agent. A new user receives Blip's invitation e-mail.
   *
   * @param agent the agent identity ({@link #identityOf(String)})
   * @param teams the teams the agent serves, at least one
   */
  public void add(Identity agent, List<String> teams) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(teams, "teams");
    if (teams.isEmpty()) {
      throw new BlipValidationException("teams", "at least one", "an agent must serve at least one team");
    }
    for (int i = 0; i < teams.size(); i++) {
      Tickets.requireText("teams[" + i + "]", teams.get(i));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("identity", agent.value());
    r.put("teams", List.copyOf(teams));
    desk.setIdempotent(DeskOperations.AGENTS_SET, "/attendants", TYPE, r);
  }

  /**
   * Adds teams to an agent, keeping the teams they already serve. Blip has no command for that, so it
   * reads the agent's teams and writes them back with the new ones: not atomic, a change made to the same
   * agent's teams between the two commands is lost.
   *
   * @param agent the agent identity
   * @param teams the teams to add
   * @throws BlipValidationException if a team name is blank
   */
  public void addToTeams(Identity agent, List<String> teams) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(teams, "teams");
    for (int i = 0; i < teams.size(); i++) {
      Tickets.requireText("teams[" + i + "]", teams.get(i));
    }
    List<String> all = new ArrayList<>(find(agent).map(Agent::teams).orElse(List.of()));
    for (String t : teams) {
      if (all.stream().noneMatch(t::equalsIgnoreCase)) {
        all.add(t);
      }
    }
    add(agent, all);
  }

  /**
   * Removes an agent from the bot. The identity is double-encoded in the uri, as Blip requires:
   * {@code jonh%40email.com@blip.ai} is sent as {@code /attendants/jonh%2540email.com@blip.ai}.
   *
   * @param agent the agent identity
   */
  public void remove(Identity agent) {
    Objects.requireNonNull(agent, "agent");
    desk.delete(DeskOperations.AGENTS_DELETE, removeUri(agent));
  }

  static String removeUri(Identity agent) {
    // segment() percent-encodes '%' (and keeps '@'), which turns the single-encoded name into the
    // double-encoded form Blip expects
    return CommandUri.path("/attendants").segment(agent.value()).build();
  }

  /**
   * Changes an agent's status ({@code set /attendants/change-status}, resource
   * {@code {identity, status, device: "Web", customPauseReason}}). <b>UNCONFIRMED for bot keys</b>: this
   * is how the Desk app changes the status of the agent logged in; whether a bot key may call it (and
   * name the agent with {@code identity}) is not documented, and the server may refuse it with a
   * {@link dev.blipsdk.core.exception.BlipCommandException}.
   *
   * @param agent the agent
   * @param status the new status (not {@link AgentStatus#UNKNOWN})
   * @param customPauseReason a pause reason for {@link AgentStatus#PAUSE}, or null
   */
  public void changeStatus(Identity agent, AgentStatus status, @Nullable String customPauseReason) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    if (status == AgentStatus.UNKNOWN) {
      throw new BlipValidationException("status", "must be a real status", "cannot set an agent to UNKNOWN");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("identity", agent.value());
    r.put("status", status.wireValue());
    r.put("device", "Web");
    if (customPauseReason != null) {
      r.put("customPauseReason", customPauseReason);
    }
    desk.setIdempotent(DeskOperations.AGENTS_CHANGE_STATUS, "/attendants/change-status", STATUS_TYPE, r);
  }

  /**
   * The bot's teams with how many agents of each are online ({@code get /teams}).
   *
   * @return the teams
   */
  public List<Team> teams() {
    return teams(DeskOperations.TEAMS_LIST, "/teams");
  }

  /**
   * The teams that have agents online now ({@code get /teams/agents-online}).
   *
   * @return the teams with at least the online counts the server reports
   */
  public List<Team> teamsWithAgentsOnline() {
    return teams(DeskOperations.TEAMS_AGENTS_ONLINE, "/teams/agents-online");
  }

  private List<Team> teams(Operation operation, String uri) {
    return desk.get(operation, uri, Pages.Teams.class).items();
  }
}
