package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Active Campaign on {@code postmaster@activecampaign.msging.net} (API doc §3.5, §3.6; wave2-api-shapes §1),
 * answered with the shapes public clients of the live API show (sources in {@link dev.blipsdk.testing.FakeBlip}'s docs):
 * <ul>
 *   <li>{@code set /campaign/full} (and {@code /campaign/full/v2}): create and dispatch in one call; answers the flat
 *       campaign document ({@code id}, {@code name}, {@code campaignType}, {@code status}, {@code created}...);</li>
 *   <li>{@code set /campaign/v2}, {@code set /audiences/v2/{id}} (an upsert by recipient), {@code set /dispatch/v2}:
 *       the three-step creation;</li>
 *   <li>{@code get /campaigns}, {@code get|delete /campaigns/{id}}, {@code merge /campaigns/{id}/schedule};</li>
 *   <li>{@code get /campaigns/summaries}, {@code /campaigns/{id}/summaries}, {@code /campaigns/{id}/reports},
 *       {@code /audiences/{id}}, {@code /messages/{id}}.</li>
 * </ul>
 */
final class CampaignHandler implements CommandHandler {
  static final String CAMPAIGN = "application/vnd.iris.activecampaign.campaign+json";
  static final String SUMMARY = "application/vnd.iris.activecampaign.campaign-summary+json";
  static final String REPORT = "application/vnd.iris.activecampaign.campaign-report+json";
  static final String AUDIENCE = "application/vnd.iris.activecampaign.audience+json";
  static final String MESSAGE = "application/vnd.iris.activecampaign.message+json";

  @Override
  public Set<String> extensions() {
    return Set.of("activecampaign.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return s != null && Set.of("campaign", "campaigns", "audiences", "dispatch", "messages")
        .contains(s.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    CampaignEngine engine = ctx.pipeline.campaigns();
    BotState bot = ctx.bot;
    List<String> seg = lower(ctx.uri);
    String first = seg.get(0);
    int n = seg.size();
    switch (first) {
      case "campaign": {
        requireMethod(ctx, "set");
        boolean full = n >= 2 && seg.get(1).equals("full") && (n == 2 || n == 3 && seg.get(2).equals("v2"));
        boolean v2 = n == 2 && seg.get(1).equals("v2");
        if (!full && !v2) {
          throw CommandFailure.notSupported();
        }
        Map<String, Object> r = ctx.resourceMap();
        Map<String, Object> campaign = Json.map(r.get("campaign"));
        Map<String, Object> message = Json.map(r.get("message"));
        if (campaign == null) {
          throw CommandFailure.invalidArgument("The campaign is required");
        }
        if (message == null) {
          throw CommandFailure.invalidArgument("The message is required");
        }
        if (v2) {
          FakeCampaign c = engine.create(bot, campaign, message, ctx.now);
          return CommandResult.of(CAMPAIGN, CampaignEngine.document(c, ctx.now));
        }
        List<Object> audience = new ArrayList<>();
        if (r.get("audience") != null) {
          audience.add(r.get("audience"));
        }
        audience.addAll(Json.list(r.get("audiences")));
        if (audience.isEmpty()) {
          throw CommandFailure.invalidArgument("The audience is required");
        }
        // validate everything before keeping anything: a bad request leaves no campaign behind
        checkAudience(audience);
        FakeCampaign c = engine.create(bot, campaign, message, ctx.now);
        engine.addAudience(c, audience);
        engine.dispatch(bot, c, ctx.now);
        return CommandResult.of(CAMPAIGN, CampaignEngine.document(c, ctx.now));
      }
      case "audiences": {
        if (n == 3 && seg.get(1).equals("v2")) {
          requireMethod(ctx, "set");
          FakeCampaign c = campaign(bot, ctx.uri.decodedSegment(2));
          Object res = ctx.resource;
          Map<String, Object> m = Json.map(res);
          List<Object> items = m != null ? Json.list(m.get("items")) : Json.list(res);
          if (items.isEmpty()) {
            throw CommandFailure.invalidArgument("The audience is required");
          }
          checkAudience(items);
          engine.addAudience(c, items);
          return CommandResult.empty();
        }
        if (n == 2) {
          requireMethod(ctx, "get");
          FakeCampaign c = campaign(bot, ctx.uri.decodedSegment(1));
          int skip = ctx.skip();
          int take = ctx.take(100, 1000);
          List<Object> items = new ArrayList<>(Math.min(take, c.audience.size()));
          int i = 0;
          for (FakeCampaign.Entry e : c.audience.values()) {
            if (i++ < skip) {
              continue;
            }
            if (items.size() >= take) {
              break;
            }
            items.add(CampaignEngine.audienceItem(bot, c, e, ctx.now));
          }
          return CommandResult.of(CommandContext.COLLECTION, Json.collection(AUDIENCE, items, c.audience.size()));
        }
        throw CommandFailure.notSupported();
      }
      case "dispatch": {
        requireMethod(ctx, "set");
        if (n != 2 || !seg.get(1).equals("v2")) {
          throw CommandFailure.notSupported();
        }
        FakeCampaign c = campaign(bot, Json.str(ctx.resourceMap(), "id"));
        engine.dispatch(bot, c, ctx.now);
        return CommandResult.of(CAMPAIGN, CampaignEngine.document(c, ctx.now));
      }
      case "messages": {
        requireMethod(ctx, "get");
        if (n != 2) {
          throw CommandFailure.notSupported();
        }
        FakeCampaign c = campaign(bot, ctx.uri.decodedSegment(1));
        Map<String, Object> item = Json.obj("channelType", "WHATSAPP", "messageTemplate", c.template,
            "messageTemplateLanguage", c.language, "messageParams", new ArrayList<Object>(c.paramKeys));
        return CommandResult.of(CommandContext.COLLECTION, Json.collection(MESSAGE, List.of(item), 1));
      }
      default:
        return campaigns(ctx, engine, seg);
    }
  }

  private static CommandResult campaigns(CommandContext ctx, CampaignEngine engine, List<String> seg)
      throws CommandFailure {
    BotState bot = ctx.bot;
    int n = seg.size();
    if (n == 1) {
      requireMethod(ctx, "get");
      List<Object> docs = new ArrayList<>();
      for (FakeCampaign c : newestFirst(bot)) {
        docs.add(CampaignEngine.document(c, ctx.now));
      }
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page(CAMPAIGN, docs, ctx.skip(), ctx.take(20, 100)));
    }
    if (n == 2 && seg.get(1).equals("summaries")) {
      requireMethod(ctx, "get");
      List<Object> docs = new ArrayList<>();
      for (FakeCampaign c : newestFirst(bot)) {
        docs.add(CampaignEngine.summary(c, ctx.now));
      }
      return CommandResult.of(CommandContext.COLLECTION,
          CommandContext.page(SUMMARY, docs, ctx.skip(), ctx.take(20, 100)));
    }
    FakeCampaign c = campaign(bot, ctx.uri.decodedSegment(1));
    if (n == 2) {
      if (ctx.is("delete")) {
        engine.cancel(c, ctx.now);
        return CommandResult.empty();
      }
      requireMethod(ctx, "get");
      return CommandResult.of(CAMPAIGN, CampaignEngine.document(c, ctx.now));
    }
    if (n == 3 && seg.get(2).equals("summaries")) {
      requireMethod(ctx, "get");
      return CommandResult.of(CommandContext.COLLECTION,
          Json.collection(SUMMARY, List.of(CampaignEngine.summary(c, ctx.now)), 1));
    }
    if (n == 3 && seg.get(2).equals("reports")) {
      requireMethod(ctx, "get");
      Map<String, Object> report = CampaignEngine.summary(c, ctx.now);
      if (!"false".equalsIgnoreCase(ctx.uri.param("shouldHaveStateName")) && c.stateId != null) {
        String queue = c.flowId == null ? null : bot.attendanceBlocks.get(c.flowId + "/" + c.stateId);
        report.put("stateName", queue != null ? queue : c.stateId);
      }
      return CommandResult.of(REPORT, report);
    }
    if (n == 3 && seg.get(2).equals("schedule")) {
      requireMethod(ctx, "merge");
      String when = Json.str(ctx.resourceMap(), "scheduled");
      if (when == null) {
        throw CommandFailure.invalidArgument("The scheduled date is required");
      }
      Instant at;
      try {
        at = OffsetDateTime.parse(when).toInstant();
      } catch (DateTimeParseException e) {
        throw CommandFailure.invalidArgument("The scheduled date is not an ISO-8601 date-time with an offset");
      }
      engine.reschedule(bot, c, at, ctx.now);
      return CommandResult.of(CAMPAIGN, CampaignEngine.document(c, ctx.now));
    }
    throw CommandFailure.notSupported();
  }

  private static List<FakeCampaign> newestFirst(BotState bot) {
    List<FakeCampaign> all = new ArrayList<>(bot.campaigns.values());
    Collections.reverse(all);
    return all;
  }

  private static void checkAudience(List<Object> items) throws CommandFailure {
    for (Object o : items) {
      Map<String, Object> a = Json.map(o);
      String recipient = a == null ? null : Json.str(a, "recipient");
      if (recipient == null || recipient.isBlank()) {
        throw CommandFailure.invalidArgument("The audience recipient is required");
      }
    }
  }

  private static FakeCampaign campaign(BotState bot, String id) throws CommandFailure {
    FakeCampaign c = id == null ? null : bot.campaigns.get(id);
    if (c == null) {
      throw CommandFailure.notFound();
    }
    return c;
  }

  private static void requireMethod(CommandContext ctx, String method) throws CommandFailure {
    if (!ctx.is(method)) {
      throw CommandFailure.methodNotSupported();
    }
  }

  private static List<String> lower(LimeUri uri) {
    List<String> out = new ArrayList<>(uri.size());
    for (String s : uri.segments()) {
      out.add(s.toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }
}
