package dev.blipsdk.desk.internal;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items of a collection response, parsed once. Tolerates what {@code JsonDocument.asCollection()}
 * tolerates ({@code items}, {@code data} or {@code documents}, a bare array, a missing {@code total}), and
 * a response with no resource at all (an empty list), without re-serialising each item.
 *
 * @param items the raw items (maps for object items)
 * @param total the total, or null when the server left it out
 */
public record WireCollection(List<?> items, @Nullable Long total) {

  /**
   * Reads the collection of a response command.
   *
   * @param response the response
   * @return the items
   * @throws BlipProtocolException if the resource has no list of items
   */
  public static WireCollection of(Command response) {
    if (response.resource() == null) {
      return new WireCollection(List.of(), 0L);
    }
    Object tree = response.resource().tree();
    if (tree instanceof List<?> list) {
      return new WireCollection(list, null);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new BlipProtocolException("expected a collection in the response to " + response.method().wireValue()
          + " but got " + (tree == null ? "null" : tree.getClass().getSimpleName()));
    }
    Object items = map.get("items");
    if (items == null) {
      items = map.get("data");
    }
    if (items == null) {
      items = map.get("documents");
    }
    Long total = null;
    Object t = map.get("total");
    if (t instanceof Number n) {
      total = n.longValue();
    } else if (t instanceof String s && s.trim().matches("\\d+")) {
      total = Long.parseLong(s.trim());
    }
    if (items == null) {
      return new WireCollection(List.of(), total);
    }
    if (!(items instanceof List<?> list)) {
      throw new BlipProtocolException("collection items is not an array");
    }
    return new WireCollection(list, total);
  }
}
