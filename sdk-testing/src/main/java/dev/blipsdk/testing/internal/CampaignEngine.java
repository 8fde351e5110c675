package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The fake's Active Campaign engine (API doc §3.5, §3.6; wave2-api-shapes §1): creates campaigns, keeps their
 * audience, starts them at their schedule on the {@link dev.blipsdk.testing.FakeClock}, hands their messages to the
 * channel at the plan's message rate, scripts each recipient's outcome with the bot's {@code MessageScript}s, and
 * answers every read from the timestamps it keeps. Every method that touches a bot is called with the bot locked,
 * except the scheduled tasks, which lock it themselves.
 */
public final class CampaignEngine {
  private static final String WA = "@wa.gw.msging.net";

  private final Scheduler scheduler;
  private final WebhookSender webhooks;
  private final ServerConfig config;
  private final MessagePipeline pipeline;

  CampaignEngine(Scheduler scheduler, WebhookSender webhooks, ServerConfig config, MessagePipeline pipeline) {
    this.scheduler = scheduler;
    this.webhooks = webhooks;
    this.config = config;
    this.pipeline = pipeline;
  }

  // ---------------------------------------------------------------- creation

  /** Creates a campaign from the request's {@code campaign} and {@code message} objects, after the campaign checks. */
  FakeCampaign create(BotState bot, Map<String, Object> campaign, Map<String, Object> message, Instant now)
      throws CommandFailure {
    String name = Json.str(campaign, "name");
    if (name == null || name.isBlank()) {
      throw CommandFailure.invalidArgument("The campaign name is required");
    }
    for (FakeCampaign c : bot.campaigns.values()) {
      if (c.name.equalsIgnoreCase(name)) {
        throw CommandFailure.invalidArgument("A campaign named '" + name + "' already exists");
      }
    }
    String template = Json.str(message, "messageTemplate");
    if (template == null || template.isBlank()) {
      throw CommandFailure.invalidArgument("The message template is required");
    }
    String language = str(message, "messageTemplateLanguage");
    FakeTemplate t = approvedTemplate(bot, template, language);
    if (t == null) {
      throw CommandFailure.invalidArgument("The message template '" + template + "' does not exist or is not"
          + " approved");
    }
    List<String> keys = new ArrayList<>();
    for (Object k : Json.list(message.get("messageParams"))) {
      keys.add(k instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(k));
    }
    int expected = expectedParams(t);
    if (keys.size() != expected) {
      throw CommandFailure.invalidArgument("The template '" + template + "' expects " + expected
          + " parameters, the message declares " + keys.size());
    }
    Instant scheduled = null;
    String when = Json.str(campaign, "scheduled");
    if (when != null && !when.isBlank()) {
      try {
        scheduled = java.time.OffsetDateTime.parse(when).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw CommandFailure.invalidArgument("The scheduled date is not an ISO-8601 date-time with an offset");
      }
      if (!scheduled.isAfter(now)) {
        throw CommandFailure.invalidArgument("The scheduled date must be in the future");
      }
    }
    String type = str(campaign, "campaignType");
    String campaignType = type == null ? "BATCH" : type.toUpperCase(Locale.ROOT);
    if (!campaignType.equals("BATCH") && !campaignType.equals("INDIVIDUAL")) {
      throw CommandFailure.invalidArgument("The campaign type must be Individual or Batch");
    }
    String masterState = str(campaign, "masterState");
    Object cs = Json.getIgnoreCase(campaign, "canSendWithOpenTicket");
    FakeCampaign c = new FakeCampaign(UUID.randomUUID().toString(), name, campaignType, masterState,
        str(campaign, "flowId"), str(campaign, "stateId"), new ArrayList<>(Json.list(campaign.get("tags"))),
        Boolean.TRUE.equals(cs), now, scheduled, template, language, keys);
    bot.campaigns.put(c.id, c);
    return c;
  }

  private static @Nullable String str(Map<String, Object> m, String key) {
    Object v = Json.getIgnoreCase(m, key);
    return v instanceof String s && !s.isBlank() ? s : null;
  }

  private static @Nullable FakeTemplate approvedTemplate(BotState bot, String name, @Nullable String language) {
    for (FakeTemplate t : bot.templates) {
      if (t.name().equals(name) && (language == null || t.language().equalsIgnoreCase(language))
          && t.status().equals("APPROVED")) {
        return t;
      }
    }
    return null;
  }

  /** The campaign parameters a template takes: its body variables, plus one first for a media or text header. */
  static int expectedParams(FakeTemplate t) {
    int header = switch (t.headerFormat()) {
      case NONE -> 0;
      case TEXT -> t.headerVariables();
      default -> 1;
    };
    return header + t.bodyVariables();
  }

  /**
   * Adds recipients (an upsert by recipient: sending the same batch twice keeps one entry per recipient, so a
   * retried upload never duplicates anyone). The caller has checked that every item names a recipient. Returns
   * how many entries the audience holds.
   */
  int addAudience(FakeCampaign c, List<Object> items) throws CommandFailure {
    if (c.dispatchRequested || c.canceled) {
      throw CommandFailure.invalidArgument("The campaign was already dispatched or canceled");
    }
    for (Object o : items) {
      Map<String, Object> a = Json.asMap(o);
      String recipient = Json.str(a, "recipient").trim();
      Map<String, String> params = new LinkedHashMap<>();
      Map<String, Object> given = Json.map(Json.getIgnoreCase(a, "messageParams"));
      if (given != null) {
        given.forEach((k, v) -> params.put(k, v == null ? "" : String.valueOf(v)));
      }
      c.audience.put(recipient, new FakeCampaign.Entry(recipient, Map.copyOf(params)));
    }
    return c.audience.size();
  }

  // ---------------------------------------------------------------- lifecycle

  /** {@code /dispatch/v2} (or the second half of {@code /campaign/full}): start now or at the schedule. */
  void dispatch(BotState bot, FakeCampaign c, Instant now) throws CommandFailure {
    if (c.canceled) {
      throw CommandFailure.invalidArgument("The campaign was canceled");
    }
    if (c.dispatchRequested) {
      throw CommandFailure.invalidArgument("The campaign was already dispatched");
    }
    if (c.audience.isEmpty()) {
      throw CommandFailure.invalidArgument("The campaign has no audience");
    }
    c.dispatchRequested = true;
    if (c.scheduled == null || !c.scheduled.isAfter(now)) {
      start(bot, c, now);
    } else {
      Instant at = c.scheduled;
      scheduler.schedule(at, () -> {
        synchronized (bot) {
          if (!c.canceled && c.startedAt == null) {
            start(bot, c, at);
          }
        }
      });
    }
  }

  /** Reschedules a campaign that has not started ({@code merge /campaigns/{id}/schedule}). */
  void reschedule(BotState bot, FakeCampaign c, Instant when, Instant now) throws CommandFailure {
    if (c.startedAt != null || c.canceled || c.failedReason != null) {
      throw CommandFailure.invalidArgument("The campaign has already started and cannot be rescheduled");
    }
    if (!when.isAfter(now)) {
      throw CommandFailure.invalidArgument("The scheduled date must be in the future");
    }
    c.scheduled = when;
    if (c.dispatchRequested) {
      scheduler.schedule(when, () -> {
        synchronized (bot) {
          if (!c.canceled && c.startedAt == null && when.equals(c.scheduled)) {
            start(bot, c, when);
          }
        }
      });
    }
  }

  /** {@code delete /campaigns/{id}}: cancels a campaign that has not started; a started one answers a failure. */
  void cancel(FakeCampaign c, Instant now) throws CommandFailure {
    if (c.canceled) {
      return;
    }
    String status = c.status(now);
    if (!status.equals(FakeCampaign.CREATED) && !status.equals(FakeCampaign.SCHEDULED)) {
      throw CommandFailure.invalidArgument("The campaign is " + status + " and can no longer be canceled");
    }
    c.canceled = true;
  }

  /**
   * Starts sending at {@code at}: checks the template again (it may have been deleted since), validates each
   * recipient, hands the valid ones to the channel at the plan's rate (shared by all of the bot's campaigns),
   * and plays each one's script. Everything is computed here from {@code at}; reads derive statuses from it.
   */
  private void start(BotState bot, FakeCampaign c, Instant at) {
    c.startedAt = at;
    if (approvedTemplate(bot, c.template, c.language) == null) {
      c.failedReason = "The message template '" + c.template + "' does not exist or is not approved";
      c.lastSendAt = at;
      c.finishAt = at;
      return;
    }
    int rate = config.rateLimits().messagesPerSecond();
    long atMs = at.toEpochMilli();
    long last = atMs;
    long lastSend = atMs;
    String url = bot.notificationWebhook;
    for (FakeCampaign.Entry e : c.audience.values()) {
      e.messageId = UUID.randomUUID().toString();
      String digits = e.recipient.startsWith("+") ? e.recipient.substring(1) : e.recipient;
      boolean phone = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() >= 8
          && digits.length() <= 15;
      e.identity = phone ? digits + WA : null;
      String missing = null;
      for (String k : c.paramKeys) {
        String v = e.params.get(k);
        if (v == null || v.isBlank()) {
          missing = k;
          break;
        }
      }
      if (!phone || bot.notOnWhatsApp.contains(digits)) {
        e.valid = false;
        e.processed = atMs;
        e.failed = atMs;
        e.reasonCode = 81;
        e.reasonDescription = "(#131026) Message undeliverable";
        continue;
      }
      long slot = nextSlot(bot, atMs, rate);
      lastSend = Math.max(lastSend, slot);
      MessageScript script = bot.scriptFor(e.identity);
      long t = slot + script.delayBefore("accepted").toMillis();
      e.processed = t;
      if (missing != null || script.outcome() == MessageScript.Outcome.FAILED) {
        t += script.delayBefore("failed").toMillis();
        e.failed = t;
        e.reasonCode = missing != null ? 81 : script.failureCode();
        e.reasonDescription = missing != null ? "(#132000) Number of parameters does not match the expected number"
            + " of params (parameter " + missing + " is empty)" : script.failureDescription();
      } else {
        MessageScript.Outcome o = script.outcome();
        if (o != MessageScript.Outcome.ACCEPTED) {
          t += script.delayBefore("dispatched").toMillis();
          e.sent = t;
        }
        if (o == MessageScript.Outcome.DELIVERED || o == MessageScript.Outcome.READ) {
          t += script.delayBefore("received").toMillis();
          e.received = t;
        }
        if (o == MessageScript.Outcome.READ) {
          t += script.delayBefore("consumed").toMillis();
          e.read = t;
        }
        String reply = script.replyText();
        if (reply != null) {
          String customer = e.identity;
          scheduler.schedule(Instant.ofEpochMilli(t).plus(script.replyDelay()), () -> {
            if (!c.canceled) {
              pipeline.inbound(bot, customer, "text/plain", reply);
            }
          });
        }
      }
      last = Math.max(last, e.last());
      bot.campaignMessages.put(e.messageId, e);
      bot.lastCampaignEntry.put(e.identity, new BotState.CampaignSend(c, e));
      if (c.masterState != null) {
        ContextsHandler.write(bot, config, e.identity, "Master-State", c.masterState);
      }
      if (c.flowId != null && c.stateId != null) {
        ContextsHandler.write(bot, config, e.identity, "stateid@" + c.flowId, c.stateId);
      }
      if (url != null) {
        for (Map.Entry<String, Long> ev : e.events(Long.MAX_VALUE)) {
          Map<String, Object> n = notification(bot, e, ev.getKey(), ev.getValue());
          Instant when = Instant.ofEpochMilli(ev.getValue());
          scheduler.schedule(when, () -> webhooks.post("notification", url, Json.write(n), bot.webhookHeaders,
              bot.webhookSigner, when));
        }
      }
    }
    c.lastSendAt = Instant.ofEpochMilli(lastSend);
    c.finishAt = Instant.ofEpochMilli(Math.max(last, lastSend));
  }

  /** The next send slot of the bot's campaigns: at most {@code rate} messages per second (0: no limit). */
  private static long nextSlot(BotState bot, long atMs, int rate) {
    if (rate <= 0) {
      return atMs;
    }
    long second = Math.floorDiv(atMs, 1000);
    if (second > bot.campaignSlotSecond) {
      bot.campaignSlotSecond = second;
      bot.campaignSlotUsed = 0;
      bot.campaignSlotStart = atMs;
    }
    if (bot.campaignSlotUsed >= rate) {
      bot.campaignSlotSecond++;
      bot.campaignSlotUsed = 0;
      bot.campaignSlotStart = bot.campaignSlotSecond * 1000;
    }
    bot.campaignSlotUsed++;
    return Math.max(atMs, bot.campaignSlotStart);
  }

  /**
   * A customer wrote: the reply to the bot's latest campaign message to them counts as replied, and when the
   * campaign routes replies to a block the bot declared a human-attendance block, a ticket opens in its queue
   * carrying the campaign's id ({@code CampaignId}), as Desk tickets born from campaigns do.
   */
  void onCustomerMessage(BotState bot, String customer, Instant now) {
    BotState.CampaignSend send = bot.lastCampaignEntry.get(customer);
    if (send == null || send.entry().processed < 0 || send.entry().processed > now.toEpochMilli()) {
      return;
    }
    FakeCampaign.Entry e = send.entry();
    if (e.replied >= 0 || e.failed >= 0 && e.failed <= now.toEpochMilli()) {
      return;
    }
    if (Instant.ofEpochMilli(e.processed).plus(config.activeMessageWindow()).isBefore(now)) {
      return;
    }
    e.replied = now.toEpochMilli();
    FakeCampaign c = send.campaign();
    String queue = c.flowId == null || c.stateId == null ? null
        : bot.attendanceBlocks.get(c.flowId + "/" + c.stateId);
    if (queue != null && bot.openTicketOf(customer) == null) {
      Map<String, Object> ticket = bot.newTicket(customer, queue, null, "Waiting", now);
      ticket.put("CampaignId", c.id);
    }
  }

  // ---------------------------------------------------------------- reads

  /** The campaign document ({@code application/vnd.iris.activecampaign.campaign+json}). */
  public static Map<String, Object> document(FakeCampaign c, Instant now) {
    return Json.obj("id", c.id, "name", c.name, "campaignType", c.campaignType, "masterState", c.masterState,
        "flowId", c.flowId, "stateId", c.stateId, "status", c.status(now), "created", Times.iso(c.created),
        "scheduled", c.scheduled == null ? null : Times.iso(c.scheduled), "tags", new ArrayList<>(c.tags),
        "isToUseLiteApi", false, "channelType", "WHATSAPP", "canSendWithOpenTicket", c.canSendWithOpenTicket,
        "failedReason", c.failedReason);
  }

  /** A summary: the campaign's template and dates plus each recipient's status ({@code statusAudience}). */
  static Map<String, Object> summary(FakeCampaign c, Instant now) {
    long t = now.toEpochMilli();
    List<Object> statuses = new ArrayList<>(c.audience.size());
    for (FakeCampaign.Entry e : c.audience.values()) {
      String status = e.status(t);
      boolean failed = status.equals("FAILED");
      statuses.add(Json.obj("RecipientIdentity", e.identity != null ? e.identity : e.recipient, "Status", status,
          "ReasonCode", failed ? e.reasonCode : null, "ReasonDescription", failed ? e.reasonDescription : null,
          "Replied", e.processed >= 0 && e.processed <= t ? e.replied >= 0 && e.replied <= t : null));
    }
    Instant sendDate = c.startedAt != null ? c.startedAt : c.scheduled;
    return Json.obj("id", c.id, "name", c.name, "messageTemplate", c.template, "flowId", c.flowId,
        "stateId", c.stateId, "sendDate", sendDate == null ? null : Times.iso(sendDate), "statusAudience", statuses);
  }

  /** One audience entry as {@code get /audiences/{id}} lists it. */
  static Map<String, Object> audienceItem(BotState bot, FakeCampaign c, FakeCampaign.Entry e, Instant now) {
    long t = now.toEpochMilli();
    String status = e.status(t);
    boolean failed = status.equals("FAILED");
    boolean processed = e.processed >= 0 && e.processed <= t;
    return Json.obj("OwnerIdentity", bot.identity(), "CampaignId", c.id, "recipient", e.recipient,
        "recipientType", "Phone", "channelType", "WHATSAPP", "messageParams", new LinkedHashMap<>(e.params),
        "status", status, "validatedAccount", processed ? (e.valid ? "VALID" : "INVALID") : null,
        "messageId", processed && e.valid ? e.messageId : null,
        "processed", at(e.processed, t), "received", at(e.received, t), "read", at(e.read, t),
        "replied", at(e.replied, t), "ReasonCode", failed ? e.reasonCode : null,
        "ReasonDescription", failed ? e.reasonDescription : null);
  }

  private static @Nullable String at(long ms, long now) {
    return ms >= 0 && ms <= now ? Times.iso(Instant.ofEpochMilli(ms)) : null;
  }

  /** The notifications of a campaign message emitted by now, oldest first (empty for an unknown id). */
  List<Map<String, Object>> notifications(BotState bot, String messageId, Instant now) {
    FakeCampaign.Entry e = bot.campaignMessages.get(messageId);
    if (e == null) {
      return List.of();
    }
    Instant oldest = now.minus(config.notificationRetention());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Long> ev : e.events(now.toEpochMilli())) {
      if (ev.getValue() >= oldest.toEpochMilli()) {
        out.add(notification(bot, e, ev.getKey(), ev.getValue()));
      }
    }
    return out;
  }

  private static Map<String, Object> notification(BotState bot, FakeCampaign.Entry e, String event, long at) {
    Instant when = Instant.ofEpochMilli(at);
    return Json.obj("id", e.messageId,
        "from", event.equals("accepted") ? "postmaster@msging.net/#emu" : e.identity + "/#emu",
        "to", bot.identity() + "/#emu", "event", event,
        "reason", event.equals("failed") ? Json.obj("code", e.reasonCode, "description", e.reasonDescription) : null,
        "metadata", Json.obj("#envelope.timestamp", String.valueOf(at), "#envelope.storageDate", Times.iso(when)));
  }
}
