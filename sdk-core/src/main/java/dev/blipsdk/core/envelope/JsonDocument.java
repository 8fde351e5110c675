package dev.blipsdk.core.envelope;

import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.json.Decoders;
import dev.blipsdk.core.internal.json.Encoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value exactly as it travelled: the {@code resource} of a command, the {@code content} of a
 * message, or any document. The raw text always stays reachable through {@link #json()}, so nothing the
 * SDK does not model is lost.
 *
 * <p>Read it the way that suits you: as a generic tree ({@link #tree()}, {@link #asMap()}), member by member
 * ({@link #fields()}, {@link #member(String)}), as text ({@link #asString()} for a JSON string), or decoded into
 * your own record ({@link #decode(Class)}). Decoding is the SDK's one reader, the same one its WhatsApp and Desk
 * modules use for Blip's documents, with the same tolerance:
 * <ul>
 *   <li>names match record components without regard to case (Blip writes both {@code Priority} and
 *       {@code priority}); when a document has both, the exact case wins; unknown members are skipped;
 *   <li>a {@code JsonDocument} component named {@code raw} receives the whole object as it came, so every
 *       field Blip sent stays one call away ({@code ticket.raw().member("customerDomain")}); a {@code String}
 *       component named {@code raw} + an enum component's capitalised name ({@code rawStatus} next to
 *       {@code status}) receives that member's text as sent;
 *   <li>numbers and booleans sent as strings are converted, and numbers sent where a {@code String} is expected
 *       keep their text as written; whole numbers are exact up to {@code Long.MAX_VALUE};
 *   <li>{@code ""} stays {@code ""} in a {@code String}; a blank value reads as absent only for numbers,
 *       booleans, dates, durations, identities and nodes;
 *   <li>unknown enum values map to a constant named {@code UNKNOWN} when the enum has one (an enum with a
 *       {@code public static E fromWire(String)} decides for itself);
 *   <li>dates as ISO-8601 with or without offset, or epoch milliseconds or seconds, as numbers or strings;
 *       durations as .NET TimeSpans ({@code 1.02:03:04.5000000}), ISO-8601 or seconds;
 *   <li>{@code Identity}, {@code Node}, {@code Message}, {@code Notification}, {@code Command}, {@code Optional},
 *       {@code List}, {@code Set}, {@code Map<String, V>} (a JSON {@code null} value stays a null entry), nested
 *       records, {@code JsonDocument} components (the member's JSON) and {@code Object} components (a tree);
 *   <li>a missing or null member takes its type's default: 0, false, an empty collection, {@code UNKNOWN},
 *       else null. To tell a missing list from an empty one, ask {@link #member(String)} of the raw document.
 * </ul>
 *
 * <pre>{@code
 * record Account(String fullName, String alternativeAccount, JsonDocument raw) {}
 * Account account = client.execute(command, Account.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints only the size, never the content: documents
 * carry personal data.
 */
public final class JsonDocument {
  /** The JSON {@code null} document. */
  static final JsonDocument NULL = new JsonDocument("null");

  /** The text, when the document was made from text (else made from the bytes on demand). */
  private volatile @Nullable String text;
  /** The UTF-8 bytes hold the document in {@code [offset, offset + length)}; null until needed for text. */
  private volatile byte @Nullable [] bytes;
  private final int offset;
  private final int length;

  private JsonDocument(String json) {
    this.text = json;
    this.bytes = null;
    this.offset = 0;
    this.length = -1;
  }

  private JsonDocument(byte[] bytes, int offset, int length) {
    this.text = null;
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  /**
   * Wraps JSON text after checking that it is one well-formed JSON value.
   *
   * @param json the JSON text
   * @return the document
   * @throws IllegalArgumentException if the text is not well-formed JSON
   */
  public static JsonDocument parse(String json) {
    Objects.requireNonNull(json, "json");
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    try {
      Decoders.check(utf8, 0, utf8.length);
    } catch (BlipProtocolException e) {
      throw new IllegalArgumentException("not well-formed JSON: " + e.getMessage(), e);
    }
    JsonDocument doc = new JsonDocument(utf8, 0, utf8.length);
    doc.text = json;
    return doc;
  }

  /**
   * Wraps JSON text the SDK already knows to be well-formed. Not for users: use {@link #parse(String)}.
   *
   * @param json well-formed JSON text
   * @return the document
   */
  static JsonDocument trusted(String json) {
    return new JsonDocument(json);
  }

  /**
   * Wraps a range of UTF-8 bytes the SDK already knows to be well-formed JSON, without a copy: the bytes must
   * never change afterwards.
   *
   * @param utf8 the bytes
   * @param offset where the document starts
   * @param length its length
   * @return the document
   */
  static JsonDocument view(byte[] utf8, int offset, int length) {
    return new JsonDocument(utf8, offset, length);
  }

  /**
   * Writes the JSON to a sink, as bytes when the document holds bytes.
   *
   * @param sink where to write
   * @throws IOException from the sink
   */
  void writeTo(BufferedSink sink) throws IOException {
    byte[] b = bytes;
    if (b != null) {
      sink.write(b, offset, length());
    } else {
      sink.writeUtf8(json());
    }
  }

  /** The UTF-8 bytes, made from the text (once) when the document was made from text. */
  private byte[] utf8() {
    byte[] b = bytes;
    if (b == null) {
      b = Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8);
      bytes = b;
    }
    return b;
  }

  private int length() {
    return length >= 0 ? length : utf8().length;
  }

  /**
   * Encodes a value as JSON: a {@link Map} (a {@code null} value written as {@code null}), a {@link List} or
   * other collection, a {@link String}, {@link Number}, {@link Boolean}, {@code null}, an {@link Optional},
   * another {@link JsonDocument}, an envelope ({@link Message}, {@link Notification}, {@link Command}: its LIME
   * JSON, as sent), an {@link Identity} or {@link Node} (its wire text), an enum (its
   * {@code wireValue()} when it has one, else its name), a date or duration (ISO-8601) or a record (its
   * components by name, {@code null} components left out; a decoded record's {@code raw} document contributes
   * the members it did not model, so writing it back loses nothing).
   *
   * <p>Anything else is refused: Jackson trees ({@code JsonNode}) are <b>not</b> supported and are refused like
   * any other foreign object, never written as something else; pass {@code JsonDocument.parse(node.toString())}.
   *
   * @param value the value to encode
   * @return the document
   * @throws dev.blipsdk.core.exception.BlipValidationException if the value holds something that cannot be
   *     encoded; its {@code field()} is the JSON path and the message names the type
   */
  public static JsonDocument of(@Nullable Object value) {
    if (value instanceof JsonDocument doc) {
      return doc;
    }
    byte[] utf8 = Encoder.encode(value);
    return new JsonDocument(utf8, 0, utf8.length);
  }

  /**
   * A JSON string value, as the resource of a {@code text/plain} command or the content of a text
   * message.
   *
   * @param text the text
   * @return the document holding the JSON string
   */
  public static JsonDocument text(String text) {
    Objects.requireNonNull(text, "text");
    return of(text);
  }

  /**
   * The raw JSON text.
   *
   * @return the JSON text, exactly as received or encoded
   */
  public String json() {
    String t = text;
    if (t == null) {
      t = new String(Objects.requireNonNull(bytes), offset, length, StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  /**
   * Parses the JSON into a generic tree: {@code Map<String,Object>} (JSON nulls kept), {@code List<Object>},
   * {@code String}, {@code Double}, {@code Boolean} or {@code null}.
   *
   * @return the tree
   */
  public @Nullable Object tree() {
    return Decoders.tree(utf8(), offset, length());
  }

  /**
   * Whether this document is a JSON string.
   *
   * @return true for a JSON string value
   */
  public boolean isString() {
    return firstByte() == '"';
  }

  /**
   * Whether this document is a JSON object.
   *
   * @return true for a JSON object
   */
  public boolean isObject() {
    return firstByte() == '{';
  }

  /**
   * Whether this document is the JSON {@code null}.
   *
   * @return true for {@code null}
   */
  public boolean isNull() {
    return firstByte() == 'n';
  }

  /** The first byte that is not white space, or 0 for an empty document. */
  private int firstByte() {
    byte[] b = utf8();
    int stop = offset + length();
    for (int i = offset; i < stop; i++) {
      int c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c;
      }
    }
    return 0;
  }

  /**
   * The value of a JSON string document.
   *
   * @return the string
   * @throws BlipProtocolException if the document is not a JSON string
   */
  public String asString() {
    if (!isString()) {
      throw new BlipProtocolException("expected a JSON string but got " + kind());
    }
    return decode(String.class);
  }

  private String kind() {
    return Decoders.kind(utf8(), offset, length());
  }

  /**
   * The document as a JSON object tree.
   *
   * @return the object's members, in order
   * @throws BlipProtocolException if the document is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    Object tree = tree();
    if (tree instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new BlipProtocolException("expected a JSON object but got " + kind());
  }

  /**
   * The members of a JSON object document, in order, each value as its own document (a JSON {@code null}
   * value is the {@code null} document, so a member sent as {@code null} is told apart from a missing one).
   * For a name that appears twice, the first wins.
   *
   * @return the members, unmodifiable
   * @throws BlipProtocolException if the document is not a JSON object
   */
  public Map<String, JsonDocument> fields() {
    return Decoders.members(utf8(), offset, length());
  }

  /**
   * One member of a JSON object document, found as decoding finds it: the exact name first, else the first
   * member named so without regard to case.
   *
   * @param name the member's name
   * @return the member's value (the {@code null} document for a JSON null), or empty when there is no such
   *     member or this document is not an object
   */
  public Optional<JsonDocument> member(String name) {
    Objects.requireNonNull(name, "name");
    if (!isObject()) {
      return Optional.empty();
    }
    Map<String, JsonDocument> all = fields();
    JsonDocument exact = all.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, JsonDocument> e : all.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Decodes the document into a record, or into any type the rules in the class description name. Every
   * record of this SDK that mirrors a Blip document decodes this way, wherever the document is found (a
   * {@code Ticket} inside a message, a thread item or a webhook, for example).
   *
   * @param type the target type
   * @param <T> the target type
   * @return the decoded value
   * @throws BlipProtocolException if the JSON does not have the shape the type needs; the message names
   *     the path
   */
  public <T> T decode(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return Decoders.decode(utf8(), offset, length(), type);
  }

  /**
   * Reads the document as a LIME document collection ({@code {"total":..,"itemType":..,"items":[..]}}).
   * Tolerates a missing {@code total}, a missing {@code itemType} and, for Blip endpoints that pass
   * other shapes through, an {@code items} list under {@code data} or {@code documents}, or a bare array.
   *
   * @return the collection, each item kept as a document
   * @throws BlipProtocolException if no list of items can be found
   */
  public DocumentCollection<JsonDocument> asCollection() {
    return asCollection(JsonDocument.class);
  }

  /**
   * Reads the document as a LIME document collection, decoding each item into {@code itemType} in the same
   * pass (the rules of {@link #decode(Class)}; a JSON {@code null} item is left out). Same shapes as
   * {@link #asCollection()}.
   *
   * @param itemType the type of the items
   * @param <T> the type of the items
   * @return the collection
   * @throws BlipProtocolException if no list of items can be found or an item does not decode (the message
   *     names the path)
   */
  @SuppressWarnings("unchecked")
  public <T> DocumentCollection<T> asCollection(Class<T> itemType) {
    Objects.requireNonNull(itemType, "itemType");
    Object[] parts = Decoders.collection(utf8(), offset, length(), itemType);
    return new DocumentCollection<>((Long) parts[0], (String) parts[1], (List<T>) parts[2]);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JsonDocument other && other.json().equals(json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  /** Returns the document's size only; the content may hold personal data. */
  @Override
  public String toString() {
    return "JsonDocument[" + json().length() + " chars]";
  }
}
