package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Context variables (API doc §5.7): {@code /contexts/{identity}/{name}} set/get/delete ({@code Master-State} and
 * friends), {@code ?expiration=} in milliseconds, and {@code get /contexts/{identity}} listing the names. Names
 * ignore case unless configured otherwise (UNCONFIRMED item 9).
 */
final class ContextsHandler implements CommandHandler {
  @Override
  public Set<String> extensions() {
    return Set.of("msging.net", "crm.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "contexts".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    String identity = ctx.uri.decodedSegment(1);
    if (identity == null || ctx.uri.size() > 3) {
      throw CommandFailure.notSupported();
    }
    Map<String, BotState.ContextVar> vars = ctx.bot.contexts.computeIfAbsent(identity.toLowerCase(Locale.ROOT),
        k -> new LinkedHashMap<>());
    vars.values().removeIf(v -> v.expiresAt() != null && !v.expiresAt().isAfter(ctx.now));
    if (ctx.uri.size() == 2) {
      if (!ctx.is("get")) {
        throw CommandFailure.methodNotSupported();
      }
      List<String> names = new ArrayList<>();
      for (BotState.ContextVar v : vars.values()) {
        names.add(v.name());
      }
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page("text/plain", names, ctx.skip(), ctx.take(100, 100)));
    }
    String name = LimeUri.decode(ctx.uri.segment(2) == null ? "" : ctx.uri.segment(2));
    String key = key(ctx.config, name);
    switch (ctx.method) {
      case "set": {
        if (ctx.resource == null) {
          throw CommandFailure.invalidArgument("The context value is required");
        }
        Instant expires = null;
        String exp = ctx.uri.param("expiration");
        if (exp != null) {
          try {
            expires = ctx.now.plusMillis(Long.parseLong(exp.trim()));
          } catch (NumberFormatException e) {
            throw CommandFailure.invalidArgument("The expiration parameter is invalid");
          }
        }
        vars.put(key, new BotState.ContextVar(name, ctx.type, Json.copy(ctx.resource), expires));
        return CommandResult.empty();
      }
      case "get": {
        BotState.ContextVar v = vars.get(key);
        if (v == null) {
          throw CommandFailure.notFound();
        }
        return CommandResult.of(v.type() == null ? "text/plain" : v.type(), Json.copy(v.value()));
      }
      case "delete":
        if (vars.remove(key) == null) {
          throw CommandFailure.notFound();
        }
        return CommandResult.empty();
      default:
        throw CommandFailure.methodNotSupported();
    }
  }

  static String key(ServerConfig config, String name) {
    return config.contextNamesCaseSensitive() ? name : name.toLowerCase(Locale.ROOT);
  }

  /** Reads a context value as text, or null. */
  static @Nullable String read(BotState bot, ServerConfig config, String identity, String name, Instant now) {
    Map<String, BotState.ContextVar> vars = bot.contexts.get(identity.toLowerCase(Locale.ROOT));
    if (vars == null) {
      return null;
    }
    BotState.ContextVar v = vars.get(key(config, name));
    if (v == null || (v.expiresAt() != null && !v.expiresAt().isAfter(now))) {
      return null;
    }
    return String.valueOf(v.value());
  }

  static void write(BotState bot, ServerConfig config, String identity, String name, String value) {
    bot.contexts.computeIfAbsent(identity.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
        .put(key(config, name), new BotState.ContextVar(name, "text/plain", value, null));
  }
}
