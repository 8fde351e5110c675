package dev.blipsdk.core.internal;

import dev.blipsdk.core.internal.bridge.CoreBridge;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** The SDK's one Moshi instance and generic-tree helpers. Moshi never appears in the public API. */
public final class Json {
  /** Shared, immutable and thread-safe. */
  public static final Moshi MOSHI = new Moshi.Builder().build();

  private static final JsonAdapter<Object> TREE = MOSHI.adapter(Object.class);

  private Json() {}

  /**
   * Parses JSON text into a generic tree.
   *
   * @param json the text
   * @return the tree
   * @throws BlipProtocolException if the text is not one well-formed JSON value
   */
  public static @Nullable Object parseTree(String json) {
    try (Buffer buffer = new Buffer().writeUtf8(json)) {
      return parseTree(buffer);
    }
  }

  /**
   * Parses UTF-8 JSON into a generic tree.
   *
   * @param source the JSON
   * @return the tree
   * @throws BlipProtocolException if the source is not one well-formed JSON value
   */
  public static @Nullable Object parseTree(BufferedSource source) {
    try {
      JsonReader reader = JsonReader.of(source);
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new BlipProtocolException("unexpected data after the JSON value");
      }
      return value;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new BlipProtocolException("malformed JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BlipProtocolException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Encodes a generic tree as compact JSON. Whole-number doubles are written without a fraction.
   *
   * @param tree the tree
   * @return the JSON text
   */
  public static String toJson(@Nullable Object tree) {
    try (Buffer buffer = new Buffer()) {
      JsonWriter writer = JsonWriter.of(buffer);
      writer.setSerializeNulls(false);
      writeTree(writer, tree);
      writer.flush();
      return buffer.readUtf8();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode JSON", e);
    }
  }

  /**
   * Writes a generic tree to a writer.
   *
   * @param writer the writer
   * @param tree the tree
   * @throws IOException from the writer
   */
  public static void writeTree(JsonWriter writer, @Nullable Object tree) throws IOException {
    if (tree == null) {
      writer.nullValue();
    } else if (tree instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        writer.name(String.valueOf(e.getKey()));
        writeTree(writer, e.getValue());
      }
      writer.endObject();
    } else if (tree instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        writeTree(writer, item);
      }
      writer.endArray();
    } else if (tree instanceof String s) {
      writer.value(s);
    } else if (tree instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (tree instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      writer.value(d.longValue());
    } else if (tree instanceof Float f && f == Math.rint(f) && !Float.isInfinite(f) && Math.abs(f) < 1e7) {
      writer.value(f.longValue());
    } else if (tree instanceof Number n) {
      writer.value(n);
    } else if (tree instanceof dev.blipsdk.core.envelope.JsonDocument doc) {
      try (okio.BufferedSink sink = writer.valueSink()) {
        CoreBridge.writeTo(doc, sink);
      }
    } else {
      TREE.toJson(writer, tree);
    }
  }

  /**
   * Names the kind of a tree node for error messages.
   *
   * @param value a tree node
   * @return "an object", "an array", "a string", ...
   */
  public static String kind(@Nullable Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return value.getClass().getSimpleName();
  }
}
