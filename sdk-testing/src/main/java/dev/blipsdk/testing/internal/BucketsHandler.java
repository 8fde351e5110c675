package dev.blipsdk.testing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Buckets (API doc §8.2, CONFIRMED): {@code set /buckets/{id}[?expiration=ms]} with any type, {@code get /buckets/{id}}
 * (the stored type and document; 67 when missing or expired), {@code get /buckets} (the keys, {@code text/plain}
 * items) and {@code delete /buckets/{id}}. Expiry runs on the fake's clock. The id is decoded once.
 */
final class BucketsHandler implements CommandHandler {
  @Override
  public Set<String> extensions() {
    return Set.of("msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "buckets".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    expire(bot, ctx.now);
    if (ctx.uri.size() == 1) {
      if (!ctx.is("get")) {
        throw CommandFailure.methodNotSupported();
      }
      List<String> keys = new ArrayList<>(bot.buckets.keySet());
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page("text/plain", keys, ctx.skip(), ctx.take(100, 100)));
    }
    String id = String.join("/", ctx.uri.segments().subList(1, ctx.uri.size()));
    id = LimeUri.decode(id);
    switch (ctx.method) {
      case "set": {
        Instant expiresAt = null;
        String expiration = ctx.uri.param("expiration");
        if (expiration != null) {
          long ms;
          try {
            ms = Long.parseLong(expiration.trim());
          } catch (NumberFormatException e) {
            throw CommandFailure.invalidArgument("The expiration parameter is invalid");
          }
          if (ms <= 0) {
            throw CommandFailure.invalidArgument("The expiration parameter must be positive");
          }
          expiresAt = ctx.now.plus(Duration.ofMillis(ms));
        }
        if (ctx.resource == null) {
          throw CommandFailure.invalidArgument("The resource is required");
        }
        bot.buckets.put(id, new BotState.Bucket(ctx.type, Json.copy(ctx.resource), expiresAt));
        return CommandResult.empty();
      }
      case "get": {
        BotState.Bucket b = bot.buckets.get(id);
        if (b == null) {
          throw CommandFailure.notFound();
        }
        return CommandResult.of(b.type() == null ? "application/json" : b.type(), Json.copy(b.resource()));
      }
      case "delete":
        bot.buckets.remove(id);
        return CommandResult.empty();
      default:
        throw CommandFailure.methodNotSupported();
    }
  }

  /** Drops the expired documents. Call with the bot locked. */
  static void expire(BotState bot, Instant now) {
    for (Iterator<Map.Entry<String, BotState.Bucket>> it = bot.buckets.entrySet().iterator(); it.hasNext(); ) {
      Instant at = it.next().getValue().expiresAt();
      if (at != null && !now.isBefore(at)) {
        it.remove();
      }
    }
  }
}
