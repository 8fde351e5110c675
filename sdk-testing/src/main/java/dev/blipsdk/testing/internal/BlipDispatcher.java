package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.Fault;
import dev.blipsdk.testing.FakeClock;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP face of the fake: {@code POST /commands}, {@code /messages}, {@code /notifications}. Order of checks:
 * faults, authentication (401), rate limits (429), envelope format (400), then processing.
 */
public final class BlipDispatcher extends Dispatcher {
  private final Map<String, BotState> botsByToken;
  private final ServerConfig config;
  private final FakeClock clock;
  private final MessagePipeline pipeline;
  private final CommandRouter router;
  private final FaultRegistry faults;
  private final RateLimiter limiter;
  private final List<ReceivedEnvelope> received = new ArrayList<>();
  private long sequence;

  public BlipDispatcher(Map<String, BotState> botsByToken, ServerConfig config, FakeClock clock,
      MessagePipeline pipeline, CommandRouter router, FaultRegistry faults) {
    this.botsByToken = Map.copyOf(botsByToken);
    this.config = config;
    this.clock = clock;
    this.pipeline = pipeline;
    this.router = router;
    this.faults = faults;
    this.limiter = new RateLimiter(config.rateLimits());
  }

  /** The token of {@code Authorization: Key {token}}. */
  public static String token(String identifier, String accessKey) {
    return Base64.getEncoder().encodeToString((identifier + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
  }

  public List<ReceivedEnvelope> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    ByteString bodyBytes = request.getBody();
    String body = bodyBytes == null ? "" : bodyBytes.utf8();
    Map<String, Object> tree = Json.parseObject(body);
    FaultRegistry.Plan plan = faults.match(path, tree == null ? null : Json.str(tree, "uri"));
    Fault fault = plan.fault();
    if (fault != null && fault.kind() == Fault.Kind.STATUS) {
      MockResponse.Builder b = new MockResponse.Builder().code(fault.status());
      if (fault.retryAfter() != null) {
        b.setHeader("Retry-After", String.valueOf(Math.max(0, fault.retryAfter().toSeconds())));
      }
      return finish(b, plan);
    }
    if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE_READ) {
      return finish(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()), plan);
    }
    MockResponse.Builder response = handle(request, path, body, tree);
    if (fault != null) {
      switch (fault.kind()) {
        case DROP_AFTER_READ:
          response = new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket());
          break;
        case NO_RESPONSE:
          response = new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE);
          break;
        case TRUNCATED_BODY:
          response.onResponseBody(new SocketEffect.CloseSocket());
          break;
        default:
          break;
      }
    }
    return finish(response, plan);
  }

  private static MockResponse finish(MockResponse.Builder b, FaultRegistry.Plan plan) {
    if (!plan.latency().isZero()) {
      b.headersDelay(plan.latency().toMillis(), TimeUnit.MILLISECONDS);
    }
    return b.build();
  }

  private static MockResponse.Builder status(int code, String text) {
    MockResponse.Builder b = new MockResponse.Builder().code(code);
    if (!text.isEmpty()) {
      b.setHeader("Content-Type", "text/plain; charset=utf-8").body(text);
    }
    return b;
  }

  private MockResponse.Builder handle(RecordedRequest request, String path, String body,
      @Nullable Map<String, Object> tree) {
    if (path.startsWith(MediaHandler.PREFIX)) {
      return MediaHandler.http(request, path, baseUrl(request), botsByToken.values(), clock.instant());
    }
    boolean known = path.equals("/commands") || path.equals("/messages") || path.equals("/notifications");
    if (!known) {
      return status(404, "");
    }
    if (!"POST".equals(request.getMethod())) {
      return status(405, "").setHeader("Allow", "POST");
    }
    BotState bot = authenticate(request.getHeaders().get("Authorization"));
    if (bot == null) {
      return status(401, "");
    }
    Instant now = clock.instant();
    Duration blocked = limiter.check(bot.identifier, path, now);
    if (blocked != null) {
      MockResponse.Builder b = status(429, "");
      if (limiter.retryAfter()) {
        b.setHeader("Retry-After", String.valueOf(Math.max(1, (blocked.toMillis() + 999) / 1000)));
      }
      return b;
    }
    if (tree == null) {
      return status(400, "The request body is not a JSON envelope");
    }
    switch (path) {
      case "/commands": {
        String method = Json.str(tree, "method");
        String uri = Json.str(tree, "uri");
        if (method == null || uri == null || uri.isBlank()) {
          return status(400, "A command needs method and uri");
        }
        if (Json.str(tree, "id") == null && !"observe".equalsIgnoreCase(method)) {
          return status(400, "A command needs an id");
        }
        ReceivedEnvelope env = record(path, bot, body, tree, now);
        String json = Json.write(command(bot, env.tree(), now, baseUrl(request)));
        return new MockResponse.Builder().code(200)
            .setHeader("Content-Type", "application/json; charset=utf-8").body(json);
      }
      case "/messages": {
        if (Json.str(tree, "to") == null || Json.str(tree, "type") == null || !tree.containsKey("content")) {
          return status(400, "A message needs to, type and content");
        }
        synchronized (bot) {
          ReceivedEnvelope env = record(path, bot, body, tree, now);
          pipeline.accept(bot, env);
        }
        return new MockResponse.Builder().code(202);
      }
      default: {
        if (Json.str(tree, "id") == null || Json.str(tree, "event") == null) {
          return status(400, "A notification needs id and event");
        }
        synchronized (bot) {
          ReceivedEnvelope env = record(path, bot, body, tree, now);
          pipeline.storeBotNotification(bot, env);
        }
        return new MockResponse.Builder().code(202);
      }
    }
  }

  private ReceivedEnvelope record(String path, BotState bot, String body, Map<String, Object> tree, Instant now) {
    synchronized (received) {
      ReceivedEnvelope env = new ReceivedEnvelope(++sequence, path, bot.identifier, body, Json.frozenMap(tree), now);
      received.add(env);
      return env;
    }
  }

  private @Nullable BotState authenticate(@Nullable String header) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (!h.regionMatches(true, 0, "Key ", 0, 4)) {
      return null;
    }
    return botsByToken.get(h.substring(4).trim());
  }

  /** {@code http://127.0.0.1:port}, as the request reached the fake. */
  private static String baseUrl(RecordedRequest request) {
    okhttp3.HttpUrl url = request.getUrl();
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  private Map<String, Object> command(BotState bot, Map<String, Object> tree, Instant now, String baseUrl) {
    String uriText = String.valueOf(tree.get("uri"));
    LimeUri uri = LimeUri.parse(uriText);
    String to = Json.str(tree, "to");
    String extension = CommandRouter.extension(to, uri);
    String routed = "crm.msging.net".equals(extension) ? "crm.msging.net" : extension;
    Map<String, Object> response = Json.obj("id", tree.get("id"), "method", tree.get("method"));
    try {
      CommandResult result;
      synchronized (bot) {
        result = router.route(routed, new CommandContext(bot, config, pipeline, now, tree, uri, baseUrl));
      }
      response.put("status", "success");
      if (result.type() != null && result.resource() != null) {
        response.put("type", result.type());
        response.put("resource", result.resource());
      }
    } catch (CommandFailure f) {
      response.put("status", "failure");
      response.put("reason", Json.obj("code", f.code() == null ? null : (long) f.code(), "description", f.getMessage()));
    }
    // from is the extension's postmaster (§1.4, §7.1): without a to, the one the uri's authority names
    String fromNode = to == null || to.isBlank() ? "postmaster@" + extension : MessagePipeline.identity(to);
    if (!fromNode.contains("@")) {
      fromNode = "postmaster@" + fromNode;
    }
    response.put("from", fromNode + "/#emu");
    response.put("to", bot.identity());
    response.put("metadata", Json.obj("#command.uri", uri.isAbsolute() ? uriText : "lime://" + bot.identity() + uriText));
    return response;
  }
}
