package dev.blipsdk.core.envelope;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.Json;
import dev.blipsdk.core.internal.RecordCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value exactly as it travelled: the {@code resource} of a command, the {@code content} of a
 * message, or any document. The raw text always stays reachable through {@link #json()}, so nothing the
 * SDK does not model is lost.
 *
 * <p>Read it the way that suits you: as a generic tree ({@link #tree()}, {@link #asMap()}), as text
 * ({@link #asString()} for a JSON string), or decoded into your own record ({@link #decode(Class)}).
 * Decoding is tolerant: unknown fields are ignored, names match without regard to case (Blip writes
 * both {@code Priority} and {@code priority}), numbers and booleans sent as strings are converted, and
 * unknown enum values map to a constant named {@code UNKNOWN} when the enum has one.
 *
 * <pre>{@code
 * record Account(String fullName, String alternativeAccount) {}
 * Command response = client.execute(command);
 * Account account = response.resource().decode(Account.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints only the size, never the content: documents
 * carry personal data.
 */
public final class JsonDocument {
  /** The text, when the document was made from text; else null and {@link #utf8} holds it. */
  private final @Nullable String text;
  /**
   * The UTF-8 bytes, when the document was read off the wire: kept as bytes so that decoding does not turn
   * them into a string and back; {@link ByteString#utf8()} makes (and caches) the text if it is asked for.
   */
  private final @Nullable ByteString utf8;

  private JsonDocument(String json) {
    this.text = json;
    this.utf8 = null;
  }

  private JsonDocument(ByteString utf8) {
    this.text = null;
    this.utf8 = utf8;
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
    try {
      Json.parseTree(json);
    } catch (BlipProtocolException e) {
      throw new IllegalArgumentException("not well-formed JSON: " + e.getMessage(), e);
    }
    return new JsonDocument(json);
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
   * Wraps UTF-8 JSON the SDK already knows to be well-formed (captured by a JSON reader).
   *
   * @param utf8 well-formed UTF-8 JSON
   * @return the document
   */
  static JsonDocument trustedUtf8(ByteString utf8) {
    return new JsonDocument(utf8);
  }

  /**
   * Writes the JSON to a sink, as bytes when the document holds bytes.
   *
   * @param sink where to write
   * @throws IOException from the sink
   */
  void writeTo(BufferedSink sink) throws IOException {
    if (utf8 != null) {
      sink.write(utf8);
    } else {
      sink.writeUtf8(json());
    }
  }

  /** A fresh buffer holding the JSON, to read it with a streaming reader. */
  private Buffer buffer() {
    return utf8 != null ? new Buffer().write(utf8) : new Buffer().writeUtf8(json());
  }

  /**
   * Encodes a value as JSON: a {@link Map}, {@link List}, {@link String}, {@link Number},
   * {@link Boolean}, {@code null}, another {@link JsonDocument}, an enum (its name) or a record (its
   * components by name, {@code null} components left out).
   *
   * @param value the value to encode
   * @return the document
   * @throws IllegalArgumentException if the value holds something that cannot be encoded
   */
  public static JsonDocument of(@Nullable Object value) {
    if (value instanceof JsonDocument doc) {
      return doc;
    }
    return new JsonDocument(Json.toJson(RecordCodec.toTree(value)));
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
    return new JsonDocument(Json.toJson(text));
  }

  /**
   * The raw JSON text.
   *
   * @return the JSON text, exactly as received or encoded
   */
  public String json() {
    return text != null ? text : Objects.requireNonNull(utf8).utf8();
  }

  /**
   * Parses the JSON into a generic tree: {@code Map<String,Object>}, {@code List<Object>},
   * {@code String}, {@code Double}, {@code Boolean} or {@code null}.
   *
   * @return the tree
   */
  public @Nullable Object tree() {
    return text != null ? Json.parseTree(text) : Json.parseTree(buffer());
  }

  /**
   * Whether this document is a JSON string.
   *
   * @return true for a JSON string value
   */
  public boolean isString() {
    return firstChar() == '"';
  }

  /**
   * Whether this document is a JSON object.
   *
   * @return true for a JSON object
   */
  public boolean isObject() {
    return firstChar() == '{';
  }

  /** The first character that is not white space, or 0 for an empty document. */
  private char firstChar() {
    if (utf8 != null) {
      for (int i = 0; i < utf8.size(); i++) {
        char c = (char) (utf8.getByte(i) & 0xff);
        if (!Character.isWhitespace(c)) {
          return c;
        }
      }
      return 0;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
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
    Object tree = tree();
    if (tree instanceof String s) {
      return s;
    }
    throw new BlipProtocolException("expected a JSON string but got " + Json.kind(tree));
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
    throw new BlipProtocolException("expected a JSON object but got " + Json.kind(tree));
  }

  /**
   * Decodes the document into a record (or {@code String}, boxed primitive, {@code Map}, {@code List},
   * {@code JsonDocument}) of the given type. Names match record components without regard to case.
   *
   * @param type the target type
   * @param <T> the target type
   * @return the decoded value
   * @throws BlipProtocolException if the JSON does not have the shape the type needs; the message names
   *     the path
   */
  public <T> T decode(Class<T> type) {
    try (Buffer buffer = buffer()) {
      return RecordCodec.decode(buffer, type);
    }
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
    // Streams the collection once and keeps each item as its raw JSON text: no tree of the whole page, no
    // re-encoding of every item. Items are parsed only when (and as) the caller decodes them.
    try (Buffer buffer = buffer()) {
      JsonReader r = JsonReader.of(buffer);
      JsonReader.Token token = r.peek();
      if (token == JsonReader.Token.BEGIN_ARRAY) {
        return new DocumentCollection<>(null, null, rawItems(r));
      }
      if (token != JsonReader.Token.BEGIN_OBJECT) {
        throw new BlipProtocolException("expected a collection but got " + Json.kind(tree()));
      }
      List<JsonDocument> items = null;
      List<JsonDocument> data = null;
      List<JsonDocument> documents = null;
      Long total = null;
      String itemType = null;
      r.beginObject();
      while (r.hasNext()) {
        int name = r.selectName(COLLECTION_NAMES);
        switch (name) {
          case 0, 1, 2 -> {
            JsonReader.Token t = r.peek();
            if (t == JsonReader.Token.NULL) {
              r.nextNull();
            } else if (t != JsonReader.Token.BEGIN_ARRAY) {
              throw new BlipProtocolException("collection items is " + Json.kind(r.readJsonValue())
                  + ", not an array");
            } else if (name == 0) {
              items = rawItems(r);
            } else if (name == 1) {
              data = rawItems(r);
            } else {
              documents = rawItems(r);
            }
          }
          case 3 -> total = total(r);
          case 4 -> {
            if (r.peek() == JsonReader.Token.STRING) {
              itemType = r.nextString();
            } else {
              r.skipValue();
            }
          }
          default -> {
            r.skipName();
            r.skipValue();
          }
        }
      }
      List<JsonDocument> found = items != null ? items : data != null ? data : documents;
      return new DocumentCollection<>(total, itemType, found == null ? List.of() : found);
    } catch (JsonDataException | IOException e) {
      throw new BlipProtocolException("cannot read the collection: " + e.getMessage(), e);
    }
  }

  private static final JsonReader.Options COLLECTION_NAMES =
      JsonReader.Options.of("items", "data", "documents", "total", "itemType");

  private static List<JsonDocument> rawItems(JsonReader r) throws IOException {
    List<JsonDocument> docs = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      try (BufferedSource s = r.nextSource()) {
        docs.add(new JsonDocument(s.readByteString()));
      }
    }
    r.endArray();
    return docs;
  }

  private static @Nullable Long total(JsonReader r) throws IOException {
    switch (r.peek()) {
      case NUMBER -> {
        return (long) r.nextDouble();
      }
      case STRING -> {
        String s = r.nextString();
        if (s.isBlank()) {
          return null;
        }
        try {
          return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      default -> {
        r.skipValue();
        return null;
      }
    }
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
