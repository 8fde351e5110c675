package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.FakeClock;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happens after {@code POST /messages}: the checks the platform makes later (template, variables, media
 * kind, 24 h window, Desk open ticket), then the scripted {@code accepted -> dispatched -> received -> consumed}
 * (or {@code failed}) notifications on the clock, stored for {@code get /notifications} and POSTed to the
 * notification webhook. Also inbound customer messages to the message webhook.
 */
public final class MessagePipeline {
  private final Scheduler scheduler;
  private final WebhookSender webhooks;
  private final ServerConfig config;
  private final FakeClock clock;
  private final CampaignEngine campaigns;

  public MessagePipeline(Scheduler scheduler, WebhookSender webhooks, ServerConfig config, FakeClock clock) {
    this.scheduler = scheduler;
    this.webhooks = webhooks;
    this.config = config;
    this.clock = clock;
    this.campaigns = new CampaignEngine(scheduler, webhooks, config, this);
  }

  /** The active-campaign engine. */
  CampaignEngine campaigns() {
    return campaigns;
  }

  /** The bare identity of a node ({@code name@domain}, without {@code /instance}). */
  public static String identity(String node) {
    int slash = node.indexOf('/');
    return slash >= 0 ? node.substring(0, slash) : node;
  }

  /** Turns {@code +5531..}, {@code 5531..} or an identity into an identity. */
  public static String customerIdentity(String from) {
    String f = identity(from.trim());
    if (f.contains("@")) {
      return f;
    }
    return (f.startsWith("+") ? f.substring(1) : f) + "@wa.gw.msging.net";
  }

  /** Takes a message the bot sent. Call with the bot locked. */
  public void accept(BotState bot, ReceivedEnvelope env) {
    Instant now = env.receivedAt();
    Map<String, Object> tree = env.tree();
    String id = Json.str(tree, "id");
    if (id == null) {
      id = UUID.randomUUID().toString();
    }
    String to = identity(String.valueOf(tree.get("to")));
    BotState.SentMessage sm = new BotState.SentMessage(id, to, env);
    bot.messages.put(id, sm);
    bot.messagesByRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(id);
    Object content = tree.get("content");
    String type = String.valueOf(tree.get("type"));
    bot.addThreadMessage(to, id, "sent", type, content == null ? "" : content, now, "accepted");

    Map<String, Object> c = Json.map(content);
    boolean template = c != null && "template".equalsIgnoreCase(Json.str(c, "type"));
    Map<String, Object> metadata = Json.map(tree.get("metadata"));
    String agent = metadata == null ? null : Json.str(metadata, DeskActiveMessageRules.AGENT_METADATA);
    boolean whatsApp = to.endsWith("@wa.gw.msging.net");
    MessageScript script = bot.scriptFor(to);

    Map<String, Object> reason = null;
    if (agent != null) {
      reason = DeskActiveMessageRules.checkSend(bot, to);
    }
    if (reason == null && template) {
      reason = checkTemplate(bot, Json.map(c.get("template")));
    }
    if (reason == null && whatsApp && bot.notOnWhatsApp.contains(to.substring(0, to.indexOf('@')))) {
      reason = Json.obj("code", 81L, "description", "(#131026) Message undeliverable");
    }
    if (reason == null && whatsApp && !template && config.enforceCustomerServiceWindow()) {
      Instant last = bot.lastInbound.get(to);
      if (last == null || last.plus(Duration.ofHours(24)).isBefore(now)) {
        reason = Json.obj("code", 81L, "description", "(#131047) Re-engagement message: more than 24 hours have "
            + "passed since the customer last replied to this number");
      }
    }
    if (reason == null && script.outcome() == MessageScript.Outcome.FAILED) {
      reason = Json.obj("code", (long) script.failureCode(), "description", script.failureDescription());
    }
    if (reason == null && agent != null) {
      DeskActiveMessageRules.recordSend(bot, to, agent, id, now);
    }

    Instant at = now.plus(script.delayBefore("accepted"));
    schedule(bot, sm, "accepted", null, at);
    if (reason != null) {
      at = at.plus(script.delayBefore("failed"));
      schedule(bot, sm, "failed", reason, at);
      return;
    }
    List<String> steps = new ArrayList<>();
    switch (script.outcome()) {
      case READ:
        steps = List.of("dispatched", "received", "consumed");
        break;
      case DELIVERED:
        steps = List.of("dispatched", "received");
        break;
      case DISPATCHED:
        steps = List.of("dispatched");
        break;
      default:
        break;
    }
    for (String step : steps) {
      at = at.plus(script.delayBefore(step));
      schedule(bot, sm, step, null, at);
    }
    String reply = script.replyText();
    if (reply != null) {
      scheduler.schedule(at.plus(script.replyDelay()), () -> inbound(bot, to, "text/plain", reply));
    }
  }

  private void schedule(BotState bot, BotState.SentMessage sm, String event, @Nullable Map<String, Object> reason,
      Instant at) {
    scheduler.schedule(at, () -> emit(bot, sm, event, reason));
  }

  private void emit(BotState bot, BotState.SentMessage sm, String event, @Nullable Map<String, Object> reason) {
    Instant now = clock.instant();
    Map<String, Object> n = Json.obj(
        "id", sm.id,
        "from", event.equals("accepted") ? "postmaster@msging.net/#emu" : sm.to + "/#emu",
        "to", bot.identity() + "/#emu",
        "event", event,
        "reason", reason == null ? null : Json.copy(reason),
        "metadata", Json.obj("#envelope.timestamp", String.valueOf(now.toEpochMilli()),
            "#envelope.storageDate", Times.iso(now)));
    int copies = config.duplicateNotifications() ? 2 : 1;
    synchronized (bot) {
      sm.events.add(event);
      if (reason != null) {
        sm.reason = reason;
      }
      Map<String, Object> threadEntry = bot.threadMessagesById.get(sm.id);
      if (threadEntry != null) {
        threadEntry.put("status", event);
        if (reason != null) {
          threadEntry.put("reason", Json.copy(reason));
        }
      }
      for (int i = 0; i < copies; i++) {
        bot.notifications.add(new BotState.StoredNotification(sm.id, Json.copy(n), now));
      }
      Instant cutoff = now.minus(config.notificationRetention());
      bot.notifications.pruneBefore(cutoff);
    }
    String url = bot.notificationWebhook;
    java.util.List<String> pool = bot.notificationWebhookPool;
    if (url != null || !pool.isEmpty()) {
      String body = Json.write(n);
      for (int i = 0; i < copies; i++) {
        String target = pool.isEmpty() ? url
            : pool.get((int) (bot.nextNotificationWebhook.getAndIncrement() % pool.size()));
        webhooks.post("notification", target, body, bot.webhookHeaders, bot.webhookSigner, now);
      }
    }
  }

  /** A notification the bot sent ({@code POST /notifications}); {@code from} or {@code to} name the sender. */
  public void storeBotNotification(BotState bot, ReceivedEnvelope env) {
    Map<String, Object> tree = env.tree();
    String id = Json.str(tree, "id");
    bot.notifications.add(new BotState.StoredNotification(id == null ? "" : id, Json.copy(tree), env.receivedAt()));
  }

  /**
   * A customer message: recorded in the thread and contact, fed to the Desk rules, POSTed to the message webhook.
   * Returns the message id.
   */
  public String inbound(BotState bot, String from, String type, Object content) {
    String customer = customerIdentity(from);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Map<String, Object> envelope = Json.obj("id", id, "from", customer + "/#emu", "to", bot.identity(),
        "type", type, "content", content);
    synchronized (bot) {
      bot.lastInbound.put(customer, now);
      CrmHandler.touch(bot, customer, now);
      bot.addThreadMessage(customer, id, "received", type, content, now, "received");
      DeskActiveMessageRules.onCustomerMessage(bot, customer, now, config);
      campaigns.onCustomerMessage(bot, customer, now);
    }
    String url = bot.messageWebhook;
    if (url != null) {
      String body = Json.write(envelope);
      scheduler.schedule(now, () -> webhooks.post("message", url, body, bot.webhookHeaders, bot.webhookSigner, now));
    }
    return id;
  }

  /** Meta's checks of a template message, as a LIME reason (gateway error 81 naming the Meta code), or null. */
  static @Nullable Map<String, Object> checkTemplate(BotState bot, @Nullable Map<String, Object> template) {
    if (template == null) {
      return fail(132000, "Template object is missing");
    }
    String name = Json.str(template, "name");
    Object lang = template.get("language");
    String language = lang instanceof Map ? Json.str(Json.asMap(lang), "code") : (lang == null ? null : String.valueOf(lang));
    FakeTemplate found = null;
    for (FakeTemplate t : bot.templates) {
      if (t.name().equals(name) && t.language().equalsIgnoreCase(String.valueOf(language))) {
        found = t;
      }
    }
    if (found == null || !found.status().equals("APPROVED")) {
      return fail(132001, "Template name does not exist in the translation");
    }
    List<Object> header = null;
    List<Object> body = List.of();
    for (Object o : Json.list(template.get("components"))) {
      Map<String, Object> comp = Json.map(o);
      if (comp == null) {
        continue;
      }
      String type = String.valueOf(comp.get("type")).toLowerCase(Locale.ROOT);
      if (type.equals("header")) {
        header = Json.list(comp.get("parameters"));
      } else if (type.equals("body")) {
        body = Json.list(comp.get("parameters"));
      }
    }
    if (body.size() != found.bodyVariables()) {
      return fail(132000, "Number of parameters does not match the expected number of params (body: expected "
          + found.bodyVariables() + ", received " + body.size() + ")");
    }
    switch (found.headerFormat()) {
      case NONE:
        if (header != null && !header.isEmpty()) {
          return fail(132000, "Number of parameters does not match the expected number of params (header: expected 0)");
        }
        break;
      case TEXT: {
        int n = header == null ? 0 : header.size();
        if (n != found.headerVariables()) {
          return fail(132000, "Number of parameters does not match the expected number of params (header: expected "
              + found.headerVariables() + ", received " + n + ")");
        }
        break;
      }
      default: {
        String kind = found.headerFormat().name().toLowerCase(Locale.ROOT);
        Map<String, Object> p = header == null || header.size() != 1 ? null : Json.map(header.get(0));
        if (p == null || !kind.equals(String.valueOf(p.get("type")).toLowerCase(Locale.ROOT)) || p.get(kind) == null) {
          return fail(132012, "Parameter format does not match format in the created template (header expects "
              + kind + ")");
        }
        break;
      }
    }
    return null;
  }

  private static Map<String, Object> fail(int metaCode, String text) {
    return Json.obj("code", 81L, "description", "(#" + metaCode + ") " + text);
  }
}
