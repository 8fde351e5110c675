package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.core.internal.json.EnvelopeReader;
import dev.blipsdk.core.exception.WebhookParseException;
import dev.blipsdk.core.exception.WebhookParseException.Failure;
import dev.blipsdk.core.webhook.internal.BodyChecks;
import dev.blipsdk.core.webhook.internal.ContentReader;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a webhook body into a {@link WebhookEvent}. Parse after verifying, from the same raw bytes:
 * <pre>{@code
 * WebhookParser parser = WebhookParser.defaults();        // 1 MiB, nesting up to 64
 * WebhookEvent event = parser.parse(rawBody);             // or throws WebhookParseException
 * }</pre>
 *
 * <p>Bad input of any kind gives a {@link WebhookParseException} and nothing else. The checks run
 * cheapest first: empty body, size limit (before anything is parsed), strict UTF-8, nesting depth (by a
 * byte scan, so no parser ever recurses deeper than the limit), well-formed JSON with nothing after it, a
 * JSON object, and finally a LIME envelope. A JSON object with none of the envelope fields becomes an
 * {@link UnknownEvent} rather than an error, so the sender is not asked to retry something that will never
 * parse differently.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookParser {
  /** The default body size limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  /** The default nesting limit for objects and arrays. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** The highest nesting limit allowed (below Moshi's own limit of 255). */
  public static final int MAX_DEPTH_LIMIT = 200;

  private static final WebhookParser DEFAULTS = new WebhookParser(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH);

  private final int maxBodyBytes;
  private final int maxDepth;

  private WebhookParser(int maxBodyBytes, int maxDepth) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxDepth = maxDepth;
  }

  /**
   * A parser with the default limits.
   *
   * @return the shared default parser
   */
  public static WebhookParser defaults() {
    return DEFAULTS;
  }

  /**
   * A builder to change the limits.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The body size limit; read at most this many bytes plus one from the request to detect a larger body
   * without buffering all of it.
   *
   * @return the limit in bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The nesting limit.
   *
   * @return the deepest nesting of objects and arrays allowed
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * Parses a webhook body.
   *
   * @param body the raw request body, exactly as received
   * @return the event
   * @throws WebhookParseException if the body is empty, too large, not UTF-8, not JSON, nested too deep, or
   *     not an envelope; {@link WebhookParseException#failure()} says which
   */
  public WebhookEvent parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw fail(Failure.EMPTY_BODY, "the webhook body is empty; pass the raw request body bytes", null);
    }
    if (body.length > maxBodyBytes) {
      throw fail(Failure.BODY_TOO_LARGE, "the webhook body has " + body.length + " bytes, more than the limit of "
          + maxBodyBytes + "; raise it with WebhookParser.builder().maxBodyBytes(..) if such bodies are expected",
          null);
    }
    int invalid = BodyChecks.firstInvalidUtf8(body);
    if (invalid >= 0) {
      throw fail(Failure.INVALID_UTF8, "the webhook body is not valid UTF-8 (first bad byte at offset " + invalid
          + "); pass the raw request body bytes, not text decoded and re-encoded in another charset", null);
    }
    // a copy: the caller may reuse its buffer, and the event's documents are views of these bytes
    byte[] bytes = body.clone();
    Envelope envelope;
    try {
      // one pass of the SDK's one reader: RFC 8259's grammar, the depth limit and the envelope's fields
      envelope = EnvelopeReader.read(bytes, 0, bytes.length, null, maxDepth);
    } catch (BlipProtocolException e) {
      EnvelopeReader.Problem problem = EnvelopeReader.problemOf(e);
      if (problem == EnvelopeReader.Problem.NOT_AN_ENVELOPE) {
        JsonDocument raw = CoreBridge.view(bytes, 0, bytes.length);
        if (!hasEnvelopeFields(raw)) {
          return new UnknownEvent(null, raw); // an object of another kind: reported, not refused
        }
      }
      throw failure(problem, e, bytes);
    }
    JsonDocument raw = CoreBridge.view(bytes, 0, bytes.length);
    try {
      return classify(envelope, raw);
    } catch (RuntimeException e) {
      throw fail(Failure.NOT_AN_ENVELOPE, "cannot read the envelope's content: " + e.getMessage(), e);
    }
  }

  private static WebhookEvent classify(Envelope envelope, JsonDocument raw) {
    if (envelope instanceof Notification n) {
      return new StatusNotification(n, raw);
    }
    if (envelope instanceof Message m) {
      String base = ContentReader.baseType(m.type());
      TicketSnapshot ticket = ContentReader.ticket(base, m.content());
      if (ticket != null) {
        return new TicketEvent(m, ticket, raw);
      }
      Object tree = ContentReader.readsTree(base) ? m.content().tree() : null;
      return new InboundMessage(m, ContentReader.content(base, m.content(), tree), raw);
    }
    return new UnknownEvent(envelope, raw);
  }

  /** The exception for a body the envelope reader refused. */
  private WebhookParseException failure(EnvelopeReader.Problem problem, BlipProtocolException e, byte[] bytes) {
    return switch (problem) {
      case TOO_DEEP -> fail(Failure.NESTING_TOO_DEEP, "the webhook body nests objects and arrays deeper than "
          + maxDepth + " levels", null);
      case MALFORMED -> isBlank(bytes)
          ? fail(Failure.EMPTY_BODY, "the webhook body holds only white space", null)
          : fail(Failure.MALFORMED_JSON, "the webhook body is not well-formed JSON: " + e.getMessage(), e);
      // the reader's message names what it found instead (an array, a string...) or what the object lacks
      case NOT_AN_OBJECT, NOT_AN_ENVELOPE -> fail(Failure.NOT_AN_ENVELOPE, "the webhook body is not a LIME envelope: "
          + e.getMessage(), e);
    };
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEnvelopeFields(JsonDocument raw) {
    try {
      return !(raw.tree() instanceof Map<?, ?> map)
          || map.containsKey("type") || map.containsKey("content") || map.containsKey("event")
          || map.containsKey("method");
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static WebhookParseException fail(Failure failure, String message, @Nullable Throwable cause) {
    return new WebhookParseException(failure, message, cause);
  }

  @Override
  public String toString() {
    return "WebhookParser{maxBodyBytes=" + maxBodyBytes + ", maxDepth=" + maxDepth + "}";
  }

  /** Configures a {@link WebhookParser}. Not thread-safe; the parser it builds is. */
  public static final class Builder {
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    private Builder() {}

    /**
     * The largest body accepted; 1 MiB by default. Larger bodies fail with
     * {@link WebhookParseException.Failure#BODY_TOO_LARGE} before any parsing.
     *
     * @param maxBodyBytes a positive number of bytes
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes: must be positive but was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * The deepest nesting of objects and arrays accepted; 64 by default, at most {@value WebhookParser#MAX_DEPTH_LIMIT}.
     * A Blip envelope with a ticket inside nests about 5 levels.
     *
     * @param maxDepth the limit, 1 to {@value WebhookParser#MAX_DEPTH_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
        throw new IllegalArgumentException("maxDepth: must be between 1 and " + MAX_DEPTH_LIMIT + " but was "
            + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public WebhookParser build() {
      return new WebhookParser(maxBodyBytes, maxDepth);
    }
  }
}
