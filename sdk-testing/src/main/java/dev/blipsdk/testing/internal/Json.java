package dev.blipsdk.testing.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Generic JSON trees: the fake reads and writes wire JSON as {@code Map}, {@code List}, {@code String},
 * {@code Long}/{@code Double}, {@code Boolean}. Never the SDK's own classes.
 */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /** Parses JSON text into a tree with integral numbers as {@code Long}. */
  public static @Nullable Object parse(String text) throws IOException {
    return normalize(ADAPTER.fromJson(text));
  }

  /** Parses a JSON object, or returns null if the text is not a JSON object. */
  public static @Nullable Map<String, Object> parseObject(String text) {
    try {
      Object tree = parse(text);
      return tree instanceof Map ? asMap(tree) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public static String write(@Nullable Object tree) {
    return ADAPTER.toJson(tree);
  }

  /** Integral doubles become longs, recursively; maps keep their order. */
  public static @Nullable Object normalize(@Nullable Object o) {
    if (o instanceof Double) {
      double d = (Double) o;
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
      return d;
    }
    if (o instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        Object v = normalize(e.getValue());
        if (v != null) {
          out.put(String.valueOf(e.getKey()), v);
        }
      }
      return out;
    }
    if (o instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (List<?>) o) {
        Object n = normalize(v);
        if (n != null) {
          out.add(n);
        }
      }
      return out;
    }
    return o;
  }

  /** A deep, mutable copy. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T tree) {
    return (T) normalize(tree);
  }

  /** A deep, unmodifiable copy. */
  public static @Nullable Object frozen(@Nullable Object o) {
    if (o instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        Object v = frozen(e.getValue());
        if (v != null) {
          out.put(String.valueOf(e.getKey()), v);
        }
      }
      return Collections.unmodifiableMap(out);
    }
    if (o instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (List<?>) o) {
        Object f = frozen(v);
        if (f != null) {
          out.add(f);
        }
      }
      return Collections.unmodifiableList(out);
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> frozenMap(Map<String, Object> m) {
    return (Map<String, Object>) frozen(m);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  public static @Nullable Map<String, Object> map(@Nullable Object o) {
    return o instanceof Map ? asMap(o) : null;
  }

  public static List<Object> list(@Nullable Object o) {
    if (o instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) o;
      return l;
    }
    return List.of();
  }

  /** The value as a string: strings as they are, numbers and booleans as text, else null. */
  public static @Nullable String str(@Nullable Map<String, Object> m, String key) {
    if (m == null) {
      return null;
    }
    Object v = m.get(key);
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    return null;
  }

  /** Looks a key up regardless of case (the wire mixes {@code Priority} and {@code priority}). */
  public static @Nullable Object getIgnoreCase(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Builds an ordered object from key/value pairs; null values are left out. */
  public static Map<String, Object> obj(@Nullable Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(String.valueOf(kv[i]), kv[i + 1]);
      }
    }
    return m;
  }

  /** A LIME collection document. */
  public static Map<String, Object> collection(String itemType, List<?> items, @Nullable Integer total) {
    return obj("total", total, "itemType", itemType, "items", new ArrayList<>(items));
  }
}
