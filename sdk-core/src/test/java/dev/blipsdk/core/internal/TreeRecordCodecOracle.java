package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Tolerant mapping between generic JSON trees and Java records, built on
 * {@link Class#getRecordComponents()} rather than Moshi's multi-release record adapter (which shading
 * breaks and which throws {@code AssertionError}s). Names match without regard to case; unknown fields
 * are ignored.
 */
final class TreeRecordCodecOracle {
  private static final ConcurrentHashMap<Class<?>, RecordInfo> INFO = new ConcurrentHashMap<>();

  private TreeRecordCodecOracle() {}

  private record RecordInfo(Constructor<?> constructor, RecordComponent[] components,
      Map<String, Integer> indexByName, Map<String, Integer> indexByLowerName) {}

  /**
   * A JSON path built lazily: one small node per level, turned into text only when an error names it, so
   * decoding allocates no strings for paths.
   */
  private static final class Path {
    static final Path ROOT = new Path(null, "$", -1);
    private final @Nullable Path parent;
    private final @Nullable String name;
    private final int index;

    private Path(@Nullable Path parent, @Nullable String name, int index) {
      this.parent = parent;
      this.name = name;
      this.index = index;
    }

    Path field(String field) {
      return new Path(this, field, -1);
    }

    Path element(int i) {
      return new Path(this, null, i);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      append(sb);
      return sb.toString();
    }

    private void append(StringBuilder sb) {
      if (parent != null) {
        parent.append(sb);
        if (name != null) {
          sb.append('.').append(name);
        } else {
          sb.append('[').append(index).append(']');
        }
      } else {
        sb.append(name);
      }
    }
  }

  /**
   * Decodes a tree into a type.
   *
   * @param tree the generic tree
   * @param type the target class
   * @param <T> the target type
   * @return the value
   * @throws BlipProtocolException on a shape mismatch, naming the path
   */
  @SuppressWarnings("unchecked")
  public static <T> T decode(@Nullable Object tree, Class<T> type) {
    Object value = convert(tree, type, Path.ROOT);
    if (value == null) {
      throw new BlipProtocolException("expected " + type.getSimpleName() + " at $ but got null");
    }
    return (T) (type.isPrimitive() ? value : type.cast(value));
  }

  private static @Nullable Object convert(@Nullable Object v, Type type, Path path) {
    Class<?> raw = rawType(type);
    if (raw == Object.class) {
      return v;
    }
    if (raw == JsonDocument.class) {
      return JsonDocument.parse(Json.toJson(v));
    }
    if (v == null) {
      return defaultFor(raw);
    }
    try {
      if (raw == String.class) {
        if (v instanceof String || v instanceof Boolean) {
          return v.toString();
        }
        if (v instanceof Double d) {
          return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        throw mismatch("a string", v, path);
      }
      if (raw == int.class || raw == Integer.class) {
        return (int) number(v, path);
      }
      if (raw == long.class || raw == Long.class) {
        return (long) number(v, path);
      }
      if (raw == double.class || raw == Double.class) {
        return number(v, path);
      }
      if (raw == boolean.class || raw == Boolean.class) {
        if (v instanceof Boolean b) {
          return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
          return Boolean.parseBoolean(s);
        }
        throw mismatch("a boolean", v, path);
      }
      if (raw.isEnum()) {
        return enumValue(raw, v, path);
      }
      if (raw == Instant.class) {
        if (v instanceof Number n) {
          return Instant.ofEpochMilli(n.longValue());
        }
        return instant(string(v, path), path);
      }
      if (raw == OffsetDateTime.class) {
        return OffsetDateTime.parse(string(v, path));
      }
      if (raw == LocalDate.class) {
        return LocalDate.parse(string(v, path).substring(0, 10));
      }
      if (raw == Duration.class) {
        return duration(v, path);
      }
      if (List.class.isAssignableFrom(raw) || raw == Set.class) {
        if (!(v instanceof List<?> list)) {
          throw mismatch("an array", v, path);
        }
        Type item = typeArgument(type, 0);
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object converted = convert(list.get(i), item, path.element(i));
          if (converted != null) {
            out.add(converted);
          }
        }
        return raw == Set.class ? Set.copyOf(out) : List.copyOf(out);
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (!(v instanceof Map<?, ?> map)) {
          throw mismatch("an object", v, path);
        }
        Type valueType = typeArgument(type, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          Object converted = convert(e.getValue(), valueType, path.field(String.valueOf(e.getKey())));
          if (converted != null) {
            out.put(String.valueOf(e.getKey()), converted);
          }
        }
        return java.util.Collections.unmodifiableMap(out);
      }
      if (raw.isRecord()) {
        if (!(v instanceof Map<?, ?> map)) {
          throw mismatch("an object", v, path);
        }
        return decodeRecord(map, raw, path);
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new BlipProtocolException("cannot read " + raw.getSimpleName() + " at " + path + ": "
          + e.getMessage(), e);
    }
    throw new BlipProtocolException("cannot decode JSON into " + raw.getName() + " at " + path);
  }

  private static Object decodeRecord(Map<?, ?> map, Class<?> raw, Path path) {
    RecordInfo info = INFO.computeIfAbsent(raw, TreeRecordCodecOracle::inspect);
    RecordComponent[] components = info.components();
    Object[] args = new Object[components.length];
    boolean[] seen = new boolean[components.length];
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Integer index = info.indexByName().get(key);
      if (index == null) {
        index = info.indexByLowerName().get(key.toLowerCase(Locale.ROOT));
      }
      if (index == null || seen[index]) {
        continue;
      }
      seen[index] = true;
      RecordComponent c = components[index];
      args[index] = convert(e.getValue(), c.getGenericType(), path.field(c.getName()));
    }
    for (int i = 0; i < components.length; i++) {
      if (args[i] == null) {
        args[i] = defaultFor(components[i].getType());
      }
    }
    try {
      return info.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new BlipProtocolException("invalid " + raw.getSimpleName() + " at " + path + ": "
          + (cause == null ? e : cause.getMessage()), cause == null ? e : cause);
    } catch (ReflectiveOperationException e) {
      throw new BlipProtocolException("cannot create " + raw.getName() + " (is it public and exported?)", e);
    }
  }

  private static RecordInfo inspect(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Map<String, Integer> exact = new ConcurrentHashMap<>();
    Map<String, Integer> index = new ConcurrentHashMap<>();
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      exact.putIfAbsent(components[i].getName(), i);
      index.putIfAbsent(components[i].getName().toLowerCase(Locale.ROOT), i);
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      return new RecordInfo(ctor, components, Map.copyOf(exact), Map.copyOf(index));
    } catch (NoSuchMethodException e) {
      throw new BlipProtocolException("record " + type.getName() + " has no canonical constructor", e);
    }
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

  private static @Nullable Object unknownConstant(Class<?> raw) {
    for (Object c : raw.getEnumConstants()) {
      if (((Enum<?>) c).name().equals("UNKNOWN")) {
        return c;
      }
    }
    return null;
  }

  private static @Nullable Object enumValue(Class<?> raw, Object v, Path path) {
    String text = v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : string(v, path);
    String wanted = normalise(text);
    for (Object c : raw.getEnumConstants()) {
      if (normalise(((Enum<?>) c).name()).equals(wanted)) {
        return c;
      }
    }
    return unknownConstant(raw);
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

  private static double number(Object v, Object path) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s && !s.isBlank()) {
      return Double.parseDouble(s.trim());
    }
    throw mismatch("a number", v, path);
  }

  private static String string(Object v, Object path) {
    if (v instanceof String s) {
      return s;
    }
    throw mismatch("a string", v, path);
  }

  /**
   * Parses an ISO-8601 instant with or without an offset ({@code 2019-12-04T13:45:25.664Z},
   * {@code 2019-12-04T13:45:25.664+00:00}, {@code 2019-12-04T13:45:25.664} taken as UTC).
   *
   * @param s the text
   * @param path the JSON path for errors
   * @return the instant
   */
  public static Instant parseInstant(String s, String path) {
    return instant(s, path);
  }

  /** {@link #parseInstant(String, String)} with the path as any object, turned into text only on error. */
  private static Instant instant(String s, Object path) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        try {
          return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          throw new BlipProtocolException("cannot read a date-time at " + path + ": " + s, e3);
        }
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
   */
  public static Duration parseDuration(Object v, String path) {
    return duration(v, path);
  }

  /** {@link #parseDuration(Object, String)} with the path as any object, turned into text only on error. */
  private static Duration duration(Object v, Object path) {
    if (v instanceof Number n) {
      return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
    String s = string(v, path).trim();
    if (s.startsWith("P") || s.startsWith("-P")) {
      return Duration.parse(s);
    }
    String[] parts = s.split(":");
    if (parts.length != 3) {
      throw new BlipProtocolException("cannot read a duration at " + path + ": " + s);
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

  private static BlipProtocolException mismatch(String expected, Object v, Object path) {
    return new BlipProtocolException("expected " + expected + " at " + path + " but got " + Json.kind(v));
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
