package dev.blipsdk.testing.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Media (API doc §8.1): {@code get /upload-media-uri[?secure=true]} answers a one-time upload URL on the fake itself;
 * {@code POST} the raw bytes there with their {@code Content-Type} (no {@code Authorization}: the URL is the key, the
 * fake's choice for the UNCONFIRMED byte step) and the answer is {@code {"mediaUri":"<url>"}}. The media is served back
 * ({@code GET}/{@code HEAD}) on loopback at a URL signed like Blip's ({@code se} = expiry, 30 minutes on the fake's
 * clock, {@code sig}); after {@code se} it answers 403. {@code set /refresh-media-uri} ({@code text/plain}, the expired
 * URL) and {@code get /refresh-media-uri/{id}} answer a freshly signed URL.
 */
final class MediaHandler implements CommandHandler {
  static final String PREFIX = "/_media/";
  static final Duration SIGNATURE_VALIDITY = Duration.ofMinutes(30);
  private static final byte[] SECRET = new byte[32];

  static {
    new SecureRandom().nextBytes(SECRET);
  }

  @Override
  public Set<String> extensions() {
    return Set.of("media.msging.net");
  }

  @Override
  public boolean handles(LimeUri uri) {
    String s = uri.segment(0);
    return "upload-media-uri".equalsIgnoreCase(s) || "refresh-media-uri".equalsIgnoreCase(s);
  }

  @Override
  public CommandResult handle(CommandContext ctx) throws CommandFailure {
    BotState bot = ctx.bot;
    if ("upload-media-uri".equalsIgnoreCase(ctx.uri.segment(0))) {
      if (!ctx.is("get")) {
        throw CommandFailure.methodNotSupported();
      }
      bot.mediaUploadTokens.entrySet().removeIf(e -> !ctx.now.isBefore(e.getValue()));
      String token = UUID.randomUUID().toString();
      boolean secure = !"false".equalsIgnoreCase(ctx.uri.param("secure"));
      bot.mediaUploadTokens.put((secure ? "s" : "p") + token, ctx.now.plus(SIGNATURE_VALIDITY));
      return CommandResult.of("text/plain", ctx.baseUrl + PREFIX + "upload/" + (secure ? "s" : "p") + token);
    }
    String id;
    if (ctx.uri.size() == 2 && ctx.is("get")) {
      id = ctx.uri.decodedSegment(1);
    } else if (ctx.uri.size() == 1 && ctx.is("set")) {
      if (!(ctx.resource instanceof String expired)) {
        throw CommandFailure.invalidArgument("The resource must be the expired media URI, as text/plain");
      }
      id = idOf(expired);
    } else {
      throw CommandFailure.methodNotSupported();
    }
    BotState.StoredMedia m = id == null ? null : bot.media.get(id);
    if (m == null) {
      throw CommandFailure.notFound();
    }
    return CommandResult.of("text/plain", signedUrl(ctx.baseUrl, m, ctx.now));
  }

  /** The media id in a media URL's path (its last segment). */
  static @Nullable String idOf(String url) {
    String path = url;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    int slash = path.lastIndexOf('/');
    String id = slash >= 0 ? path.substring(slash + 1) : path;
    return id.isEmpty() ? null : id;
  }

  static String signedUrl(String baseUrl, BotState.StoredMedia m, Instant now) {
    Instant se = now.plus(SIGNATURE_VALIDITY).truncatedTo(ChronoUnit.SECONDS);
    String expiry = se.toString();
    return baseUrl + PREFIX + "secure-medias/" + m.id + "?sv=2020-08-04&se="
        + URLEncoder.encode(expiry, StandardCharsets.UTF_8) + "&sr=b&sp=r&sig=" + sign(m.id, expiry) + "&secure=true";
  }

  private static String sign(String id, String expiry) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(SECRET);
      d.update((id + "|" + expiry).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP face: uploads and downloads under {@value #PREFIX}; no authentication (the URLs are the keys). */
  static MockResponse.Builder http(RecordedRequest request, String path, String baseUrl, Collection<BotState> bots,
      Instant now) {
    String rest = path.substring(PREFIX.length());
    String method = request.getMethod();
    if (rest.startsWith("upload/") && "POST".equals(method)) {
      String token = rest.substring("upload/".length());
      BotState owner = null;
      for (BotState b : bots) {
        synchronized (b) {
          Instant until = b.mediaUploadTokens.get(token);
          if (until != null && now.isBefore(until)) {
            b.mediaUploadTokens.remove(token);
            owner = b;
            break;
          }
        }
      }
      if (owner == null) {
        return text(403, "The upload URL is unknown, used or expired");
      }
      ByteString body = request.getBody();
      String type = request.getHeaders().get("Content-Type");
      if (body == null || body.size() == 0 || type == null) {
        return text(400, "The upload needs the bytes and their Content-Type");
      }
      String id = "Media_" + UUID.randomUUID();
      BotState.StoredMedia m = new BotState.StoredMedia(id, body.toByteArray(), type.split(";", 2)[0].trim(), now,
          "", now.plus(SIGNATURE_VALIDITY));
      String url;
      synchronized (owner) {
        owner.media.put(id, m);
        url = token.startsWith("p") ? baseUrl + PREFIX + "public-medias/" + id : signedUrl(baseUrl, m, now);
      }
      return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
          .body(Json.write(Json.obj("mediaUri", url)));
    }
    boolean head = "HEAD".equals(method);
    if ((rest.startsWith("secure-medias/") || rest.startsWith("public-medias/")) && (head || "GET".equals(method))) {
      boolean secure = rest.startsWith("secure-medias/");
      String id = rest.substring(rest.indexOf('/') + 1);
      BotState.StoredMedia m = null;
      for (BotState b : bots) {
        synchronized (b) {
          m = b.media.get(id);
        }
        if (m != null) {
          break;
        }
      }
      if (m == null) {
        return text(404, "BlobNotFound");
      }
      if (secure) {
        Map<String, String> q = query(request);
        String se = q.get("se");
        String sig = q.get("sig");
        if (se == null || sig == null || !sig.equals(sign(id, se))) {
          return text(403, "AuthenticationFailed: the signature does not match");
        }
        Instant expiry;
        try {
          expiry = Instant.parse(se);
        } catch (RuntimeException e) {
          return text(403, "AuthenticationFailed: bad se");
        }
        if (!now.isBefore(expiry)) {
          return text(403, "AuthenticationFailed: Signed expiry time has passed");
        }
      }
      MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", m.contentType);
      if (head) {
        return b.setHeader("Content-Length", String.valueOf(m.bytes.length));
      }
      return b.body(new okio.Buffer().write(m.bytes));
    }
    return text(404, "");
  }

  private static Map<String, String> query(RecordedRequest request) {
    Map<String, String> out = new java.util.HashMap<>();
    String q = request.getUrl().encodedQuery();
    if (q != null) {
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static MockResponse.Builder text(int code, String body) {
    MockResponse.Builder b = new MockResponse.Builder().code(code);
    if (!body.isEmpty()) {
      b.setHeader("Content-Type", "text/plain; charset=utf-8").body(body);
    }
    return b;
  }
}
