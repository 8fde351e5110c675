package dev.blipsdk.core.internal;

import dev.blipsdk.core.internal.bridge.CoreBridge;
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
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Writes LIME envelopes as JSON without intermediate trees (the hot path of every call), and the typed
 * one-pass read of a command's resource. Envelopes are read by the one reader,
 * {@link dev.blipsdk.core.internal.json.EnvelopeReader}.
 */
public final class EnvelopeCodec {
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
   * Reads a successful response command and decodes its resource into {@code type} in the same pass, with the
   * SDK's one document reader ({@code internal.json.Decoders}): no copy of the resource's bytes; records'
   * {@code raw} documents are views of {@code body}, which must not change afterwards. Applies only to the common case, a command with status
   * {@code success} whose resource is a JSON object or array that decodes; for anything else (no resource,
   * another status, a value that does not decode, a {@code from}, {@code to} or {@code pp} that is not a node,
   * not a command) it returns {@code null} and the caller reads the same bytes again with
   * {@link dev.blipsdk.core.internal.json.EnvelopeReader#readResponse}
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
   * Whether an envelope's node field accepts {@code text} without an exception: blank (no node) or a node that
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
}
