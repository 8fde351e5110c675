package dev.blipsdk.desk.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Write-back of a document read earlier: the members the SDK does not model, as they came (JSON nulls and
 * exact numbers included), so that a {@code set} built from a record read with {@code get} deletes nothing it
 * did not understand.
 */
public final class WriteBack {
  private WriteBack() {}

  /**
   * The members of {@code raw} whose names, without regard to case, are not in {@code modelled}.
   *
   * @param raw the document as read (an object, or anything else for none)
   * @param modelled the lower-case names the caller writes itself
   * @return a new mutable map, in the document's order, values as documents
   */
  public static Map<String, Object> unmodelled(JsonDocument raw, Set<String> modelled) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw.isObject()) {
      for (Map.Entry<String, JsonDocument> e : raw.fields().entrySet()) {
        if (!modelled.contains(e.getKey().toLowerCase(Locale.ROOT))) {
          out.put(e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  /** An empty JSON object, the raw document of a record the caller built. */
  public static final JsonDocument EMPTY = JsonDocument.parse("{}");
}
