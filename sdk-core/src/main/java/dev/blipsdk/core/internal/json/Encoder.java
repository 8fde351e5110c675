package dev.blipsdk.core.internal.json;

import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.internal.EnvelopeCodec;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Writes Java values as compact JSON, straight to bytes (no intermediate tree). What it writes:
 * <ul>
 *   <li>{@code null} and {@code Optional.empty()} as {@code null} (left out as record components);
 *   <li>{@link String}, {@link Boolean}, the JDK's integer types, {@link BigDecimal}, {@link BigInteger}, and
 *       doubles and floats (whole values below 10^15 without a fraction; NaN and infinities refused);
 *   <li>{@link JsonDocument}s as they are; envelopes ({@code Message}, {@code Notification}, {@code Command}) as
 *       their LIME JSON; {@link Identity} and {@link Node} as their wire text; enums by their
 *       {@code public String wireValue()} when they have one, else by name; {@link Instant},
 *       {@link OffsetDateTime}, {@link LocalDate} and {@link Duration} in ISO-8601;
 *   <li>{@link Map}s (keys as text, a {@code null} value as {@code null}), {@link Collection}s and object arrays;
 *   <li>records by component name, null components left out. A {@code JsonDocument raw} component is not
 *       written as a member: the members of that document that no other component names (without regard to
 *       case) are written first, as they came, so a decoded record written back keeps what it did not model.
 *       A {@code String raw<Name>} component is written only in place of an enum {@code name} that is
 *       {@code UNKNOWN}.
 * </ul>
 * Anything else is refused with a {@link BlipValidationException} naming the type and the path: a foreign
 * object (a Jackson {@code JsonNode}, a POJO) is never written as something it is not.
 */
public final class Encoder {
  private static final int MAX_DEPTH = 255;
  private static final String[] ESCAPES = new String[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = String.format(Locale.ROOT, "\\u%04x", c);
    }
    ESCAPES['"'] = "\\\"";
    ESCAPES['\\'] = "\\\\";
    ESCAPES['\t'] = "\\t";
    ESCAPES['\b'] = "\\b";
    ESCAPES['\n'] = "\\n";
    ESCAPES['\r'] = "\\r";
    ESCAPES['\f'] = "\\f";
  }

  private Encoder() {}

  /**
   * Encodes a value.
   *
   * @param value the value
   * @return the UTF-8 JSON
   * @throws BlipValidationException if the value holds something that cannot be written, naming its type
   */
  public static byte[] encode(@Nullable Object value) {
    try (Buffer buffer = new Buffer()) {
      write(buffer, value, 0);
      return buffer.readByteArray();
    } catch (Refused r) {
      throw r.toException();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON to memory", e);
    }
  }

  /** A refusal on its way up: each level adds its path segment; the message is made once, at the top. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final String why;
    private final java.util.ArrayList<Object> segments = new java.util.ArrayList<>(4);

    Refused(@Nullable Object value, String why) {
      super(why, null, false, false);
      this.type = value == null ? "null" : value.getClass().getName();
      this.why = why;
    }

    Refused at(Object segment) {
      segments.add(segment);
      return this;
    }

    BlipValidationException toException() {
      StringBuilder path = new StringBuilder("$");
      for (int i = segments.size() - 1; i >= 0; i--) {
        Object s = segments.get(i);
        if (s instanceof Integer index) {
          path.append('[').append(index).append(']');
        } else {
          path.append('.').append(s);
        }
      }
      return new BlipValidationException(path.toString(), "must be JSON-encodable",
          "cannot encode " + type + " at " + path + " as JSON: it " + why);
    }
  }

  private static void write(BufferedSink sink, @Nullable Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new Refused(value, "nests deeper than " + MAX_DEPTH + " levels (a cycle?)");
    }
    if (value == null) {
      sink.writeUtf8("null");
    } else if (value instanceof String s) {
      string(sink, s);
    } else if (value instanceof Boolean b) {
      sink.writeUtf8(b ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      sink.writeDecimalLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new Refused(value, "is " + d + ", which JSON cannot hold");
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sink.writeDecimalLong((long) d);
      } else {
        sink.writeUtf8(value instanceof Float f ? Float.toString(f) : Double.toString(d));
      }
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      sink.writeUtf8(value.toString());
    } else if (value instanceof JsonDocument doc) {
      CoreBridge.writeTo(doc, sink);
    } else if (value instanceof Envelope envelope) {
      EnvelopeCodec.write(envelope, sink);
    } else if (value instanceof Identity id) {
      string(sink, id.value());
    } else if (value instanceof Node node) {
      string(sink, node.value());
    } else if (value instanceof Enum<?> e) {
      string(sink, wireValue(e));
    } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof LocalDate
        || value instanceof Duration) {
      string(sink, value.toString());
    } else if (value instanceof Optional<?> o) {
      write(sink, o.orElse(null), depth);
    } else if (value instanceof Map<?, ?> map) {
      sink.writeByte('{');
      boolean more = false;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        more = name(sink, more, key);
        try {
          write(sink, e.getValue(), depth + 1);
        } catch (Refused r) {
          throw r.at(key);
        }
      }
      sink.writeByte('}');
    } else if (value instanceof Collection<?> items) {
      array(sink, items, depth);
    } else if (value instanceof Object[] items) {
      array(sink, java.util.Arrays.asList(items), depth);
    } else if (value instanceof Record r) {
      record(sink, r, depth);
    } else {
      throw new Refused(value, "is not a type JSON can be written from: pass a Map, List, record, String,"
          + " Number, Boolean, Optional or JsonDocument (for a Jackson tree, JsonDocument.parse(node.toString()))");
    }
  }

  private static void array(BufferedSink sink, Collection<?> items, int depth) throws IOException {
    sink.writeByte('[');
    int i = 0;
    for (Object item : items) {
      if (i > 0) {
        sink.writeByte(',');
      }
      try {
        write(sink, item, depth + 1);
      } catch (Refused r) {
        throw r.at(i);
      }
      i++;
    }
    sink.writeByte(']');
  }

  private static String wireValue(Enum<?> e) {
    Method m = WIRE_VALUE.get(e.getDeclaringClass());
    if (m != null) {
      try {
        Object v = m.invoke(e);
        if (v instanceof String s) {
          return s;
        }
      } catch (ReflectiveOperationException | RuntimeException ex) {
        return e.name();
      }
    }
    return e.name();
  }

  private static final ClassValue<@Nullable Method> WIRE_VALUE = new ClassValue<>() {
    @Override
    protected @Nullable Method computeValue(Class<?> type) {
      try {
        Method m = type.getMethod("wireValue");
        return m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers()) ? m : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  };

  /** A record's components, and what the writer needs to know about them. */
  private record Shape(RecordComponent[] components, Method[] accessors, int rawIndex, int[] textIndex,
      boolean[] isText, Set<String> lowerNames) {}

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      int n = components.length;
      Method[] accessors = new Method[n];
      int rawIndex = -1;
      int[] textIndex = new int[n];
      Set<String> lower = new HashSet<>();
      Map<String, Integer> byName = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        accessors[i] = components[i].getAccessor();
        if (!Modifier.isPublic(type.getModifiers())) {
          accessors[i].setAccessible(true);
        }
        byName.put(components[i].getName(), i);
        textIndex[i] = -1;
      }
      for (int i = 0; i < n; i++) {
        String name = components[i].getName();
        if (name.equals("raw") && components[i].getType() == JsonDocument.class) {
          rawIndex = i;
          continue;
        }
        if (components[i].getType().isEnum()) {
          Integer t = byName.get("raw" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
          if (t != null && components[t].getType() == String.class) {
            textIndex[i] = t;
          }
        }
        lower.add(name.toLowerCase(Locale.ROOT));
      }
      boolean[] isText = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (textIndex[i] >= 0) {
          isText[textIndex[i]] = true;
          lower.remove(components[textIndex[i]].getName().toLowerCase(Locale.ROOT));
        }
      }
      return new Shape(components, accessors, rawIndex, textIndex, isText, Set.copyOf(lower));
    }
  };

  private static void record(BufferedSink sink, Record r, int depth) throws IOException {
    Shape shape = SHAPES.get(r.getClass());
    Object[] values = new Object[shape.components.length];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = shape.accessors[i].invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + shape.components[i].getName() + " of "
            + r.getClass().getName(), e);
      }
    }
    sink.writeByte('{');
    boolean more = false;
    if (shape.rawIndex >= 0 && values[shape.rawIndex] instanceof JsonDocument raw && raw.isObject()) {
      for (Map.Entry<String, JsonDocument> e : raw.fields().entrySet()) {
        if (!shape.lowerNames.contains(e.getKey().toLowerCase(Locale.ROOT))) {
          more = name(sink, more, e.getKey());
          CoreBridge.writeTo(e.getValue(), sink);
        }
      }
    }
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (i == shape.rawIndex || shape.isText[i] || v == null || (v instanceof Optional<?> o && o.isEmpty())) {
        continue;
      }
      int t = shape.textIndex[i];
      if (t >= 0 && ((Enum<?>) v).name().equals("UNKNOWN") && values[t] instanceof String text) {
        v = text;
      }
      String name = shape.components[i].getName();
      more = name(sink, more, name);
      try {
        write(sink, v, depth + 1);
      } catch (Refused ex) {
        throw ex.at(name);
      }
    }
    sink.writeByte('}');
  }

  /** Writes {@code ,"name":} (no comma before the first member); returns true. */
  private static boolean name(BufferedSink sink, boolean more, String name) throws IOException {
    if (more) {
      sink.writeByte(',');
    }
    string(sink, name);
    sink.writeByte(':');
    return true;
  }

  /**
   * Writes a JSON string with the escapes Moshi's writer uses (controls, quote, backslash, U+2028 and U+2029),
   * so the SDK's bytes stay what they were.
   *
   * @param sink where to write
   * @param value the text
   * @throws IOException from the sink
   */
  public static void string(BufferedSink sink, String value) throws IOException {
    sink.writeByte('"');
    int last = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      String escape;
      if (c < 128) {
        escape = ESCAPES[c];
        if (escape == null) {
          continue;
        }
      } else if (c == '\u2028') {
        escape = "\\u2028";
      } else if (c == '\u2029') {
        escape = "\\u2029";
      } else {
        continue;
      }
      if (last < i) {
        sink.writeUtf8(value, last, i);
      }
      sink.writeUtf8(escape);
      last = i + 1;
    }
    if (last < length) {
      sink.writeUtf8(value, last, length);
    }
    sink.writeByte('"');
  }
}
