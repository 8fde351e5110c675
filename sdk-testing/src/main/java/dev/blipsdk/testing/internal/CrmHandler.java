package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Contacts (API doc §4): get, set (replace), merge (partial), delete, list with $filter, and comments. */
final class CrmHandler implements CommandHandler {
  static final String CONTACT = "application/vnd.lime.contact+json";
  static final String COMMENT = "application/vnd.iris.crm.comment+json";

  @Override
  public Set<String> extensions() {
    return Set.of("msging.net", "crm.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "contacts".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    LimeUri uri = ctx.uri;
    if (uri.size() == 1) {
      switch (ctx.method) {
        case "get":
          return list(ctx);
        case "set": {
          Map<String, Object> r = ctx.resourceMap();
          String identity = requireIdentity(r);
          // replace: fields not sent are deleted; identities ignore case, so drop a differently-cased twin
          bot.contacts.keySet().removeIf(k -> k.equalsIgnoreCase(identity));
          bot.contacts.put(identity, Json.copy(r));
          return CommandResult.empty();
        }
        case "merge": {
          Map<String, Object> r = ctx.resourceMap();
          String identity = requireIdentity(r);
          Map<String, Object> existing = find(bot, identity);
          if (existing == null) {
            bot.contacts.put(identity, Json.copy(r));
          } else {
            existing.putAll(Json.copy(r));
          }
          return CommandResult.empty();
        }
        default:
          throw CommandFailure.methodNotSupported();
      }
    }
    String identity = uri.decodedSegment(1);
    if (identity == null) {
      throw CommandFailure.notSupported();
    }
    if (uri.size() == 2) {
      switch (ctx.method) {
        case "get": {
          Map<String, Object> c = find(bot, identity);
          if (c == null) {
            throw CommandFailure.notFound();
          }
          return CommandResult.of(CONTACT, Json.copy(c));
        }
        case "delete": {
          bot.contacts.keySet().removeIf(k -> k.equalsIgnoreCase(identity));
          return CommandResult.empty();
        }
        default:
          throw CommandFailure.methodNotSupported();
      }
    }
    if ("comments".equalsIgnoreCase(uri.segment(2))) {
      return comments(ctx, identity);
    }
    throw CommandFailure.notSupported();
  }

  private static CommandResult comments(CommandContext ctx, String identity) throws CommandFailure {
    List<Map<String, Object>> list = ctx.bot.comments.computeIfAbsent(identity, k -> new ArrayList<>());
    if (ctx.uri.size() == 3 && ctx.is("get")) {
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page(COMMENT, copies(list), ctx.skip(), ctx.take(100, 100)));
    }
    if (ctx.uri.size() == 3 && ctx.is("set")) {
      String content = Json.str(ctx.resourceMap(), "content");
      if (content == null) {
        throw CommandFailure.invalidArgument("The comment content is required");
      }
      Map<String, Object> c = Json.obj("id", UUID.randomUUID().toString(), "storageDate", Times.iso(ctx.now),
          "content", content);
      list.add(c);
      return CommandResult.of(COMMENT, Json.copy(c));
    }
    if (ctx.uri.size() == 4 && ctx.is("delete")) {
      String id = ctx.uri.decodedSegment(3);
      if (!list.removeIf(c -> String.valueOf(c.get("id")).equals(id))) {
        throw CommandFailure.notFound();
      }
      return CommandResult.empty();
    }
    throw CommandFailure.notSupported();
  }

  private static List<Map<String, Object>> copies(List<Map<String, Object>> l) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : l) {
      out.add(Json.copy(m));
    }
    return out;
  }

  private static String requireIdentity(Map<String, Object> r) throws CommandFailure {
    String identity = Json.str(r, "identity");
    if (identity == null || identity.isBlank()) {
      throw CommandFailure.invalidArgument("The contact identity is required");
    }
    return identity;
  }

  static @Nullable Map<String, Object> find(BotState bot, String identity) {
    Map<String, Object> c = bot.contacts.get(identity);
    if (c != null) {
      return c;
    }
    for (Map.Entry<String, Map<String, Object>> e : bot.contacts.entrySet()) {
      if (e.getKey().equalsIgnoreCase(identity)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static CommandResult list(CommandContext ctx) throws CommandFailure {
    String filter = ctx.uri.param("$filter");
    int skip = ctx.skip();
    int take;
    if (filter != null && !filter.isBlank()) {
      take = ctx.take(100, 10000);
      if ((long) skip + take > 10000) {
        throw new CommandFailure(null, "The sum of skip and take parameters can not be greater than 10000");
      }
    } else {
      take = ctx.take(100, 30000);
    }
    if (take < 1) {
      throw new CommandFailure(null, "The take parameter must be greater than 0");
    }
    List<Map<String, Object>> all = new ArrayList<>();
    ODataFilter.Predicate p = filter == null || filter.isBlank() ? null : compile(filter);
    for (Map<String, Object> c : ctx.bot.contacts.values()) {
      if (p == null || p.test(field -> lookup(c, field))) {
        all.add(Json.copy(c));
      }
    }
    return CommandResult.of(CommandContext.COLLECTION, CommandContext.page(CONTACT, all, skip, take));
  }

  static ODataFilter.Predicate compile(String filter) throws CommandFailure {
    try {
      return ODataFilter.compile(filter);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.invalidArgument("Invalid filter: " + e.getMessage());
    }
  }

  /** Field names ignore case; {@code extras.plan} reaches into extras. */
  static @Nullable Object lookup(Map<String, Object> doc, String field) {
    Map<String, Object> cur = doc;
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      Object v = Json.getIgnoreCase(cur, parts[i]);
      if (i == parts.length - 1) {
        return v;
      }
      Map<String, Object> next = Json.map(v);
      if (next == null) {
        return null;
      }
      cur = next;
    }
    return null;
  }

  /** Creates or updates the contact of a customer who wrote in. */
  static void touch(BotState bot, String identity, java.time.Instant at) {
    Map<String, Object> c = find(bot, identity);
    if (c == null) {
      c = new LinkedHashMap<>();
      c.put("identity", identity);
      if (identity.endsWith("@wa.gw.msging.net")) {
        c.put("phoneNumber", "+" + identity.substring(0, identity.indexOf('@')));
        c.put("source", "WhatsApp");
      }
      bot.contacts.put(identity, c);
    }
    c.put("lastMessageDate", Times.iso(at));
  }
}
