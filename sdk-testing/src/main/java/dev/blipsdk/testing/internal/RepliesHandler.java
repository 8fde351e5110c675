package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Desk ready ("custom") replies (API doc §5.9, Blip's docs {@code extensions/desk.md}): {@code get /replies} (one item
 * per category: {@code {id, category, isDynamicContent}}), {@code get /replies/{categoryId}} (the category's items),
 * {@code set /replies/{categoryId}} with a collection (creates or replaces) and {@code delete /replies/{categoryId}}.
 */
final class RepliesHandler implements CommandHandler {
  static final String TYPE = "application/vnd.iris.desk.custom-reply+json";

  @Override
  public Set<String> extensions() {
    return Set.of("desk.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "replies".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    if (ctx.uri.size() == 1 && ctx.is("get")) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (BotState.ReplyCategory c : bot.replyCategories.values()) {
        out.add(Json.obj("id", c.id(), "category", c.name(), "isDynamicContent", false));
      }
      if ("true".equalsIgnoreCase(ctx.uri.param("$ascending"))) {
        out.sort((a, b) -> String.valueOf(a.get("category")).compareToIgnoreCase(String.valueOf(b.get("category"))));
      }
      return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(TYPE, out, ctx.skip(), ctx.take(100, 100)));
    }
    if (ctx.uri.size() != 2) {
      throw CommandFailure.notSupported();
    }
    String id = ctx.uri.decodedSegment(1);
    switch (ctx.method) {
      case "get": {
        BotState.ReplyCategory c = bot.replyCategories.get(id);
        if (c == null) {
          throw CommandFailure.notFound();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> i : c.items()) {
          items.add(Json.copy(i));
        }
        return CommandResult.of(CommandContext.COLLECTION, Json.collection(TYPE, items, items.size()));
      }
      case "set": {
        Map<String, Object> r = ctx.resourceMap();
        List<Map<String, Object>> items = new ArrayList<>();
        String name = null;
        for (Object o : Json.list(r.get("items"))) {
          Map<String, Object> item = Json.map(o);
          if (item == null) {
            throw CommandFailure.invalidArgument("every item must be a custom reply");
          }
          Map<String, Object> copy = new LinkedHashMap<>(Json.copy(item));
          copy.putIfAbsent("id", UUID.randomUUID().toString());
          String category = Json.str(copy, "category");
          if (category == null || category.isBlank()) {
            throw CommandFailure.invalidArgument("category is required");
          }
          name = name == null ? category : name;
          items.add(copy);
        }
        if (name == null) {
          BotState.ReplyCategory old = bot.replyCategories.get(id);
          name = old == null ? id : old.name();
        }
        bot.replyCategories.put(id, new BotState.ReplyCategory(id, name, items));
        return CommandResult.empty();
      }
      case "delete":
        if (bot.replyCategories.remove(id) == null) {
          throw CommandFailure.notFound();
        }
        return CommandResult.empty();
      default:
        throw CommandFailure.methodNotSupported();
    }
  }
}
