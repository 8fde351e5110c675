package dev.blipsdk.testing.internal;

import java.util.LinkedHashMap;
import java.util.Set;

/**
 * {@code get /ping} on {@code postmaster@msging.net}: LIME's ping, answered by the server itself with an empty
 * {@code application/vnd.lime.ping+json} resource (lime-csharp {@code UriTemplates.PING}, {@code Ping.MIME_TYPE};
 * the Messaging Hub client checks its connection with it).
 */
final class PingHandler implements CommandHandler {
  static final String PING = "application/vnd.lime.ping+json";

  @Override
  public Set<String> extensions() {
    return Set.of("msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    return uri.size() == 1 && "ping".equalsIgnoreCase(uri.segment(0));
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    if (!ctx.is("get")) {
      throw CommandFailure.methodNotSupported();
    }
    return CommandResult.of(PING, new LinkedHashMap<String, Object>());
  }
}
