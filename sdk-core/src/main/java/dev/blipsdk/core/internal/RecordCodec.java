package dev.blipsdk.core.internal;

import dev.blipsdk.core.internal.bridge.CoreBridge;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Tolerant mapping between JSON and Java records, built on {@link Class#getRecordComponents()} rather
 * than Moshi's multi-release record adapter (which shading breaks and which throws
 * {@code AssertionError}s).
 *
 * <p>Decoding streams straight from a Moshi {@link JsonReader} into the record's canonical constructor,
 * with one decoder per target type built once and cached: no intermediate tree. The rules:
 * <ul>
 *   <li>names match record components exactly first, then without regard to case; the first JSON member
 *       that matches a component wins; unknown members are skipped;
 *   <li>numbers and booleans given as strings are converted (and numbers/booleans to strings);
 *   <li>enums match without regard to case, {@code _}, {@code -} and spaces, falling back to a constant
 *       named {@code UNKNOWN} (or {@code null} if there is none);
 *   <li>{@link Instant} (ISO-8601 with or without offset, or epoch milliseconds), {@link OffsetDateTime},
 *       {@link LocalDate} (the first 10 characters), {@link Duration} ({@code hh:mm:ss}, .NET
 *       {@code d.hh:mm:ss.fff}, ISO-8601 or seconds);
 *   <li>{@code List}, {@code Set} and {@code Map<String, V>} with generic element types (null elements are
 *       dropped), nested records, {@link JsonDocument} components holding the member's raw JSON,
 *       {@code Object} components holding a generic tree;
 *   <li>missing or null members take defaults: 0, false, empty collections, {@code UNKNOWN}, else null;
 *   <li>a shape mismatch is a {@link BlipProtocolException} naming the JSON path, built only on error.
 * </ul>
 */
public final class RecordCodec {
  private static final ConcurrentHashMap<Type, Decoder> DECODERS = new ConcurrentHashMap<>();

  private RecordCodec() {}

  /**
   * Decodes JSON text into a type.
   *
   * @param json well-formed JSON text
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on a shape mismatch, naming the path
   */
  public static <T> T decode(String json, Class<T> type) {
    try (Buffer buffer = new Buffer().writeUtf8(json)) {
      return read(JsonReader.of(buffer), type);
    }
  }

  /**
   * Decodes UTF-8 JSON into a type.
   *
   * @param source well-formed UTF-8 JSON
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on a shape mismatch, naming the path
   */
  public static <T> T decode(BufferedSource source, Class<T> type) {
    return read(JsonReader.of(source), type);
  }

  /**
   * Decodes a generic tree (as {@link Json#parseTree(String)} returns) into a type, with the same rules
   * as the streaming decoder.
   *
   * @param tree the generic tree
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on a shape mismatch, naming the path
   */
  public static <T> T decode(@Nullable Object tree, Class<T> type) {
    JsonAdapter<T> adapter = new JsonAdapter<>() {
      @Override
      public T fromJson(JsonReader reader) {
        return read(reader, type);
      }

      @Override
      public void toJson(JsonWriter writer, @Nullable T value) {
        throw new UnsupportedOperationException("decoding only");
      }
    };
    return java.util.Objects.requireNonNull(adapter.fromJsonValue(tree));
  }

  /**
   * Decodes the next value of a reader into a type.
   *
   * @param reader the reader, positioned before a value
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on a shape mismatch, naming the path, or malformed JSON
   */
  @SuppressWarnings("unchecked")
  public static <T> T read(JsonReader reader, Class<T> type) {
    Decoder decoder = decoderFor(type);
    Object value;
    try {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        value = decoder.absent();
      } else {
        value = decoder.read(reader);
      }
    } catch (Failure f) {
      throw f.toException();
    } catch (JsonEncodingException | JsonDataException e) {
      throw new BlipProtocolException("malformed JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BlipProtocolException("cannot read JSON: " + e.getMessage(), e);
    }
    if (value == null) {
      throw new BlipProtocolException("expected " + type.getSimpleName() + " at $ but got null");
    }
    return (T) (type.isPrimitive() ? value : type.cast(value));
  }

  // ---------------------------------------------------------------------------------------------------
  // Decoders

  /** Reads one JSON value (never a JSON null: callers handle null with {@link #absent()}). */
  private abstract static class Decoder {
    /**
     * Reads the next value, which is not null.
     *
     * @throws Failure on a shape mismatch (the path is added as the failure unwinds)
     */
    abstract @Nullable Object read(JsonReader r) throws IOException;

    /** The value for a JSON null or a missing member. */
    @Nullable Object absent() {
      return null;
    }

    /** Reads the next value, null included. */
    final @Nullable Object readNullable(JsonReader r) throws IOException {
      if (r.peek() == JsonReader.Token.NULL) {
        r.nextNull();
        return absent();
      }
      return read(r);
    }
  }

  /**
   * A decoding failure on its way up: each level adds its path segment, and the message and the path
   * text are built once, at the top. No stack trace: it never escapes this class.
   */
  private static final class Failure extends RuntimeException {
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

  private static Failure mismatch(String expected, JsonReader.Token token) {
    return new Failure("expected " + expected, " but got " + kind(token), null);
  }

  private static Failure cannotRead(Class<?> raw, RuntimeException e) {
    return new Failure("cannot read " + raw.getSimpleName(), ": " + e.getMessage(), e);
  }

  private static String kind(JsonReader.Token token) {
    return switch (token) {
      case BEGIN_OBJECT -> "an object";
      case BEGIN_ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> token.name();
    };
  }

  private static Decoder decoderFor(Type type) {
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
      return RAW_DOCUMENT;
    }
    if (raw == String.class) {
      return STRING;
    }
    if (raw == int.class || raw == Integer.class) {
      return new NumberDecoder(raw, raw == int.class ? 0 : null, NumberDecoder.INT);
    }
    if (raw == long.class || raw == Long.class) {
      return new NumberDecoder(raw, raw == long.class ? 0L : null, NumberDecoder.LONG);
    }
    if (raw == double.class || raw == Double.class) {
      return new NumberDecoder(raw, raw == double.class ? 0.0 : null, NumberDecoder.DOUBLE);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return raw == boolean.class ? BOOLEAN_PRIMITIVE : BOOLEAN_BOXED;
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
    if (List.class.isAssignableFrom(raw) || raw == Set.class) {
      return new CollectionDecoder(raw, decoderFor(typeArgument(type, 0)));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return new MapDecoder(raw, decoderFor(typeArgument(type, 1)));
    }
    if (raw.isRecord()) {
      return new RecordDecoder(raw);
    }
    return new Decoder() {
      @Override
      @Nullable Object read(JsonReader r) {
        throw new Failure("cannot decode JSON into " + raw.getName(), "", null);
      }
    };
  }

  private static @Nullable Object defaultFor(Class<?> raw) {
    if (raw == int.class) {
      return 0;
    } else if (raw == long.class) {
      return 0L;
    } else if (raw == double.class) {
      return 0.0;
    } else if (raw == boolean.class) {
      return false;
    } else if (raw == List.class) {
      return List.of();
    } else if (raw == Set.class) {
      return Set.of();
    } else if (raw == Map.class) {
      return Map.of();
    } else if (raw.isEnum()) {
      return unknownConstant(raw);
    }
    return null;
  }

  /** {@code Object} components: a generic tree (numbers as {@code Double}). */
  private static final Decoder TREE = new Decoder() {
    @Override
    @Nullable Object read(JsonReader r) throws IOException {
      return r.readJsonValue();
    }
  };

  /** {@link JsonDocument} components: the member's raw JSON text, not parsed. */
  private static final Decoder RAW_DOCUMENT = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      try (BufferedSource s = r.nextSource()) {
        return CoreBridge.trusted(s.readByteString());
      }
    }

    @Override
    Object absent() {
      return CoreBridge.trusted("null");
    }
  };

  private static final Decoder STRING = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      JsonReader.Token t = r.peek();
      switch (t) {
        case STRING -> {
          return r.nextString();
        }
        case BOOLEAN -> {
          return Boolean.toString(r.nextBoolean());
        }
        case NUMBER -> {
          double d = r.nextDouble();
          return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        default -> throw mismatch("a string", t);
      }
    }
  };

  /** Reads a number, or a non-blank string holding one. */
  private static double number(JsonReader r) throws IOException {
    JsonReader.Token t = r.peek();
    if (t == JsonReader.Token.NUMBER) {
      return r.nextDouble();
    }
    if (t == JsonReader.Token.STRING) {
      String s = r.nextString();
      if (!s.isBlank()) {
        return Double.parseDouble(s.trim());
      }
    }
    throw mismatch("a number", t);
  }

  private static final class NumberDecoder extends Decoder {
    static final int INT = 0;
    static final int LONG = 1;
    static final int DOUBLE = 2;
    private final Class<?> raw;
    private final @Nullable Object absent;
    private final int kind;

    NumberDecoder(Class<?> raw, @Nullable Object absent, int kind) {
      this.raw = raw;
      this.absent = absent;
      this.kind = kind;
    }

    @Override
    Object read(JsonReader r) throws IOException {
      try {
        double d = number(r);
        return kind == INT ? (Object) (int) d : kind == LONG ? (Object) (long) d : (Object) d;
      } catch (NumberFormatException e) {
        throw cannotRead(raw, e);
      }
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static Boolean bool(JsonReader r) throws IOException {
    JsonReader.Token t = r.peek();
    if (t == JsonReader.Token.BOOLEAN) {
      return r.nextBoolean();
    }
    if (t == JsonReader.Token.STRING) {
      String s = r.nextString();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s);
      }
    }
    throw mismatch("a boolean", t);
  }

  private static final Decoder BOOLEAN_PRIMITIVE = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      return bool(r);
    }

    @Override
    Object absent() {
      return false;
    }
  };

  private static final Decoder BOOLEAN_BOXED = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      return bool(r);
    }
  };

  /** Reads a JSON string, or fails naming what it found. */
  private static String text(JsonReader r) throws IOException {
    JsonReader.Token t = r.peek();
    if (t != JsonReader.Token.STRING) {
      throw mismatch("a string", t);
    }
    return r.nextString();
  }

  private static final Decoder INSTANT = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      if (r.peek() == JsonReader.Token.NUMBER) {
        return Instant.ofEpochMilli((long) r.nextDouble());
      }
      String s = text(r);
      try {
        return instant(s);
      } catch (DateTimeParseException e) {
        throw new Failure("cannot read a date-time", ": " + s, e);
      }
    }
  };

  private static final Decoder OFFSET_DATE_TIME = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      String s = text(r);
      try {
        return OffsetDateTime.parse(s);
      } catch (DateTimeParseException e) {
        throw cannotRead(OffsetDateTime.class, e);
      }
    }
  };

  private static final Decoder LOCAL_DATE = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      String s = text(r);
      try {
        return LocalDate.parse(s.substring(0, 10));
      } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw cannotRead(LocalDate.class, e);
      }
    }
  };

  private static final Decoder DURATION = new Decoder() {
    @Override
    Object read(JsonReader r) throws IOException {
      if (r.peek() == JsonReader.Token.NUMBER) {
        return Duration.ofMillis(Math.round(r.nextDouble() * 1000));
      }
      String s = text(r).trim();
      try {
        Duration d = durationText(s);
        if (d == null) {
          throw new Failure("cannot read a duration", ": " + s, null);
        }
        return d;
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw cannotRead(Duration.class, e);
      }
    }
  };

  private static final class EnumDecoder extends Decoder {
    private static final Object NO_CONSTANT = new Object();
    private static final int MAX_CACHED = 256;
    private final Map<String, Object> byNormalisedName = new HashMap<>();
    private final @Nullable Object unknown;
    /** Wire text to constant (or {@link #NO_CONSTANT}), so each distinct value is normalised once. */
    private final ConcurrentHashMap<String, Object> byWire = new ConcurrentHashMap<>();

    EnumDecoder(Class<?> raw) {
      for (Object c : raw.getEnumConstants()) {
        byNormalisedName.putIfAbsent(normalise(((Enum<?>) c).name()), c);
      }
      this.unknown = unknownConstant(raw);
    }

    @Override
    @Nullable Object read(JsonReader r) throws IOException {
      JsonReader.Token t = r.peek();
      String text;
      if (t == JsonReader.Token.NUMBER) {
        double d = r.nextDouble();
        if (d != Math.rint(d)) {
          throw mismatch("a string", t);
        }
        text = Long.toString((long) d);
      } else {
        text = text(r);
      }
      Object found = byWire.get(text);
      if (found == null) {
        Object c = byNormalisedName.get(normalise(text));
        found = c == null ? unknown == null ? NO_CONSTANT : unknown : c;
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
  }

  private static final class CollectionDecoder extends Decoder {
    private final boolean set;
    private final Decoder element;
    private final @Nullable Object absent;

    CollectionDecoder(Class<?> raw, Decoder element) {
      this.set = raw == Set.class;
      this.element = element;
      this.absent = raw == List.class ? List.of() : raw == Set.class ? Set.of() : null;
    }

    @Override
    Object read(JsonReader r) throws IOException {
      JsonReader.Token t = r.peek();
      if (t != JsonReader.Token.BEGIN_ARRAY) {
        throw mismatch("an array", t);
      }
      List<Object> out = new ArrayList<>();
      r.beginArray();
      for (int i = 0; r.hasNext(); i++) {
        Object v;
        try {
          v = element.readNullable(r);
        } catch (Failure f) {
          throw f.element(i);
        }
        if (v != null) {
          out.add(v);
        }
      }
      r.endArray();
      return set ? Set.copyOf(out) : List.copyOf(out);
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static final class MapDecoder extends Decoder {
    private final Decoder value;
    private final @Nullable Object absent;

    MapDecoder(Class<?> raw, Decoder value) {
      this.value = value;
      this.absent = raw == Map.class ? Map.of() : null;
    }

    @Override
    Object read(JsonReader r) throws IOException {
      JsonReader.Token t = r.peek();
      if (t != JsonReader.Token.BEGIN_OBJECT) {
        throw mismatch("an object", t);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      r.beginObject();
      while (r.hasNext()) {
        String key = r.nextName();
        Object v;
        try {
          v = value.readNullable(r);
        } catch (Failure f) {
          throw f.field(key);
        }
        if (v != null) {
          out.put(key, v);
        }
      }
      r.endObject();
      return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    @Nullable Object absent() {
      return absent;
    }
  }

  private static final class RecordDecoder extends Decoder {
    private final Class<?> raw;
    private final Constructor<?> constructor;
    private final String[] names;
    private final Type[] types;
    private final @Nullable Object[] defaults;
    /** Exact component names, matched by Moshi on the bytes without allocating a string. */
    private final JsonReader.Options exact;
    private final Map<String, Integer> byLowerName;
    /** Resolved on first use, so that records may nest themselves. */
    private volatile Decoder @Nullable [] decoders;

    RecordDecoder(Class<?> raw) {
      this.raw = raw;
      RecordComponent[] components = raw.getRecordComponents();
      int n = components.length;
      names = new String[n];
      types = new Type[n];
      defaults = new Object[n];
      Class<?>[] rawTypes = new Class<?>[n];
      Map<String, Integer> lower = new HashMap<>();
      for (int i = 0; i < n; i++) {
        names[i] = components[i].getName();
        types[i] = components[i].getGenericType();
        rawTypes[i] = components[i].getType();
        defaults[i] = defaultFor(rawTypes[i]);
        lower.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
      }
      byLowerName = Map.copyOf(lower);
      exact = JsonReader.Options.of(names);
      try {
        constructor = raw.getDeclaredConstructor(rawTypes);
      } catch (NoSuchMethodException e) {
        throw new BlipProtocolException("record " + raw.getName() + " has no canonical constructor", e);
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
    @Nullable Object read(JsonReader r) throws IOException {
      JsonReader.Token t = r.peek();
      if (t != JsonReader.Token.BEGIN_OBJECT) {
        throw mismatch("an object", t);
      }
      Decoder[] decoders = decoders();
      int n = decoders.length;
      Object[] args = new Object[n];
      boolean[] seen = new boolean[n];
      r.beginObject();
      while (r.hasNext()) {
        int index = r.selectName(exact);
        if (index < 0) {
          Integer found = byLowerName.get(r.nextName().toLowerCase(Locale.ROOT));
          index = found == null ? -1 : found;
        }
        if (index < 0 || seen[index]) {
          r.skipValue();
          continue;
        }
        seen[index] = true;
        try {
          args[index] = decoders[index].readNullable(r);
        } catch (Failure f) {
          throw f.field(names[index]);
        }
      }
      r.endObject();
      for (int i = 0; i < n; i++) {
        if (args[i] == null) {
          args[i] = defaults[i];
        }
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new Failure("invalid " + raw.getSimpleName(), ": " + (cause == null ? e : cause.getMessage()),
            cause == null ? e : cause);
      } catch (ReflectiveOperationException e) {
        throw new BlipProtocolException("cannot create " + raw.getName() + " (is it public and exported?)", e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Scalars shared with other modules

  private static @Nullable Object unknownConstant(Class<?> raw) {
    for (Object c : raw.getEnumConstants()) {
      if (((Enum<?>) c).name().equals("UNKNOWN")) {
        return c;
      }
    }
    return null;
  }

  /**
   * Normalises an enum name or wire value for comparison: lower case, no '_', '-' or spaces.
   *
   * @param s the text
   * @return the normalised text
   */
  public static String normalise(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '_' && c != '-' && c != ' ') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * Parses an ISO-8601 instant with or without an offset ({@code 2019-12-04T13:45:25.664Z},
   * {@code 2019-12-04T13:45:25.664+00:00}, {@code 2019-12-04T13:45:25.664} taken as UTC).
   *
   * @param s the text
   * @param path the JSON path for errors
   * @return the instant
   * @throws BlipProtocolException if the text is no date-time
   */
  public static Instant parseInstant(String s, String path) {
    try {
      return instant(s);
    } catch (DateTimeParseException e) {
      throw new BlipProtocolException("cannot read a date-time at " + path + ": " + s, e);
    }
  }

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
      }
    }
  }

  /**
   * Parses a duration written as {@code hh:mm:ss} (optionally {@code d.hh:mm:ss} and fractional
   * seconds, as .NET writes TimeSpans), as ISO-8601 ({@code PT1M}) or as a number of seconds.
   *
   * @param v the JSON value
   * @param path the JSON path for errors
   * @return the duration
   * @throws BlipProtocolException if the value is no duration
   * @throws NumberFormatException if a part of {@code hh:mm:ss} is not a number
   */
  public static Duration parseDuration(Object v, String path) {
    if (v instanceof Number n) {
      return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
    if (!(v instanceof String text)) {
      throw new BlipProtocolException("expected a string at " + path + " but got " + Json.kind(v));
    }
    String s = text.trim();
    Duration d = durationText(s);
    if (d == null) {
      throw new BlipProtocolException("cannot read a duration at " + path + ": " + s);
    }
    return d;
  }

  /** A trimmed duration text, or null when it is not ISO-8601 and not three ':'-separated parts. */
  private static @Nullable Duration durationText(String s) {
    if (s.startsWith("P") || s.startsWith("-P")) {
      return Duration.parse(s);
    }
    String[] parts = s.split(":");
    if (parts.length != 3) {
      return null;
    }
    long days = 0;
    String hours = parts[0];
    int dot = hours.indexOf('.');
    if (dot >= 0) {
      days = Long.parseLong(hours.substring(0, dot));
      hours = hours.substring(dot + 1);
    }
    double seconds = Double.parseDouble(parts[2]);
    return Duration.ofDays(days).plusHours(Long.parseLong(hours)).plusMinutes(Long.parseLong(parts[1]))
        .plusNanos(Math.round(seconds * 1_000_000_000L));
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

  // ---------------------------------------------------------------------------------------------------
  // Encoding

  /**
   * Converts a value to a generic tree: records by component name (nulls left out), enums by name,
   * maps, lists, scalars, {@link JsonDocument}s kept as they are.
   *
   * @param value the value
   * @return the tree
   */
  public static @Nullable Object toTree(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof JsonDocument) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof LocalDate) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = toTree(e.getValue());
        if (v != null) {
          out.put(String.valueOf(e.getKey()), v);
        }
      }
      return out;
    }
    if (value instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      for (Object o : it) {
        out.add(toTree(o));
      }
      return out;
    }
    if (value.getClass().isRecord()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          Object v = toTree(c.getAccessor().invoke(value));
          if (v != null) {
            out.put(c.getName(), v);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + c.getName() + " of " + value.getClass(), e);
        }
      }
      return out;
    }
    throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as JSON");
  }
}
