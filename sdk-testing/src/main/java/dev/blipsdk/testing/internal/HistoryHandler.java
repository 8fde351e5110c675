package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code get /notifications?id=} (kept 3 days), {@code get /notifications} (last 100), {@code get /threads/{identity}}
 * and {@code get /messages} (the bot's sent messages), on {@code postmaster@msging.net} (API doc §3.4).
 */
final class HistoryHandler implements CommandHandler {
  static final String NOTIFICATION = "application/vnd.lime.notification+json";
  static final String THREAD_MESSAGE = "application/vnd.iris.thread-message+json";

  @Override
  public Set<String> extensions() {
    return Set.of("msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "notifications".equalsIgnoreCase(s) || "threads".equalsIgnoreCase(s) || "messages".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    String family = ctx.uri.segment(0).toLowerCase(java.util.Locale.ROOT);
    BotState bot = ctx.bot;
    if (family.equals("notifications") && ctx.uri.size() == 1) {
      String id = ctx.uri.param("id");
      List<Map<String, Object>> out = new ArrayList<>();
      java.time.Instant oldest = ctx.now.minus(ctx.config.notificationRetention());
      if (id != null) {
        for (BotState.StoredNotification n : bot.notifications.about(id)) {
          if (!n.storedAt().isBefore(oldest)) {
            out.add(Json.copy(n.envelope()));
          }
        }
        out.addAll(ctx.pipeline.campaigns().notifications(bot, id, ctx.now));
      } else {
        for (java.util.Iterator<BotState.StoredNotification> it = bot.notifications.newestFirst(); it.hasNext(); ) {
          BotState.StoredNotification n = it.next();
          if (!n.storedAt().isBefore(oldest)) {
            out.add(Json.copy(n.envelope()));
          }
        }
      }
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page(NOTIFICATION, out, ctx.skip(), ctx.take(100, 100)));
    }
    if (family.equals("threads") && ctx.uri.size() == 1) {
      return CommandResult.of(CommandContext.COLLECTION, threads(ctx));
    }
    if (family.equals("threads") && ctx.uri.size() == 2) {
      String identity = ctx.uri.decodedSegment(1);
      List<Map<String, Object>> msgs = new ArrayList<>(bot.threads.getOrDefault(identity, List.of()));
      java.util.Collections.reverse(msgs);
      // the documented cursor: storageDate with direction (desc: older than it, asc: newer), newest first
      String cursor = ctx.uri.param("storageDate");
      java.time.Instant at = cursor == null || cursor.isBlank() ? null : instant(cursor);
      boolean asc = "asc".equalsIgnoreCase(ctx.uri.param("direction"));
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> m : msgs) {
        java.time.Instant date = instant(Json.str(m, "date"));
        if (at != null && date != null && (asc ? !date.isAfter(at) : !date.isBefore(at))) {
          continue;
        }
        out.add(Json.copy(m));
      }
      Map<String, Object> page = CommandContext.page(THREAD_MESSAGE, out, ctx.skip(), ctx.take(20, 100));
      page.remove("total");
      return CommandResult.of(CommandContext.COLLECTION, page);
    }
    if (family.equals("messages") && ctx.uri.size() == 1) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (BotState.SentMessage m : bot.messages.values()) {
        out.add(Json.copy(m.envelope.tree()));
      }
      java.util.Collections.reverse(out);
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page("application/vnd.lime.message+json", out, ctx.skip(), ctx.take(100, 100)));
    }
    throw CommandFailure.notSupported();
  }

  /**
   * {@code get /threads}: one item per conversation, {@code {ownerIdentity, identity, lastMessage, unreadMessages}},
   * the most recent conversation first (default 50, at most 100, {@code $skip}); {@code messageDate} keeps those whose
   * last message is at or after it.
   */
  private static Map<String, Object> threads(CommandContext ctx) throws CommandFailure {
    java.time.Instant since = null;
    String messageDate = ctx.uri.param("messageDate");
    if (messageDate != null && !messageDate.isBlank()) {
      since = instant(messageDate);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> e : ctx.bot.threads.entrySet()) {
      List<Map<String, Object>> msgs = e.getValue();
      if (msgs.isEmpty()) {
        continue;
      }
      Map<String, Object> last = msgs.get(msgs.size() - 1);
      java.time.Instant date = instant(Json.str(last, "date"));
      if (since != null && date != null && date.isBefore(since)) {
        continue;
      }
      Map<String, Object> lastMessage = Json.copy(last);
      lastMessage.remove("status");
      items.add(Json.obj("ownerIdentity", ctx.bot.identity(), "identity", e.getKey(), "lastMessage", lastMessage,
          "unreadMessages", 0L));
    }
    items.sort((a, b) -> String.valueOf(Json.asMap(b.get("lastMessage")).get("date"))
        .compareTo(String.valueOf(Json.asMap(a.get("lastMessage")).get("date"))));
    Map<String, Object> page = CommandContext.page("application/vnd.iris.thread+json", items, ctx.skip(),
        ctx.take(50, 100));
    page.remove("total");
    return page;
  }

  private static java.time.@org.jspecify.annotations.Nullable Instant instant(
      @org.jspecify.annotations.Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.trim()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
