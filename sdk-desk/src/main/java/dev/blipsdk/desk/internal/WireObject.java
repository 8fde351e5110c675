package dev.blipsdk.desk.internal;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-only, case-insensitive view of one JSON object of a response ({@code Priority} and
 * {@code priority} are the same key), with tolerant conversions: numbers and booleans sent as strings are
 * accepted, blank strings read as absent. Errors name the object and the field.
 */
public final class WireObject {
  private final Map<String, Object> byLowerName;
  private final String what;

  private WireObject(Map<String, Object> byLowerName, String what) {
    this.byLowerName = byLowerName;
    this.what = what;
  }

  /**
   * Wraps a parsed JSON object.
   *
   * @param tree the parsed value
   * @param what what the object is, for error messages
   * @return the view
   * @throws BlipProtocolException if the value is not a JSON object
   */
  public static WireObject of(@Nullable Object tree, String what) {
    if (!(tree instanceof Map<?, ?> map)) {
      throw new BlipProtocolException("expected a JSON object for " + what + " but got "
          + (tree == null ? "null" : tree.getClass().getSimpleName()));
    }
    Map<String, Object> lower = new HashMap<>(map.size() * 2);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() != null) {
        lower.putIfAbsent(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    return new WireObject(lower, what);
  }

  /**
   * Whether the key is present with a non-null value.
   *
   * @param key the key, any case
   * @return true when present
   */
  public boolean has(String key) {
    return byLowerName.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /**
   * The raw value of a key.
   *
   * @param key the key, any case
   * @return the value or null
   */
  public @Nullable Object raw(String key) {
    return byLowerName.get(key.toLowerCase(Locale.ROOT));
  }

  /**
   * A string value; numbers and booleans are turned into text, blank strings read as null.
   *
   * @param key the key
   * @return the text or null
   */
  public @Nullable String str(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      String s = v.toString();
      return s.isBlank() ? null : s;
    }
    throw mismatch(key, "a string", v);
  }

  /**
   * A long value, from a number or numeric text.
   *
   * @param key the key
   * @return the value or null
   */
  public @Nullable Long lng(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      if (s.isBlank()) {
        return null;
      }
      try {
        return (long) Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw mismatch(key, "a number", v);
      }
    }
    throw mismatch(key, "a number", v);
  }

  /**
   * An int value, from a number or numeric text.
   *
   * @param key the key
   * @return the value or null
   */
  public @Nullable Integer integer(String key) {
    Long l = lng(key);
    return l == null ? null : (int) (long) l;
  }

  /**
   * An int value or a default.
   *
   * @param key the key
   * @param fallback the default
   * @return the value
   */
  public int integer(String key, int fallback) {
    Integer i = integer(key);
    return i == null ? fallback : i;
  }

  /**
   * A boolean, from a JSON boolean or the text true/false.
   *
   * @param key the key
   * @param fallback the value when absent
   * @return the value
   */
  public boolean bool(String key, boolean fallback) {
    Object v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw mismatch(key, "a boolean", v);
  }

  /**
   * An ISO-8601 instant (with or without offset) or epoch milliseconds.
   *
   * @param key the key
   * @return the instant or null
   */
  public @Nullable Instant instant(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    String s = str(key);
    return s == null ? null : CoreBridge.parseInstant(s, what + "." + key);
  }

  /**
   * A duration written {@code hh:mm:ss}, {@code d.hh:mm:ss}, ISO-8601 or as seconds.
   *
   * @param key the key
   * @return the duration or null
   */
  public @Nullable Duration duration(String key) {
    Object v = raw(key);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      return CoreBridge.parseDuration(v, what + "." + key);
    } catch (NumberFormatException e) {
      throw new BlipProtocolException("cannot read a duration at " + what + "." + key, e);
    }
  }

  /**
   * An identity ({@code name@domain}).
   *
   * @param key the key
   * @return the identity or null when absent
   * @throws BlipProtocolException if the text is not an identity
   */
  public @Nullable Identity identity(String key) {
    String s = str(key);
    if (s == null) {
      return null;
    }
    try {
      return Identity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new BlipProtocolException("invalid identity at " + what + "." + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * A list of strings; a single string reads as a list of one.
   *
   * @param key the key
   * @return the unmodifiable list, empty when absent
   */
  public List<String> strings(String key) {
    Object v = raw(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      throw mismatch(key, "an array of strings", v);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (o != null) {
        out.add(o instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : o.toString());
      }
    }
    return List.copyOf(out);
  }

  /**
   * A map of string values (Blip's contact {@code extras}); non-string values are turned into text.
   *
   * @param key the key
   * @return the unmodifiable map, in wire order, empty when absent
   */
  public Map<String, String> stringMap(String key) {
    Object v = raw(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw mismatch(key, "an object", v);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object val = e.getValue();
      if (val != null) {
        out.put(String.valueOf(e.getKey()),
            val instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : val.toString());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private BlipProtocolException mismatch(String key, String expected, Object v) {
    return new BlipProtocolException("expected " + expected + " at " + what + "." + key + " but got "
        + v.getClass().getSimpleName());
  }
}
