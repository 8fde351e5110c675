package dev.blipsdk.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Active campaign {@code set /campaign/full} (§3.5): records the campaign, sets {@code Master-State} of each
 * recipient to the campaign's {@code masterState}, and sends the template to each recipient through the same
 * message lifecycle as {@code POST /messages} (so an unknown template fails the same way).
 */
final class CampaignHandler implements CommandHandler {
  @Override
  public Set<String> extensions() {
    return Set.of("activecampaign.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return "campaign".equalsIgnoreCase(uri.segment(0)) && "full".equalsIgnoreCase(uri.segment(1)) && uri.size() == 2;
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("set")) {
      throw CommandFailure.methodNotSupported();
    }
    Map<String, Object> r = ctx.resourceMap();
    Map<String, Object> campaign = Json.map(r.get("campaign"));
    Map<String, Object> message = Json.map(r.get("message"));
    if (campaign == null || Json.str(campaign, "name") == null) {
      throw CommandFailure.invalidArgument("The campaign name is required");
    }
    if (message == null || Json.str(message, "messageTemplate") == null) {
      throw CommandFailure.invalidArgument("The message template is required");
    }
    List<Map<String, Object>> audiences = new ArrayList<>();
    Map<String, Object> single = Json.map(r.get("audience"));
    if (single != null) {
      audiences.add(single);
    }
    for (Object a : Json.list(r.get("audiences"))) {
      Map<String, Object> m = Json.map(a);
      if (m != null) {
        audiences.add(m);
      }
    }
    if (audiences.isEmpty()) {
      throw CommandFailure.invalidArgument("The audience is required");
    }
    String masterState = Json.str(campaign, "masterState");
    if (masterState == null) {
      masterState = Json.str(campaign, "masterstate");
    }
    String language = Json.str(message, "messageTemplateLanguage");
    List<Object> keys = Json.list(message.get("messageParams"));
    // validate and build every message first: a bad audience must not leave half the campaign sent
    List<Map<String, Object>> envelopes = new ArrayList<>();
    for (Map<String, Object> audience : audiences) {
      String recipient = Json.str(audience, "recipient");
      if (recipient == null || recipient.isBlank()) {
        throw CommandFailure.invalidArgument("The audience recipient is required");
      }
      String digits = recipient.startsWith("+") ? recipient.substring(1) : recipient;
      String identity = digits.contains("@") ? digits : digits + "@wa.gw.msging.net";
      Map<String, Object> values = Json.map(audience.get("messageParams"));
      List<Object> params = new ArrayList<>();
      for (Object k : keys) {
        Object v = values == null ? null : values.get(String.valueOf(k));
        params.add(Json.obj("type", "text", "text", v == null ? "" : String.valueOf(v)));
      }
      Map<String, Object> template = Json.obj("name", Json.str(message, "messageTemplate"),
          "language", Json.obj("code", language == null ? "pt_BR" : language, "policy", "deterministic"),
          "components", List.of(Json.obj("type", "body", "parameters", params)));
      envelopes.add(Json.obj("id", UUID.randomUUID().toString(), "to", identity, "type", "application/json",
          "content", Json.obj("type", "template", "template", template),
          "metadata", Json.obj("#activecampaign.name", Json.str(campaign, "name"))));
    }
    List<Object> messageIds = new ArrayList<>();
    for (Map<String, Object> envelope : envelopes) {
      String identity = String.valueOf(envelope.get("to"));
      if (masterState != null) {
        ContextsHandler.write(ctx.bot, ctx.config, identity, "Master-State", masterState);
      }
      ctx.pipeline.sendInternal(ctx.bot, envelope, ctx.now);
      messageIds.add(envelope.get("id"));
    }
    Map<String, Object> record = Json.copy(r);
    Map<String, Object> recordCampaign = Json.asMap(record.get("campaign"));
    recordCampaign.put("id", UUID.randomUUID().toString());
    recordCampaign.put("status", "Dispatched");
    record.put("messageIds", messageIds);
    ctx.bot.campaigns.add(record);
    return CommandResult.of("application/vnd.iris.activecampaign.full-campaign+json", Json.copy(record));
  }
}
