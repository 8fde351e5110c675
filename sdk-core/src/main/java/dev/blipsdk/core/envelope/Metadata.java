package dev.blipsdk.core.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Copies of envelope metadata: in order, and a JSON {@code null} value kept as a null entry. */
final class Metadata {
  private Metadata() {}

  static Map<String, @Nullable String> copy(@Nullable Map<String, ? extends @Nullable String> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return Map.of();
    }
    Map<String, @Nullable String> copy = new LinkedHashMap<>(metadata);
    if (copy.containsKey(null)) {
      throw new NullPointerException("metadata key");
    }
    return Collections.unmodifiableMap(copy);
  }
}
