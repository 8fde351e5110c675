package dev.blipsdk.core.internal.json;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.CommandStatus;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.EnvelopeCodec;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes JSON documents into Java types with Blip's tolerance rules, in one pass over the bytes and with one
 * decoder per target type, built once and cached. The rules (the contract of
 * {@link JsonDocument#decode(Class)}):
 * <ul>
 *   <li>names match record components without regard to case; an exact-case match wins over another case,
 *       else the first member wins; unknown members are skipped (and kept in the {@code raw} component);
 *   <li>a {@code JsonDocument} component named {@code raw} receives the whole object as it came; a
 *       {@code String} component named {@code raw} + a capitalised enum component's name ({@code rawStatus}
 *       for {@code status}) receives that member's wire text;
 *   <li>numbers and booleans sent as strings are read, and numbers and booleans are read into strings (a
 *       number's text as written); whole numbers are exact up to {@code Long.MAX_VALUE} (never through a
 *       double); a blank string reads as absent for a number, boolean, date, duration, identity or node, and
 *       as itself ({@code ""}) for a {@code String};
 *   <li>enums match their constants without regard to case, {@code _}, {@code -} and spaces, or through the
 *       enum's own {@code public static E fromWire(String)} when it has one; anything else reads as a
 *       constant named {@code UNKNOWN} (or null without one);
 *   <li>{@link Instant}, {@link Duration} ({@link TimeFormats}), {@link OffsetDateTime}, {@link LocalDate},
 *       {@link Identity}, {@link Node}, the envelope types, {@code BigDecimal}, {@code BigInteger},
 *       {@code Optional}, {@code List}, {@code Set}, {@code Collection}, {@code Map<String, V>} (a JSON
 *       {@code null} value is kept as a null entry), nested records, {@link JsonDocument} components holding
 *       the member's JSON, and {@code Object} components holding a generic tree;
 *   <li>missing or null members take defaults: 0, false, empty collections, {@code Optional.empty()},
 *       {@code UNKNOWN}, the JSON {@code null} document, else null;
 *   <li>a shape mismatch is a {@link BlipProtocolException} naming the JSON path.
 * </ul>
 */
public final class Decoders {
  private static final ConcurrentHashMap<Type, Decoder> DECODERS = new ConcurrentHashMap<>();

  private Decoders() {}

  /**
   * Decodes a whole document.
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @param type the target type
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on malformed JSON or a shape mismatch, naming the path
   */
  public static <T> T decode(byte[] bytes, int offset, int length, Class<T> type) {
    Decoder decoder = decoderFor(type);
    JsonCursor c = new JsonCursor(bytes, offset, length);
    Object value;
    try {
      value = decoder.readNullable(c);
      c.expectEnd();
    } catch (Failure f) {
      throw f.toException();
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException(e.getMessage(), e);
    }
    if (value == null) {
      throw new BlipProtocolException("expected " + type.getSimpleName() + " at $ but got null");
    }
    @SuppressWarnings("unchecked")
    T result = (T) box(type).cast(value);
    return result;
  }

  /**
   * Reads a generic tree: {@code Map<String, Object>} (in order, JSON nulls kept), {@code List<Object>},
   * {@code String}, {@code Double}, {@code Boolean} or {@code null}.
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @return the tree
   * @throws BlipProtocolException on malformed JSON
   */
  public static @Nullable Object tree(byte[] bytes, int offset, int length) {
    JsonCursor c = new JsonCursor(bytes, offset, length);
    try {
      Object value = TREE.readNullable(c);
      c.expectEnd();
      return value;
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException(e.getMessage(), e);
    }
  }

  /**
   * Checks that the bytes hold exactly one well-formed JSON value.
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @throws BlipProtocolException if they do not, saying where
   */
  public static void check(byte[] bytes, int offset, int length) {
    JsonCursor c = new JsonCursor(bytes, offset, length);
    try {
      c.skipValue();
      c.expectEnd();
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException(e.getMessage(), e);
    }
  }

  /**
   * The members of a JSON object, in order, each value a view of the same bytes; for a repeated name the
   * first wins.
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @return the members, unmodifiable
   * @throws BlipProtocolException if the document is not a JSON object
   */
  public static Map<String, JsonDocument> members(byte[] bytes, int offset, int length) {
    JsonCursor c = new JsonCursor(bytes, offset, length);
    try {
      int k = c.peek();
      if (k != JsonCursor.OBJECT) {
        throw new BlipProtocolException("expected a JSON object but got " + kindName(k));
      }
      Map<String, JsonDocument> out = new LinkedHashMap<>();
      c.beginObject();
      boolean first = true;
      while (c.hasNextMember(first)) {
        first = false;
        String name = c.nextName();
        Object value = DOCUMENT.read(c);
        out.putIfAbsent(name, (JsonDocument) value);
      }
      c.expectEnd();
      return Collections.unmodifiableMap(out);
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException(e.getMessage(), e);
    }
  }

  /**
   * The kind of a document's value, for messages: "an object", "an array", "a string", "a number",
   * "a boolean" or "null".
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @return the kind
   */
  public static String kind(byte[] bytes, int offset, int length) {
    try {
      return kindName(new JsonCursor(bytes, offset, length).peek());
    } catch (JsonCursor.Malformed e) {
      return "not JSON";
    }
  }

  /**
   * Reads a LIME document collection's items in one pass, each item decoded into {@code itemType} (or kept
   * as a {@link JsonDocument} view when {@code itemType} is {@code JsonDocument}): the items of
   * {@code items}, {@code data} or {@code documents} (the first present, in that order), or of a bare array;
   * {@code total} as a number or numeric string, {@code itemType} when it is a string.
   *
   * @param bytes UTF-8 JSON
   * @param offset where the document starts
   * @param length its length in bytes
   * @param itemType the item type
   * @param <T> the item type
   * @return total, item type and the items, in this order
   * @throws BlipProtocolException on malformed JSON, a shape mismatch, or no list of items
   */
  public static <T> Object[] collection(byte[] bytes, int offset, int length, Class<T> itemType) {
    Decoder element = decoderFor(itemType);
    JsonCursor c = new JsonCursor(bytes, offset, length);
    try {
      int kind = c.peek();
      if (kind == JsonCursor.ARRAY) {
        List<Object> items = list(c, element);
        c.expectEnd();
        return new Object[] {null, null, items};
      }
      if (kind != JsonCursor.OBJECT) {
        throw new BlipProtocolException("expected a collection but got " + kindName(kind));
      }
      Long total = null;
      String type = null;
      List<Object> found = null;
      int foundRank = 3;
      c.beginObject();
      boolean first = true;
      while (c.hasNextMember(first)) {
        first = false;
        String name = c.nextName();
        int rank = switch (name) {
          case "items" -> 0;
          case "data" -> 1;
          case "documents" -> 2;
          default -> -1;
        };
        if (rank >= 0) {
          int k = c.peek();
          if (k == JsonCursor.NULL) {
            c.nextNull();
          } else if (k != JsonCursor.ARRAY) {
            throw new BlipProtocolException("collection " + name + " is " + kindName(k) + ", not an array");
          } else if (rank < foundRank) {
            try {
              found = list(c, element);
            } catch (Failure f) {
              throw f.field(name);
            }
            foundRank = rank;
          } else {
            c.skipValue();
          }
        } else if (name.equals("total")) {
          Object t = c.peek() == JsonCursor.NULL ? null : readOrNull(c, LONG_BOXED);
          total = t instanceof Long l ? l : null;
        } else if (name.equals("itemType") && c.peek() == JsonCursor.STRING) {
          type = c.nextString();
        } else {
          c.skipValue();
        }
      }
      c.expectEnd();
      return new Object[] {total, type, found == null ? List.of() : found};
    } catch (Failure f) {
      throw f.toException();
    } catch (JsonCursor.Malformed e) {
      throw new BlipProtocolException("cannot read the collection: " + e.getMessage(), e);
    }
  }

  /** A tolerant read that gives null instead of failing (a total that is not a number is no total). */
  private static @Nullable Object readOrNull(JsonCursor c, Decoder d) {
    int start = c.position();
    try {
      return d.read(c);
    } catch (Failure f) {
      c.rewindTo(start);
      c.skipValue();
      return null;
    }
  }

  /** The elements of an array, JSON nulls left out, as an immutable list (records' copies of it are free). */
  private static List<Object> list(JsonCursor c, Decoder element) {
    List<Object> out = null;
    c.beginArray();
    boolean first = true;
    for (int i = 0; c.hasNextElement(first); i++) {
      first = false;
      try {
        Object v = element.readNullable(c);
        if (v != null) {
          if (out == null) {
            out = new ArrayList<>();
          }
          out.add(v);
        }
      } catch (Failure f) {
        throw f.element(i);
      }
    }
    return out == null ? List.of() : List.copyOf(out);
  }

  /**
   * Reads a successful response command and decodes its resource into {@code type} in the same pass, with
   * {@code raw} views into {@code body} (no copy). Applies only to the common case, a command with status
   * {@code success} whose resource is a JSON object or array that decodes; for anything else it returns null
   * and the caller takes the two-step path ({@code readCommand} then {@code requireResource().decode(type)}),
   * which gives exactly the result, or the exception and message, of that path.
   *
   * @param body the response body, UTF-8 JSON
   * @param type the resource's type
   * @return the decoded resource, or null when the one-pass decode does not apply
   */
  public static @Nullable Object readCommandResource(byte[] body, Class<?> type) {
    try {
      JsonCursor c = new JsonCursor(body, 0, body.length);
      if (c.peek() != JsonCursor.OBJECT) {
        return null;
      }
      boolean method = false;
      boolean success = false;
      Object typed = null;
      c.beginObject();
      boolean first = true;
      while (c.hasNextMember(first)) {
        first = false;
        switch (EnvelopeReader.nextField(c)) {
          case EnvelopeReader.F_FROM, EnvelopeReader.F_TO, EnvelopeReader.F_PP -> {
            if (!EnvelopeCodec.isNodeOrBlank(EnvelopeReader.scalar(c))) {
              return null; // the two-step path reports the bad node
            }
          }
          case EnvelopeReader.F_RESOURCE -> {
            int k = c.peek();
            if (typed != null || (k != JsonCursor.OBJECT && k != JsonCursor.ARRAY)) {
              return null;
            }
            typed = decoderFor(type).read(c);
            if (typed == null) {
              return null;
            }
          }
          case EnvelopeReader.F_METHOD -> {
            // only whether there is one, as the envelope reader sees it: a scalar (the value is checked, not kept)
            int k = c.peek();
            method = k == JsonCursor.STRING || k == JsonCursor.NUMBER || k == JsonCursor.BOOLEAN;
            c.skipValue();
          }
          case EnvelopeReader.F_STATUS -> {
            String s = EnvelopeReader.scalar(c);
            success = s != null && CommandStatus.fromWire(s) == CommandStatus.SUCCESS;
          }
          default -> c.skipValue();
        }
      }
      c.expectEnd();
      return method && success ? typed : null;
    } catch (RuntimeException e) {
      return null; // the two-step path reports the error
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Decoders

  /** Reads one JSON value (never a JSON null: callers handle null with {@link #absent()}). */
  abstract static class Decoder {
    /** Reads the next value, which is not null; throws {@link Failure} on a shape mismatch. */
    abstract @Nullable Object read(JsonCursor c);

    /** The value for a JSON null or a missing member. */
    @Nullable Object absent() {
      return null;
    }

    final @Nullable Object readNullable(JsonCursor c) {
      if (c.peek() == JsonCursor.NULL) {
        c.nextNull();
        return absent();
      }
      return read(c);
    }
  }

  /**
   * A decoding failure on its way up: each level adds its path segment, and the message is built once, at the
   * top. No stack trace: it never escapes this package.
   */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String before;
    private final String after;
    private final List<Object> segments = new ArrayList<>(4);

    Failure(String before, String after, @Nullable Throwable cause) {
      super(before, cause, false, false);
      this.before = before;
      this.after = after;
    }

    Failure field(String name) {
      segments.add(name);
      return this;
    }

    Failure element(int index) {
      segments.add(index);
      return this;
    }

    BlipProtocolException toException() {
      StringBuilder sb = new StringBuilder(before).append(" at $");
      for (int i = segments.size() - 1; i >= 0; i--) {
        Object s = segments.get(i);
        if (s instanceof Integer index) {
          sb.append('[').append(index).append(']');
        } else {
          sb.append('.').append(s);
        }
      }
      sb.append(after);
      return getCause() == null ? new BlipProtocolException(sb.toString())
          : new BlipProtocolException(sb.toString(), getCause());
    }
  }

  private static Failure mismatch(String expected, int kind) {
    return new Failure("expected " + expected, " but got " + kindName(kind), null);
  }

  private static Failure cannotRead(String what, String text, @Nullable Throwable cause) {
    return new Failure("cannot read " + what, ": " + text, cause);
  }

  private static String kindName(int kind) {
    return switch (kind) {
      case JsonCursor.OBJECT -> "an object";
      case JsonCursor.ARRAY -> "an array";
      case JsonCursor.STRING -> "a string";
      case JsonCursor.NUMBER -> "a number";
      case JsonCursor.BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  static Decoder decoderFor(Type type) {
    Decoder d = DECODERS.get(type);
    if (d == null) {
      // Not computeIfAbsent: building a decoder builds its element decoders, which may touch the map.
      d = create(type);
      Decoder raced = DECODERS.putIfAbsent(type, d);
      if (raced != null) {
        d = raced;
      }
    }
    return d;
  }

  private static Decoder create(Type type) {
    Class<?> raw = rawType(type);
    if (raw == Object.class) {
      return TREE;
    }
    if (raw == JsonDocument.class) {
      return DOCUMENT;
    }
    if (raw == String.class || raw == CharSequence.class) {
      return STRING;
    }
    if (raw == int.class || raw == Integer.class) {
      return raw == int.class ? INT : INT_BOXED;
    }
    if (raw == long.class || raw == Long.class) {
      return raw == long.class ? LONG : LONG_BOXED;
    }
    if (raw == double.class || raw == Double.class) {
      return raw == double.class ? DOUBLE : DOUBLE_BOXED;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return raw == boolean.class ? BOOLEAN : BOOLEAN_BOXED;
    }
    if (raw == BigDecimal.class) {
      return BIG_DECIMAL;
    }
    if (raw == BigInteger.class) {
      return BIG_INTEGER;
    }
    if (raw.isEnum()) {
      return new EnumDecoder(raw);
    }
    if (raw == Instant.class) {
      return INSTANT;
    }
    if (raw == OffsetDateTime.class) {
      return OFFSET_DATE_TIME;
    }
    if (raw == LocalDate.class) {
      return LOCAL_DATE;
    }
    if (raw == Duration.class) {
      return DURATION;
    }
    if (raw == Identity.class) {
      return IDENTITY;
    }
    if (raw == Node.class) {
      return NODE;
    }
    if (raw == Envelope.class || raw == Message.class || raw == Notification.class || raw == Command.class) {
      return new EnvelopeDecoder(raw);
    }
    if (raw == Optional.class) {
      return new OptionalDecoder(decoderFor(typeArgument(type, 0)));
    }
    if (raw == List.class || raw == Collection.class || raw == Iterable.class || raw == Set.class) {
      return new CollectionDecoder(raw == Set.class, decoderFor(typeArgument(type, 0)));
    }
    if (raw == Map.class) {
      return new MapDecoder(decoderFor(typeArgument(type, 1)));
    }
    if (raw.isRecord()) {
      return new RecordDecoder(raw);
    }
    return new Decoder() {
      @Override
      @Nullable Object read(JsonCursor c) {
        throw new Failure("cannot decode JSON into " + raw.getName(), "", null);
      }
    };
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class
        ? Double.class : type == boolean.class ? Boolean.class : type;
  }

  /** {@code Object}: a generic tree, numbers as {@code Double}, JSON nulls kept in objects. */
  static final Decoder TREE = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      switch (c.peek()) {
        case JsonCursor.OBJECT: {
          Map<String, @Nullable Object> out = new LinkedHashMap<>();
          c.beginObject();
          boolean first = true;
          while (c.hasNextMember(first)) {
            first = false;
            String name = c.nextName();
            out.put(name, readNullable(c));
          }
          return out;
        }
        case JsonCursor.ARRAY: {
          List<@Nullable Object> out = new ArrayList<>();
          c.beginArray();
          boolean first = true;
          while (c.hasNextElement(first)) {
            first = false;
            out.add(readNullable(c));
          }
          return out;
        }
        case JsonCursor.STRING:
          return c.nextString();
        case JsonCursor.NUMBER:
          return c.nextDouble();
        case JsonCursor.BOOLEAN:
          return c.nextBoolean();
        default:
          c.nextNull();
          return null;
      }
    }
  };

  /** {@link JsonDocument}: the value's JSON, a view of the same bytes (no copy). */
  private static final Decoder DOCUMENT = new Decoder() {
    @Override
    Object read(JsonCursor c) {
      c.skipWhitespace();
      int start = c.position();
      c.skipValue();
      return CoreBridge.view(c.bytes, start, c.position() - start);
    }

    @Override
    Object absent() {
      return CoreBridge.NULL;
    }
  };

  private static final Decoder STRING = new Decoder() {
    @Override
    Object read(JsonCursor c) {
      int k = c.peek();
      return switch (k) {
        case JsonCursor.STRING -> c.nextString();
        case JsonCursor.NUMBER -> c.nextNumberText();
        case JsonCursor.BOOLEAN -> Boolean.toString(c.nextBoolean());
        default -> throw mismatch("a string", k);
      };
    }
  };

  /**
   * The text of a scalar that is not a string by type: a string's content, or null when it is blank (absent);
   * {@code null} is returned for a number too, which the caller reads itself.
   */
  private static @Nullable String textOrNumber(JsonCursor c, String expected) {
    int k = c.peek();
    if (k == JsonCursor.NUMBER) {
      return null;
    }
    if (k != JsonCursor.STRING) {
      throw mismatch(expected, k);
    }
    return c.nextString();
  }

  /** Reads a whole number exactly (a fraction is cut off toward zero); null for a blank string. */
  private static @Nullable Long whole(JsonCursor c, String what) {
    String text;
    int k = c.peek();
    if (k == JsonCursor.NUMBER) {
      long l = c.nextPlainLong();
      if (l != Long.MIN_VALUE) {
        return l;
      }
      text = c.nextNumberText();
    } else if (k == JsonCursor.STRING) {
      text = c.nextString().trim();
      if (text.isEmpty()) {
        return null;
      }
    } else {
      throw mismatch("a number", k);
    }
    try {
      return new BigDecimal(text).setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (NumberFormatException e) {
      throw cannotRead(what, text, e);
    } catch (ArithmeticException e) {
      throw cannotRead(what, text + " is out of range", e);
    }
  }

  private static final class WholeDecoder extends Decoder {
    private final boolean isInt;
    private final @Nullable Object absent;

    WholeDecoder(boolean isInt, @Nullable Object absent) {
      this.isInt = isInt;
      this.absent = absent;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      Long v = whole(c, isInt ? "int" : "long");
      if (v == null) {
        return absent;
      }
      if (isInt) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw cannotRead("int", v + " is out of range", null);
        }
        return v.intValue();
      }
      return v;
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static final Decoder INT = new WholeDecoder(true, 0);
  private static final Decoder INT_BOXED = new WholeDecoder(true, null);
  private static final Decoder LONG = new WholeDecoder(false, 0L);
  static final Decoder LONG_BOXED = new WholeDecoder(false, null);

  private static final class DoubleDecoder extends Decoder {
    private final @Nullable Object absent;

    DoubleDecoder(@Nullable Object absent) {
      this.absent = absent;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      String text = textOrNumber(c, "a number");
      if (text == null) {
        return c.nextDouble();
      }
      if (text.isBlank()) {
        return absent;
      }
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw cannotRead("double", text, e);
      }
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static final Decoder DOUBLE = new DoubleDecoder(0.0);
  private static final Decoder DOUBLE_BOXED = new DoubleDecoder(null);

  private static final Decoder BIG_DECIMAL = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      String text = textOrNumber(c, "a number");
      if (text == null) {
        return c.nextBigDecimal();
      }
      if (text.isBlank()) {
        return null;
      }
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw cannotRead("BigDecimal", text, e);
      }
    }
  };

  private static final Decoder BIG_INTEGER = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      Object d = BIG_DECIMAL.read(c);
      return d == null ? null : ((BigDecimal) d).toBigInteger();
    }
  };

  private static final class BooleanDecoder extends Decoder {
    private final @Nullable Object absent;

    BooleanDecoder(@Nullable Object absent) {
      this.absent = absent;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      int k = c.peek();
      if (k == JsonCursor.BOOLEAN) {
        return c.nextBoolean();
      }
      if (k == JsonCursor.STRING) {
        String s = c.nextString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
          return Boolean.parseBoolean(s);
        }
        if (s.isEmpty()) {
          return absent;
        }
      }
      throw mismatch("a boolean", k);
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static final Decoder BOOLEAN = new BooleanDecoder(false);
  private static final Decoder BOOLEAN_BOXED = new BooleanDecoder(null);

  private static final Decoder INSTANT = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      String text = textOrNumber(c, "a date-time");
      if (text == null) {
        long l = c.nextPlainLong();
        return l != Long.MIN_VALUE ? TimeFormats.epoch(l) : TimeFormats.epoch(c.nextBigDecimal());
      }
      if (text.isBlank()) {
        return null;
      }
      try {
        return TimeFormats.instant(text);
      } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
        throw new Failure("cannot read a date-time", ": " + text, e);
      }
    }
  };

  private static final Decoder DURATION = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      String text = textOrNumber(c, "a duration");
      if (text == null) {
        return TimeFormats.seconds(c.nextBigDecimal());
      }
      if (text.isBlank()) {
        return null;
      }
      Duration d = TimeFormats.duration(text);
      if (d == null) {
        throw new Failure("cannot read a duration", ": " + text.trim(), null);
      }
      return d;
    }
  };

  /** A value parsed from a non-blank string (a blank one reads as absent). */
  private static final class ParsedDecoder extends Decoder {
    private final String what;
    private final java.util.function.Function<String, Object> parse;

    ParsedDecoder(String what, java.util.function.Function<String, Object> parse) {
      this.what = what;
      this.parse = parse;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      int k = c.peek();
      if (k != JsonCursor.STRING) {
        throw mismatch(what + " (a string)", k);
      }
      String s = c.nextString();
      if (s.isBlank()) {
        return null;
      }
      try {
        return parse.apply(s.trim());
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new Failure("cannot read " + what, ": " + e.getMessage(), e);
      }
    }
  }

  private static final Decoder IDENTITY_PARSED = new ParsedDecoder("an identity", Identity::parse);

  /**
   * An identity read from the string's bytes in the plain case ({@code name@domain} or a bare domain, printable
   * ASCII, no escape, no '/'), without the whole text as a string first, and with the domain shared with the
   * identities read before it (a page of tickets names the same few domains hundreds of times); anything else
   * goes through {@link Identity#parse}, which gives the same result or the error.
   */
  private static final Decoder IDENTITY = new Decoder() {
    @Override
    @Nullable Object read(JsonCursor c) {
      if (c.peek() != JsonCursor.STRING) {
        return IDENTITY_PARSED.read(c);
      }
      byte[] b = c.bytes;
      int start = c.position() + 1;
      int at = -1;
      int i = start;
      int limit = c.limit();
      while (i < limit) {
        byte x = b[i];
        if (x == '"') {
          break;
        }
        if (x <= ' ' || x >= 0x7f || x == '\\' || x == '/' || (x == '@' && at >= 0)) {
          return IDENTITY_PARSED.read(c); // escapes, spaces, non-ASCII, instance or a second '@'
        }
        if (x == '@') {
          at = i;
        }
        i++;
      }
      int end = i;
      if (end >= limit || end == start || at == start || at == end - 1) {
        return IDENTITY_PARSED.read(c); // unterminated, empty, or an empty name or domain: its error
      }
      String name = at < 0 ? null : new String(b, start, at - start, StandardCharsets.ISO_8859_1);
      String domain = Domains.of(b, at < 0 ? start : at + 1, end);
      c.rewindTo(end + 1); // past the closing quote
      return new Identity(name, domain);
    }
  };

  /**
   * The domains of identities read lately, shared so that each is one string. A small direct-mapped table of
   * immutable strings: a race between two threads costs at most a string made twice, never a wrong one.
   */
  static final class Domains {
    private static final String[] RECENT = new String[64];

    private Domains() {}

    static String of(byte[] b, int from, int to) {
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + b[i];
      }
      int slot = (h ^ (h >>> 16)) & (RECENT.length - 1);
      String known = RECENT[slot];
      if (known != null && known.length() == to - from) {
        boolean same = true;
        for (int i = from; i < to && same; i++) {
          same = known.charAt(i - from) == b[i];
        }
        if (same) {
          return known;
        }
      }
      String made = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
      RECENT[slot] = made;
      return made;
    }
  }
  private static final Decoder NODE = new ParsedDecoder("a node", Node::parse);
  private static final Decoder OFFSET_DATE_TIME = new ParsedDecoder("an OffsetDateTime", OffsetDateTime::parse);
  private static final Decoder LOCAL_DATE = new ParsedDecoder("a LocalDate",
      s -> LocalDate.parse(s.substring(0, Math.min(10, s.length()))));

  /** The envelope types, read by the envelope codec from the value's bytes. */
  private static final class EnvelopeDecoder extends Decoder {
    private final Class<?> type;

    EnvelopeDecoder(Class<?> type) {
      this.type = type;
    }

    @Override
    Object read(JsonCursor c) {
      int k = c.peek();
      if (k != JsonCursor.OBJECT) {
        throw mismatch("an envelope (an object)", k);
      }
      int start = c.position();
      c.skipValue();
      Envelope e;
      try {
        e = EnvelopeReader.read(c.bytes, start, c.position() - start, null, JsonCursor.MAX_DEPTH);
      } catch (BlipProtocolException ex) {
        throw new Failure("invalid envelope", ": " + ex.getMessage(), ex);
      }
      if (!type.isInstance(e)) {
        throw new Failure("expected " + type.getSimpleName(), " but got " + e.getClass().getSimpleName(), null);
      }
      return e;
    }
  }

  private static final class OptionalDecoder extends Decoder {
    private final Decoder value;

    OptionalDecoder(Decoder value) {
      this.value = value;
    }

    @Override
    Object read(JsonCursor c) {
      return Optional.ofNullable(value.read(c));
    }

    @Override
    Object absent() {
      return Optional.empty();
    }
  }

  /** Enums: by normalised name, or the enum's own {@code fromWire(String)}; else UNKNOWN. */
  static final class EnumDecoder extends Decoder {
    private static final Object NO_CONSTANT = new Object();
    private static final int MAX_CACHED = 256;
    private final Map<String, Object> byNormalisedName = new HashMap<>();
    private final @Nullable Object unknown;
    private final @Nullable Method fromWire;
    /** Wire text to constant (or {@link #NO_CONSTANT}), so each distinct value is looked up once. */
    private final ConcurrentHashMap<String, Object> byWire = new ConcurrentHashMap<>();

    EnumDecoder(Class<?> raw) {
      Object unknownConstant = null;
      for (Object c : raw.getEnumConstants()) {
        String name = ((Enum<?>) c).name();
        byNormalisedName.putIfAbsent(normalise(name), c);
        if (name.equals("UNKNOWN")) {
          unknownConstant = c;
        }
      }
      this.unknown = unknownConstant;
      Method m = null;
      try {
        m = raw.getMethod("fromWire", String.class);
        if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != raw) {
          m = null;
        }
      } catch (NoSuchMethodException e) {
        m = null;
      }
      this.fromWire = m;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      int k = c.peek();
      String text;
      if (k == JsonCursor.NUMBER) {
        text = c.nextNumberText();
      } else if (k == JsonCursor.STRING) {
        text = c.nextString();
      } else {
        throw mismatch("a string", k);
      }
      return fromText(text);
    }

    /** The constant for a wire text. */
    @Nullable Object fromText(String text) {
      Object found = byWire.get(text);
      if (found == null) {
        Object constant = null;
        if (fromWire != null) {
          try {
            constant = fromWire.invoke(null, text);
          } catch (ReflectiveOperationException | RuntimeException e) {
            constant = null;
          }
        }
        if (constant == null) {
          constant = byNormalisedName.get(normalise(text));
        }
        found = constant == null ? unknown == null ? NO_CONSTANT : unknown : constant;
        if (byWire.size() < MAX_CACHED) {
          byWire.put(text, found);
        }
      }
      return found == NO_CONSTANT ? null : found;
    }

    @Override
    @Nullable Object absent() {
      return unknown;
    }

    private static String normalise(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '_' && c != '-' && c != ' ') {
          sb.append(Character.toLowerCase(c));
        }
      }
      return sb.toString();
    }
  }

  private static final class CollectionDecoder extends Decoder {
    private final boolean set;
    private final Decoder element;

    CollectionDecoder(boolean set, Decoder element) {
      this.set = set;
      this.element = element;
    }

    @Override
    Object read(JsonCursor c) {
      int k = c.peek();
      if (k != JsonCursor.ARRAY) {
        throw mismatch("an array", k);
      }
      List<Object> items = list(c, element);
      return set ? Collections.unmodifiableSet(new LinkedHashSet<>(items)) : items;
    }

    @Override
    Object absent() {
      return set ? Set.of() : List.of();
    }
  }

  private static final class MapDecoder extends Decoder {
    private final Decoder value;

    MapDecoder(Decoder value) {
      this.value = value;
    }

    @Override
    Object read(JsonCursor c) {
      int k = c.peek();
      if (k != JsonCursor.OBJECT) {
        throw mismatch("an object", k);
      }
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      c.beginObject();
      boolean first = true;
      while (c.hasNextMember(first)) {
        first = false;
        String key = c.nextName();
        try {
          // a JSON null stays a null entry: metadata with a null value is not the same as no such key
          out.put(key, c.peek() == JsonCursor.NULL ? nullEntry(c) : value.read(c));
        } catch (Failure f) {
          throw f.field(key);
        }
      }
      return Collections.unmodifiableMap(out);
    }

    private static @Nullable Object nullEntry(JsonCursor c) {
      c.nextNull();
      return null;
    }

    @Override
    Object absent() {
      return Map.of();
    }
  }

  private static final class RecordDecoder extends Decoder {
    private final Class<?> raw;
    private final Constructor<?> constructor;
    private final String[] names;
    private final Type[] types;
    private final @Nullable Object[] defaults;
    private final NameTable table;
    /** The index of the {@code JsonDocument raw} component, or -1. */
    private final int rawIndex;
    /** For each component, the index of its {@code raw<Name>} text component, or -1. */
    private final int[] textIndex;
    /** Resolved on first use, so that records may nest themselves. */
    private volatile Decoder @Nullable [] decoders;

    RecordDecoder(Class<?> raw) {
      this.raw = raw;
      RecordComponent[] components = raw.getRecordComponents();
      int n = components.length;
      names = new String[n];
      types = new Type[n];
      defaults = new Object[n];
      textIndex = new int[n];
      Class<?>[] rawTypes = new Class<?>[n];
      Map<String, Integer> byName = new HashMap<>();
      for (int i = 0; i < n; i++) {
        names[i] = components[i].getName();
        types[i] = components[i].getGenericType();
        rawTypes[i] = components[i].getType();
        byName.put(names[i], i);
        textIndex[i] = -1;
      }
      boolean[] matchable = new boolean[n];
      java.util.Arrays.fill(matchable, true);
      int rawAt = -1;
      for (int i = 0; i < n; i++) {
        if (names[i].equals("raw") && rawTypes[i] == JsonDocument.class) {
          rawAt = i;
          matchable[i] = false;
        } else if (rawTypes[i].isEnum()) {
          Integer text = byName.get("raw" + Character.toUpperCase(names[i].charAt(0)) + names[i].substring(1));
          if (text != null && rawTypes[text] == String.class) {
            textIndex[i] = text;
            matchable[text] = false;
          }
        }
      }
      rawIndex = rawAt;
      for (int i = 0; i < n; i++) {
        defaults[i] = primitiveOrEmpty(rawTypes[i]);
      }
      table = new NameTable(names, matchable);
      try {
        constructor = raw.getDeclaredConstructor(rawTypes);
        if (!Modifier.isPublic(raw.getModifiers()) || !Modifier.isPublic(constructor.getModifiers())) {
          constructor.setAccessible(true);
        }
      } catch (NoSuchMethodException | RuntimeException e) {
        throw new BlipProtocolException("cannot decode into " + raw.getName()
            + ": no accessible canonical constructor (is the record public and its package exported?)", e);
      }
    }

    private Decoder[] decoders() {
      Decoder[] d = decoders;
      if (d == null) {
        d = new Decoder[types.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = decoderFor(types[i]);
        }
        decoders = d;
      }
      return d;
    }

    @Override
    @Nullable Object read(JsonCursor c) {
      int k = c.peek();
      if (k != JsonCursor.OBJECT) {
        throw mismatch("an object", k);
      }
      Decoder[] decoders = decoders();
      int n = decoders.length;
      Object[] args = new Object[n];
      // how each component was matched: none, without regard to case, or exactly (two bits a component in
      // two longs for up to 64 components, else an array)
      long caseless = 0;
      long exact = 0;
      byte[] quality = n > 64 ? new byte[n] : null;
      byte[] b = c.bytes;
      int start = c.position();
      c.beginObject();
      boolean first = true;
      while (c.hasNextMember(first)) {
        first = false;
        int nameAt = c.position();
        int close = c.scanPlainName();
        int match;
        if (close >= 0) {
          match = table.match(b, nameAt + 1, close);
          c.afterName(close);
        } else {
          match = table.match(c.nextName());
        }
        if (match < 0) {
          c.skipValue();
          continue;
        }
        int index = match & 0xffff;
        boolean isExact = (match & NameTable.EXACT) != 0;
        if (quality != null) {
          byte q = (byte) (isExact ? 2 : 1);
          if (quality[index] >= q) {
            c.skipValue();
            continue;
          }
          quality[index] = q;
        } else {
          long bit = 1L << index;
          if ((exact & bit) != 0 || (!isExact && (caseless & bit) != 0)) {
            c.skipValue();
            continue;
          }
          if (isExact) {
            exact |= bit;
          } else {
            caseless |= bit;
          }
        }
        try {
          if (c.peek() == JsonCursor.NULL) {
            c.nextNull();
            args[index] = null;
            if (textIndex[index] >= 0) {
              args[textIndex[index]] = null;
            }
          } else if (textIndex[index] >= 0) {
            String text = (String) STRING.read(c);
            args[textIndex[index]] = text;
            args[index] = ((EnumDecoder) decoders[index]).fromText(text);
          } else {
            args[index] = decoders[index].read(c);
          }
        } catch (Failure f) {
          throw f.field(names[index]);
        }
      }
      if (rawIndex >= 0) {
        args[rawIndex] = CoreBridge.view(b, start, c.position() - start);
      }
      for (int i = 0; i < n; i++) {
        if (args[i] == null) {
          args[i] = defaults[i] != null ? defaults[i] : i == rawIndex ? null : decoders[i].absent();
        }
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new Failure("invalid " + raw.getSimpleName(), ": " + cause.getMessage(), cause);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new Failure("cannot create " + raw.getName(), ": " + e.getMessage(), e);
      }
    }
  }

  /** The default of a primitive, else null (the component's decoder then says what absent means). */
  private static @Nullable Object primitiveOrEmpty(Class<?> raw) {
    if (raw == int.class) {
      return 0;
    } else if (raw == long.class) {
      return 0L;
    } else if (raw == double.class) {
      return 0.0;
    } else if (raw == boolean.class) {
      return false;
    }
    return null;
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return rawType(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
