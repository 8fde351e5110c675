package dev.blipsdk.core.internal.json;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one LIME envelope from UTF-8 bytes in a single pass of the strict cursor: the grammar check, the depth
 * limit and the envelope's fields at once, with {@code content} and {@code resource} kept as views of the same
 * bytes (no copy; the caller must not change the bytes afterwards). Every reader of envelopes goes through here:
 * command responses, webhook bodies and envelopes decoded inside documents.
 *
 * <p>The envelope's own names ({@code id}, {@code from}, {@code to}, {@code pp}, {@code type}, {@code content},
 * {@code resource}, {@code method}, {@code uri}, {@code status}, {@code event}, {@code reason},
 * {@code metadata}) are matched exactly, as LIME writes them; other members are checked and skipped. A repeated
 * member: the last wins. Scalars where text is expected (numbers, booleans) are kept as their text; an object
 * or array there is skipped (no value). {@code metadata} values that are objects or arrays are kept as their
 * JSON text, and a JSON {@code null} value stays a null entry.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnvelopeReader {
  private static final byte[] ID = ascii("id");
  private static final byte[] TO = ascii("to");
  private static final byte[] PP = ascii("pp");
  private static final byte[] URI = ascii("uri");
  private static final byte[] FROM = ascii("from");
  private static final byte[] TYPE = ascii("type");
  private static final byte[] EVENT = ascii("event");
  private static final byte[] METHOD = ascii("method");
  private static final byte[] STATUS = ascii("status");
  private static final byte[] REASON = ascii("reason");
  private static final byte[] CONTENT = ascii("content");
  private static final byte[] RESOURCE = ascii("resource");
  private static final byte[] METADATA = ascii("metadata");

  static final int F_OTHER = -1;
  static final int F_ID = 0;
  static final int F_FROM = 1;
  static final int F_TO = 2;
  static final int F_PP = 3;
  static final int F_TYPE = 4;
  static final int F_CONTENT = 5;
  static final int F_RESOURCE = 6;
  static final int F_METHOD = 7;
  static final int F_URI = 8;
  static final int F_STATUS = 9;
  static final int F_EVENT = 10;
  static final int F_REASON = 11;
  static final int F_METADATA = 12;

  private EnvelopeReader() {}

  /** Why a read failed, for callers that answer each case differently (webhooks). */
  public enum Problem {
    /** Not well-formed JSON (RFC 8259). */
    MALFORMED,
    /** Objects and arrays nested deeper than the limit. */
    TOO_DEEP,
    /** Well-formed JSON, but not an object. */
    NOT_AN_OBJECT,
    /** A well-formed object that is not a LIME envelope, or a field the envelope types refuse. */
    NOT_AN_ENVELOPE
  }

  /** The cause carried by a failure that is not about the JSON itself. */
  private static final class NotAnEnvelope extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean object;

    NotAnEnvelope(boolean object) {
      super(null, null, false, false);
      this.object = object;
    }
  }

  /**
   * What a {@link BlipProtocolException} thrown by this class is about.
   *
   * @param e an exception thrown by a read of this class
   * @return its problem
   */
  public static Problem problemOf(BlipProtocolException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonCursor.TooDeep) {
      return Problem.TOO_DEEP;
    }
    if (cause instanceof JsonCursor.Malformed) {
      return Problem.MALFORMED;
    }
    if (cause instanceof NotAnEnvelope n && !n.object) {
      return Problem.NOT_AN_OBJECT;
    }
    return Problem.NOT_AN_ENVELOPE;
  }

  /**
   * Reads one envelope: a command when it has a {@code method}, a notification when it has an {@code event}, a
   * message when it has a {@code type} or {@code content}.
   *
   * @param bytes UTF-8 JSON
   * @return the envelope
   * @throws BlipProtocolException if the bytes are not one well-formed JSON object that is an envelope
   */
  public static Envelope read(byte[] bytes) {
    return read(bytes, 0, bytes.length, null, JsonCursor.MAX_DEPTH);
  }

  /**
   * Reads the response to a command: a body with a {@code status} and no {@code method} (a failure some tenants
   * answer with only {@code status} and {@code reason}) is the response to the request, with its method.
   *
   * @param bytes UTF-8 JSON
   * @param requestMethod the request's method, or null to require a method
   * @return the command
   * @throws BlipProtocolException if the bytes are not a command
   */
  public static Command readResponse(byte[] bytes, @Nullable CommandMethod requestMethod) {
    Envelope e = read(bytes, 0, bytes.length, requestMethod, JsonCursor.MAX_DEPTH);
    if (e instanceof Command c) {
      return c;
    }
    throw new BlipProtocolException("expected a command but got a " + e.getClass().getSimpleName(),
        new NotAnEnvelope(true));
  }

  /**
   * Reads one envelope from a range.
   *
   * @param bytes UTF-8 JSON
   * @param offset where it starts
   * @param length its length
   * @param requestMethod the method of the request this answers, or null
   * @param maxDepth the deepest nesting of objects and arrays accepted
   * @return the envelope
   * @throws BlipProtocolException if the range is not one well-formed JSON object that is an envelope; see
   *     {@link #problemOf}
   */
  public static Envelope read(byte[] bytes, int offset, int length, @Nullable CommandMethod requestMethod,
      int maxDepth) {
    JsonCursor c = new JsonCursor(bytes, offset, length, maxDepth);
    try {
      int kind = c.peek();
      if (kind != JsonCursor.OBJECT) {
        c.skipValue();
        c.expectEnd();
        throw new BlipProtocolException("expected a JSON object (a LIME envelope) but got " + kindName(kind),
            new NotAnEnvelope(false));
      }
      return envelope(c, requestMethod);
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // a value the envelope types refuse, such as an empty message type
      throw new BlipProtocolException("invalid envelope: " + e.getMessage(), e);
    }
  }

  private static Envelope envelope(JsonCursor c, @Nullable CommandMethod requestMethod) {
    String id = null;
    String from = null;
    String to = null;
    String pp = null;
    String type = null;
    JsonDocument content = null;
    JsonDocument resource = null;
    String method = null;
    String uri = null;
    String status = null;
    String event = null;
    Reason reason = null;
    Map<String, @Nullable String> metadata = Map.of();
    c.beginObject();
    boolean first = true;
    while (c.hasNextMember(first)) {
      first = false;
      int field = nextField(c);
      switch (field) {
        case F_ID -> id = scalar(c);
        case F_FROM -> from = scalar(c);
        case F_TO -> to = scalar(c);
        case F_PP -> pp = scalar(c);
        case F_TYPE -> type = scalar(c);
        case F_CONTENT -> content = view(c);
        case F_RESOURCE -> resource = view(c);
        case F_METHOD -> method = scalar(c);
        case F_URI -> uri = scalar(c);
        case F_STATUS -> status = scalar(c);
        case F_EVENT -> event = scalar(c);
        case F_REASON -> reason = reason(c);
        case F_METADATA -> metadata = metadata(c);
        default -> c.skipValue();
      }
    }
    c.expectEnd();
    Node fromNode = node(from, "from");
    Node toNode = node(to, "to");
    Node ppNode = node(pp, "pp");
    if (method != null || (requestMethod != null && status != null)) {
      CommandStatus s = status == null ? null : CommandStatus.fromWire(status);
      return new Command(id, fromNode, toNode, ppNode,
          method == null ? requestMethod : CommandMethod.fromWire(method), uri, type, resource, s, reason, metadata);
    }
    if (event != null) {
      return new Notification(id, fromNode, toNode, ppNode, NotificationEvent.fromWire(event), event, reason,
          metadata);
    }
    if (type != null || content != null) {
      if (type == null) {
        throw new BlipProtocolException("message has content but no type", new NotAnEnvelope(true));
      }
      return new Message(id, fromNode, toNode, ppNode, type, content == null ? CoreBridge.NULL : content, metadata);
    }
    throw new BlipProtocolException(
        "not a LIME envelope: no method (command), event (notification) or type (message)", new NotAnEnvelope(true));
  }

  /** Which envelope member a plain name (the bytes between its quotes) is, or {@link #F_OTHER}. */
  static int fieldOf(byte[] b, int start, int length) {
    switch (length) {
      case 2:
        return is(b, start, ID) ? F_ID : is(b, start, TO) ? F_TO : is(b, start, PP) ? F_PP : F_OTHER;
      case 3:
        return is(b, start, URI) ? F_URI : F_OTHER;
      case 4:
        return is(b, start, FROM) ? F_FROM : is(b, start, TYPE) ? F_TYPE : F_OTHER;
      case 5:
        return is(b, start, EVENT) ? F_EVENT : F_OTHER;
      case 6:
        return is(b, start, METHOD) ? F_METHOD : is(b, start, STATUS) ? F_STATUS
            : is(b, start, REASON) ? F_REASON : F_OTHER;
      case 7:
        return is(b, start, CONTENT) ? F_CONTENT : F_OTHER;
      case 8:
        return is(b, start, RESOURCE) ? F_RESOURCE : is(b, start, METADATA) ? F_METADATA : F_OTHER;
      default:
        return F_OTHER;
    }
  }

  /** Reads the next member's name and the ':' after it: which envelope member it is, without making a string. */
  static int nextField(JsonCursor c) {
    int start = c.position() + 1;
    int close = c.scanPlainName();
    if (close < 0) {
      return fieldOf(c.nextName()); // a name with escapes, decoded
    }
    c.afterName(close);
    return fieldOf(c.bytes, start, close - start);
  }

  /** A name that had escapes, decoded. */
  static int fieldOf(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    return fieldOf(b, 0, b.length);
  }

  private static boolean is(byte[] b, int start, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      if (b[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A string, number or boolean as text; null for null; objects and arrays skipped (null). */
  static @Nullable String scalar(JsonCursor c) {
    switch (c.peek()) {
      case JsonCursor.STRING:
        return c.nextString();
      case JsonCursor.NUMBER:
        return c.nextNumberText();
      case JsonCursor.BOOLEAN:
        return c.nextBoolean() ? "true" : "false";
      case JsonCursor.NULL:
        c.nextNull();
        return null;
      default:
        c.skipValue();
        return null;
    }
  }

  private static JsonDocument view(JsonCursor c) {
    c.peek();
    int start = c.position();
    c.skipValue();
    return CoreBridge.view(c.bytes, start, c.position() - start);
  }

  private static @Nullable Node node(@Nullable String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Node.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BlipProtocolException("envelope field '" + field + "' is not a node: " + e.getMessage(), e);
    }
  }

  private static @Nullable Reason reason(JsonCursor c) {
    if (c.peek() != JsonCursor.OBJECT) {
      c.skipValue();
      return null;
    }
    Integer code = null;
    String description = "";
    c.beginObject();
    boolean first = true;
    while (c.hasNextMember(first)) {
      first = false;
      String name = c.nextName();
      switch (name) {
        case "code" -> {
          String text = scalar(c);
          if (text != null) {
            try {
              code = (int) Double.parseDouble(text);
            } catch (NumberFormatException e) {
              code = null;
            }
          }
        }
        case "description" -> {
          String d = scalar(c);
          description = d == null ? "" : d;
        }
        default -> c.skipValue();
      }
    }
    return new Reason(code, description);
  }

  private static Map<String, @Nullable String> metadata(JsonCursor c) {
    if (c.peek() != JsonCursor.OBJECT) {
      c.skipValue();
      return Map.of();
    }
    Map<String, @Nullable String> out = new LinkedHashMap<>();
    c.beginObject();
    boolean first = true;
    while (c.hasNextMember(first)) {
      first = false;
      String key = c.nextName();
      int k = c.peek();
      if (k == JsonCursor.OBJECT || k == JsonCursor.ARRAY) {
        int start = c.position();
        c.skipValue();
        out.put(key, new String(c.bytes, start, c.position() - start, StandardCharsets.UTF_8));
      } else {
        out.put(key, scalar(c)); // a JSON null stays a null entry
      }
    }
    return out;
  }

  private static String kindName(int kind) {
    return switch (kind) {
      case JsonCursor.ARRAY -> "an array";
      case JsonCursor.STRING -> "a string";
      case JsonCursor.BOOLEAN -> "a boolean";
      case JsonCursor.NULL -> "null";
      default -> "a number";
    };
  }
}
