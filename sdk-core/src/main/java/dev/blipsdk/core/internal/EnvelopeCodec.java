package dev.blipsdk.core.internal;

import dev.blipsdk.core.internal.bridge.CoreBridge;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
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
import dev.blipsdk.core.internal.json.Decoders;
import dev.blipsdk.core.internal.json.Encoder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Streams LIME envelopes to and from JSON without intermediate trees: the hot path of every call.
 * Resources and contents are captured as raw JSON text, so nothing is lost and nothing is parsed twice
 * unless the caller asks.
 */
public final class EnvelopeCodec {
  private static final JsonReader.Options NAMES = JsonReader.Options.of(
      "id", "from", "to", "pp", "type", "content", "resource", "method", "uri", "status", "event",
      "reason", "metadata");
  private static final JsonReader.Options REASON_NAMES = JsonReader.Options.of("code", "description");

  private EnvelopeCodec() {}

  /**
   * Writes an envelope as compact JSON, byte for byte what Moshi's {@code JsonWriter} writes for the same
   * members (same order, same escaping, absent and null members left out), without its per-member scope
   * bookkeeping: this runs once per call.
   *
   * @param envelope the envelope
   * @param sink where to write
   * @throws IOException from the sink
   */
  public static void write(Envelope envelope, BufferedSink sink) throws IOException {
    sink.writeByte('{');
    boolean more = stringMember(sink, false, "id", envelope.id());
    more = nodeMember(sink, more, "from", envelope.from());
    more = nodeMember(sink, more, "to", envelope.to());
    more = nodeMember(sink, more, "pp", envelope.pp());
    if (envelope instanceof Message m) {
      more = stringMember(sink, more, "type", m.type());
      more = rawMember(sink, more, "content", m.content());
    } else if (envelope instanceof Notification n) {
      more = stringMember(sink, more, "event", n.eventName());
      more = reasonMember(sink, more, n.reason());
    } else if (envelope instanceof Command c) {
      more = stringMember(sink, more, "method", c.method().wireValue());
      more = stringMember(sink, more, "uri", c.uri());
      more = stringMember(sink, more, "type", c.type());
      more = rawMember(sink, more, "resource", c.resource());
      if (c.status() != null) {
        more = stringMember(sink, more, "status", c.status().name().toLowerCase(java.util.Locale.ROOT));
      }
      more = reasonMember(sink, more, c.reason());
    }
    if (!envelope.metadata().isEmpty()) {
      name(sink, more, "metadata");
      sink.writeByte('{');
      boolean inner = false;
      for (Map.Entry<String, @Nullable String> e : envelope.metadata().entrySet()) {
        if (e.getValue() == null) {
          name(sink, inner, e.getKey());
          sink.writeUtf8("null");
          inner = true;
        } else {
          inner = stringMember(sink, inner, e.getKey(), e.getValue());
        }
      }
      sink.writeByte('}');
    }
    sink.writeByte('}');
  }

  /**
   * Encodes an envelope to UTF-8 bytes.
   *
   * @param envelope the envelope
   * @return the JSON bytes
   */
  public static byte[] toBytes(Envelope envelope) {
    try (Buffer buffer = new Buffer()) {
      write(envelope, buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode envelope", e);
    }
  }

  /** Writes {@code ,"name":} (no comma before the first member). */
  private static void name(BufferedSink sink, boolean more, String name) throws IOException {
    if (more) {
      sink.writeByte(',');
    }
    string(sink, name);
    sink.writeByte(':');
  }

  private static boolean stringMember(BufferedSink sink, boolean more, String name, @Nullable String value)
      throws IOException {
    if (value == null) {
      return more;
    }
    name(sink, more, name);
    string(sink, value);
    return true;
  }

  private static boolean nodeMember(BufferedSink sink, boolean more, String name, @Nullable Node value)
      throws IOException {
    return value == null ? more : stringMember(sink, more, name, value.value());
  }

  private static boolean rawMember(BufferedSink sink, boolean more, String name, @Nullable JsonDocument doc)
      throws IOException {
    if (doc == null) {
      return more;
    }
    name(sink, more, name);
    CoreBridge.writeTo(doc, sink);
    return true;
  }

  private static boolean reasonMember(BufferedSink sink, boolean more, @Nullable Reason reason)
      throws IOException {
    if (reason == null) {
      return more;
    }
    name(sink, more, "reason");
    sink.writeByte('{');
    boolean inner = false;
    if (reason.code() != null) {
      name(sink, false, "code");
      sink.writeDecimalLong(reason.code().longValue());
      inner = true;
    }
    stringMember(sink, inner, "description", reason.description());
    sink.writeByte('}');
    return true;
  }

  /** Writes a JSON string: quotes, and the escapes Moshi writes (controls, quote, backslash, U+2028/9). */
  private static void string(BufferedSink sink, String value) throws IOException {
    Encoder.string(sink, value);
  }

  /**
   * Reads one envelope: a command when it has a {@code method}, a notification when it has an
   * {@code event}, a message when it has a {@code type} or {@code content}.
   *
   * @param source the JSON
   * @return the envelope
   * @throws BlipProtocolException if the JSON is malformed or not an envelope
   */
  public static Envelope read(BufferedSource source) {
    return readEnvelope(source, null);
  }

  /**
   * Reads a successful response command and decodes its resource into {@code type} in the same pass, with the
   * SDK's one document reader ({@code internal.json.Decoders}): no copy of the resource's bytes; records'
   * {@code raw} documents are views of {@code body}, which must not change afterwards. Applies only to the common case, a command with status
   * {@code success} whose resource is a JSON object or array that decodes; for anything else (no resource,
   * another status, a value that does not decode, a {@code from}, {@code to} or {@code pp} that is not a node,
   * not a command) it returns {@code null} and the caller reads the same bytes again with {@link #readCommand}
   * and {@code requireResource().decode(type)}, which gives exactly the result, or the exception and message,
   * of that two-step path.
   *
   * <p>Only what decides that result is read: the method, the status, the resource, and {@code from},
   * {@code to} and {@code pp} (checked, as {@link Node#parse} would, but not built). The id, uri, type, reason
   * and metadata are skipped: the caller of the typed path never sees them, and reading them cannot fail on
   * well-formed JSON.
   *
   * @param body the response body
   * @param type the resource's type
   * @return the decoded resource, or {@code null} when the one-pass decode does not apply
   * @throws BlipProtocolException if the JSON is malformed or not an envelope
   */
  public static @Nullable Object readCommandResource(byte[] body, Class<?> type) {
    return Decoders.readCommandResource(body, type);
  }

  /**
   * Whether {@link #node} accepts {@code text} without an exception: blank (no node) or a node that
   * {@link Node#parse} builds. Checks the same rules without building the node or its parts.
   */
  public static boolean isNodeOrBlank(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    int length = text.length();
    int at = text.indexOf('@');
    int slash = text.indexOf('/', at < 0 ? 0 : at);
    int domainEnd = slash < 0 ? length : slash;
    if (at == 0 || domainEnd == at + 1) {
      return false; // empty name or empty domain
    }
    // name and domain: no '@' (but the separator), no '/', no white space
    for (int i = 0; i < domainEnd; i++) {
      char c = text.charAt(i);
      if ((c == '@' && i != at) || c == '/' || Character.isWhitespace(c)) {
        return false;
      }
    }
    // instance (may be empty): no '@', no white space; '/' allowed
    for (int i = slash < 0 ? length : slash + 1; i < length; i++) {
      char c = text.charAt(i);
      if (c == '@' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static Envelope readEnvelope(BufferedSource source, @Nullable CommandMethod requestMethod) {
    try {
      JsonReader r = JsonReader.of(source);
      if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new BlipProtocolException("expected a JSON object (a LIME envelope) but got " + r.peek());
      }
      String id = null;
      Node from = null;
      Node to = null;
      Node pp = null;
      String type = null;
      JsonDocument content = null;
      JsonDocument resource = null;
      String method = null;
      String uri = null;
      String status = null;
      String event = null;
      Reason reason = null;
      Map<String, @Nullable String> metadata = Map.of();
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(NAMES)) {
          case 0 -> id = scalar(r);
          case 1 -> from = node(r, "from");
          case 2 -> to = node(r, "to");
          case 3 -> pp = node(r, "pp");
          case 4 -> type = scalar(r);
          case 5 -> content = rawValue(r);
          case 6 -> resource = rawValue(r);
          case 7 -> method = scalar(r);
          case 8 -> uri = scalar(r);
          case 9 -> status = scalar(r);
          case 10 -> event = scalar(r);
          case 11 -> reason = reason(r);
          case 12 -> metadata = metadata(r);
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      r.endObject();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new BlipProtocolException("unexpected data after the envelope");
      }
      if (method != null || (requestMethod != null && status != null)) {
        // a response may carry only status and reason (some tenants answer failures so): it answers the request
        CommandStatus s = status == null ? null : CommandStatus.fromWire(status);
        return new Command(id, from, to, pp, method == null ? requestMethod : CommandMethod.fromWire(method), uri,
            type, resource, s, reason, metadata);
      }
      if (event != null) {
        return new Notification(id, from, to, pp, NotificationEvent.fromWire(event), event, reason, metadata);
      }
      if (type != null || content != null) {
        if (type == null) {
          throw new BlipProtocolException("message has content but no type");
        }
        return new Message(id, from, to, pp, type,
            content == null ? CoreBridge.NULL : content, metadata);
      }
      throw new BlipProtocolException(
          "not a LIME envelope: no method (command), event (notification) or type (message)");
    } catch (JsonEncodingException | JsonDataException e) {
      throw new BlipProtocolException("malformed JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BlipProtocolException("cannot read JSON: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // a value the envelope types refuse, such as an empty message type
      throw new BlipProtocolException("invalid envelope: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a response command.
   *
   * @param source the JSON
   * @return the command
   * @throws BlipProtocolException if the JSON is not a command
   */
  public static Command readCommand(BufferedSource source) {
    return readResponse(source, null);
  }

  /**
   * Reads the response to a command: as {@link #readCommand}, but a body with a {@code status} and no
   * {@code method} (a failure some tenants answer with only {@code status} and {@code reason}) is the response
   * to the request, with its method.
   *
   * @param source the JSON
   * @param requestMethod the request's method, or null to require a method
   * @return the command
   * @throws BlipProtocolException if the JSON is not a command
   */
  public static Command readResponse(BufferedSource source, @Nullable CommandMethod requestMethod) {
    Envelope e = readEnvelope(source, requestMethod);
    if (e instanceof Command c) {
      return c;
    }
    throw new BlipProtocolException("expected a command but got a " + e.getClass().getSimpleName());
  }

  private static @Nullable String scalar(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case NULL -> r.nextNull();
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> Boolean.toString(r.nextBoolean());
      default -> {
        r.skipValue();
        yield null;
      }
    };
  }

  private static @Nullable Node node(JsonReader r, String field) throws IOException {
    String text = scalar(r);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Node.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BlipProtocolException("envelope field '" + field + "' is not a node: " + e.getMessage(), e);
    }
  }

  private static JsonDocument rawValue(JsonReader r) throws IOException {
    try (BufferedSource s = r.nextSource()) {
      byte[] bytes = s.readByteArray();
      return CoreBridge.view(bytes, 0, bytes.length);
    }
  }

  private static @Nullable Reason reason(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return null;
    }
    Integer code = null;
    String description = "";
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(REASON_NAMES)) {
        case 0 -> {
          String c = scalar(r);
          if (c != null) {
            try {
              code = (int) Double.parseDouble(c);
            } catch (NumberFormatException e) {
              code = null;
            }
          }
        }
        case 1 -> {
          String d = scalar(r);
          description = d == null ? "" : d;
        }
        default -> {
          r.skipName();
          r.skipValue();
        }
      }
    }
    r.endObject();
    return new Reason(code, description);
  }

  private static Map<String, @Nullable String> metadata(JsonReader r) throws IOException {
    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
      r.skipValue();
      return Map.of();
    }
    Map<String, @Nullable String> out = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      String key = r.nextName();
      JsonReader.Token t = r.peek();
      if (t == JsonReader.Token.BEGIN_OBJECT || t == JsonReader.Token.BEGIN_ARRAY) {
        try (BufferedSource s = r.nextSource()) {
          out.put(key, s.readUtf8());
        }
      } else {
        out.put(key, scalar(r)); // a JSON null stays a null entry
      }
    }
    r.endObject();
    return out;
  }
}
