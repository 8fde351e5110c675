package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.FakeTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code postmaster@wa.gw.msging.net}: accounts lookup (§3.1, with the leading {@code +} rule), message templates
 * (§3.3, Meta shape by default) and {@code /whatsapp-business-account}.
 */
final class WhatsAppHandler implements CommandHandler {
  static final String ACCOUNT = "application/vnd.lime.account+json";

  @Override
  public Set<String> extensions() {
    return Set.of("wa.gw.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "accounts".equalsIgnoreCase(s) || "message-templates".equalsIgnoreCase(s)
        || "whatsapp-business-account".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    String family = ctx.uri.segment(0).toLowerCase(Locale.ROOT);
    switch (family) {
      case "accounts":
        return account(ctx);
      case "message-templates":
        return templates(ctx);
      default:
        return CommandResult.of("application/json", Json.obj(
            "id", "1000" + Math.abs(ctx.bot.identifier.hashCode()),
            "currency", "BRL",
            "message_template_namespace", namespace(ctx.bot),
            "name", ctx.bot.identifier,
            "timezone_id", "1"));
    }
  }

  static String namespace(BotState bot) {
    return String.format(Locale.ROOT, "%08x_fake_namespace", bot.identifier.hashCode());
  }

  private static CommandResult account(CommandContext ctx) throws CommandFailure {
    if (ctx.uri.size() != 2) {
      throw CommandFailure.notSupported();
    }
    String raw = ctx.uri.decodedSegment(1).trim();
    boolean plus = raw.startsWith("+");
    String digits = plus ? raw.substring(1) : raw;
    if (!digits.matches("\\d{8,15}")) {
      throw new CommandFailure(61, "The string supplied did not seem to be a phone number");
    }
    BotState bot = ctx.bot;
    if (plus && bot.notOnWhatsApp.contains(digits)) {
      throw new CommandFailure(ctx.config.notOnWhatsAppCode(), ctx.config.notOnWhatsAppDescription());
    }
    String identity = digits + "@wa.gw.msging.net";
    return CommandResult.of(ACCOUNT, Json.obj(
        "fullName", bot.waAccounts.get(digits),
        "alternativeAccount", identity,
        "identity", identity,
        "phoneNumber", "+" + digits,
        "source", "WhatsApp"));
  }

  private static CommandResult templates(CommandContext ctx) throws CommandFailure {
    if (ctx.bot.role == BotState.Role.SERVICE) {
      throw new CommandFailure(61,
          "Could not determine the WhatsApp WhatsAppBusinessAccountId for the specified sender.");
    }
    if (ctx.uri.size() != 1) {
      throw CommandFailure.notSupported();
    }
    String name = ctx.uri.param("templateName");
    String status = ctx.uri.param("status");
    int take = ctx.intParam("$take", 1000);
    List<Map<String, Object>> items = new ArrayList<>();
    for (FakeTemplate t : ctx.bot.templates) {
      if (name != null && !name.isBlank() && !t.name().equals(name)) {
        continue;
      }
      if (status != null && !status.isBlank() && !t.status().equalsIgnoreCase(status)) {
        continue;
      }
      if (items.size() >= take) {
        break;
      }
      items.add(metaShape(t, ctx.config.templateStatusUpperCase()));
    }
    Map<String, Object> resource;
    switch (ctx.config.templateListShape()) {
      case DOCUMENTS:
        resource = Json.obj("documents", items);
        break;
      case ITEMS:
        resource = Json.obj("total", (long) items.size(), "items", items);
        break;
      default:
        resource = Json.obj("data", items, "paging", Json.obj("cursors", Json.obj("before", "MAZDZD", "after", "MjQZD")));
        break;
    }
    return CommandResult.of("application/json", resource);
  }

  /** A template as Meta's Graph API writes it. */
  static Map<String, Object> metaShape(FakeTemplate t, boolean upperCaseStatus) {
    List<Object> components = new ArrayList<>();
    switch (t.headerFormat()) {
      case NONE:
        break;
      case TEXT:
        components.add(Json.obj("type", "HEADER", "format", "TEXT", "text", t.headerText()));
        break;
      default:
        components.add(Json.obj("type", "HEADER", "format", t.headerFormat().name(),
            "example", Json.obj("header_handle", List.of("https://scontent.example/fake-header"))));
        break;
    }
    Map<String, Object> body = Json.obj("type", "BODY", "text", t.body());
    if (t.bodyVariables() > 0) {
      List<Object> ex = new ArrayList<>();
      for (int i = 1; i <= t.bodyVariables(); i++) {
        ex.add("example" + i);
      }
      body.put("example", Json.obj("body_text", List.of(ex)));
    }
    components.add(body);
    if (t.footer() != null) {
      components.add(Json.obj("type", "FOOTER", "text", t.footer()));
    }
    if (!t.quickReplies().isEmpty()) {
      List<Object> buttons = new ArrayList<>();
      for (String label : t.quickReplies()) {
        buttons.add(Json.obj("type", "QUICK_REPLY", "text", label));
      }
      components.add(Json.obj("type", "BUTTONS", "buttons", buttons));
    }
    String status = upperCaseStatus ? t.status()
        : t.status().charAt(0) + t.status().substring(1).toLowerCase(Locale.ROOT);
    return Json.obj("id", t.id(), "name", t.name(), "language", t.language(), "category", t.category(),
        "status", status, "components", components);
  }
}
