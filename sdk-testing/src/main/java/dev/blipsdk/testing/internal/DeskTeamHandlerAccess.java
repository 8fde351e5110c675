package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Seeding entry points for the public facade; call with the bot locked. */
public final class DeskTeamHandlerAccess {
  private DeskTeamHandlerAccess() {}

  public static Map<String, Object> putQueue(BotState bot, String name, Instant now) {
    return DeskTeamHandler.putQueue(bot, null, name, true, 0, now);
  }

  public static void putAgent(BotState bot, String identity, String status, List<String> teams) {
    String s = DeskTeamHandler.canonicalAgentStatus(status);
    if (s == null) {
      throw new IllegalArgumentException("agent status must be Online, Offline, Pause or Invisible: " + status);
    }
    try {
      DeskTeamHandler.putAgent(bot, Json.obj("identity", identity, "status", s, "teams", new java.util.ArrayList<>(teams)));
    } catch (CommandFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static @Nullable String readContext(BotState bot, String identity, String name, Instant now) {
    boolean sensitive = bot.contextNamesCaseSensitive;
    Map<String, BotState.ContextVar> vars = bot.contexts.get(identity.toLowerCase(java.util.Locale.ROOT));
    if (vars == null) {
      return null;
    }
    BotState.ContextVar v = vars.get(sensitive ? name : name.toLowerCase(java.util.Locale.ROOT));
    if (v == null || (v.expiresAt() != null && !v.expiresAt().isAfter(now))) {
      return null;
    }
    return String.valueOf(v.value());
  }
}
