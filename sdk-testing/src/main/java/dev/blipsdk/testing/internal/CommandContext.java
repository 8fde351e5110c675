package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One command being handled: the caller's state, the parsed uri and resource, and the clock time. */
public final class CommandContext {
  public final BotState bot;
  public final ServerConfig config;
  public final MessagePipeline pipeline;
  public final Instant now;
  public final String method;
  public final LimeUri uri;
  public final @Nullable String type;
  public final @Nullable Object resource;
  public final Map<String, Object> envelope;
  /** The fake's own base URL, {@code http://127.0.0.1:port}, for resources that point back at it (media). */
  public final String baseUrl;

  public CommandContext(BotState bot, ServerConfig config, MessagePipeline pipeline, Instant now,
      Map<String, Object> envelope, LimeUri uri) {
    this(bot, config, pipeline, now, envelope, uri, "http://127.0.0.1");
  }

  public CommandContext(BotState bot, ServerConfig config, MessagePipeline pipeline, Instant now,
      Map<String, Object> envelope, LimeUri uri, String baseUrl) {
    this.baseUrl = baseUrl;
    this.bot = bot;
    this.config = config;
    this.pipeline = pipeline;
    this.now = now;
    this.envelope = envelope;
    this.uri = uri;
    String m = Json.str(envelope, "method");
    this.method = m == null ? "" : m.toLowerCase(Locale.ROOT);
    this.type = Json.str(envelope, "type");
    this.resource = envelope.get("resource");
  }

  public boolean is(String m) {
    return method.equals(m);
  }

  /** The resource as an object, or a failure 64. */
  public Map<String, Object> resourceMap() throws CommandFailure {
    Map<String, Object> m = Json.map(resource);
    if (m == null) {
      throw CommandFailure.invalidArgument("The resource is required and must be a document");
    }
    return m;
  }

  /** {@code $skip}, default 0. */
  public int skip() throws CommandFailure {
    return intParam("$skip", 0);
  }

  /**
   * {@code $take} with its default and maximum; above the maximum answers the documented failure
   * {@code "The take parameter can not be greater than N"} without a code.
   */
  public int take(int dflt, int max) throws CommandFailure {
    int take = intParam("$take", dflt);
    if (take > max) {
      throw new CommandFailure(null, "The take parameter can not be greater than " + max);
    }
    if (take < 0) {
      throw CommandFailure.invalidArgument("The take parameter can not be negative");
    }
    return take;
  }

  public int intParam(String name, int dflt) throws CommandFailure {
    String v = uri.param(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw CommandFailure.invalidArgument("The " + name.replace("$", "") + " parameter is invalid");
    }
  }

  /** One page of a list, as a LIME collection with {@code total}. */
  public static <T> Map<String, Object> page(String itemType, List<T> all, int skip, int take) {
    int from = Math.min(skip, all.size());
    int to = Math.min(all.size(), from + take);
    return Json.collection(itemType, all.subList(from, to), all.size());
  }

  public static final String COLLECTION = "application/vnd.lime.collection+json";
}
