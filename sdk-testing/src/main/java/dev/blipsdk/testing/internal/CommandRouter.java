package dev.blipsdk.testing.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Routes a command by the extension it is addressed to ({@code to}, API doc §7.1) and its uri to one
 * {@link CommandHandler}. A missing {@code to} means {@code postmaster@msging.net}, unless the uri is absolute
 * ({@code lime://wa.gw.msging.net/...}), whose authority then names the extension.
 */
public final class CommandRouter {
  private final List<CommandHandler> handlers;

  public CommandRouter(List<CommandHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  /** The standard families. */
  public static CommandRouter standard() {
    return new CommandRouter(List.of(
        new PingHandler(), new CrmHandler(), new ContextsHandler(), new HistoryHandler(), new WhatsAppHandler(),
        new DeskTicketsHandler(), new DeskTeamHandler(), new DeskMonitoringHandler(), new CampaignHandler(),
        new AttendanceHoursHandler(), new RepliesHandler(), new BucketsHandler(), new MediaHandler(),
        new EventTrackHandler()));
  }

  /** The extension domain the command goes to: {@code msging.net}, {@code desk.msging.net}... */
  public static String extension(@Nullable String to, LimeUri uri) {
    String node = to;
    if (node == null || node.isBlank()) {
      node = uri.isAbsolute() ? uri.authority() : "postmaster@msging.net";
    }
    if (node == null) {
      return "msging.net";
    }
    int slash = node.indexOf('/');
    if (slash >= 0) {
      node = node.substring(0, slash);
    }
    int at = node.lastIndexOf('@');
    return (at >= 0 ? node.substring(at + 1) : node).toLowerCase(Locale.ROOT);
  }

  public CommandResult route(String extension, CommandContext ctx) throws CommandFailure {
    for (CommandHandler h : handlers) {
      if (h.extensions().contains(extension) && h.handles(ctx.uri)) {
        return h.handle(ctx);
      }
    }
    throw CommandFailure.notSupported();
  }
}
