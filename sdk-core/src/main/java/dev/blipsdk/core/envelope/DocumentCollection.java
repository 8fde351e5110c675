package dev.blipsdk.core.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A LIME document collection ({@code application/vnd.lime.collection+json}): the items of a list
 * response, with the total when the server sends one.
 *
 * <p>Immutable and thread-safe when its items are.
 *
 * @param total the total number of items on the server, or {@code null} when the response omits it
 *     (some Blip endpoints do)
 * @param itemType the MIME type of the items, or {@code null} when absent
 * @param items the items of this response, never {@code null}
 * @param <T> the item type
 */
public record DocumentCollection<T>(@Nullable Long total, @Nullable String itemType, List<T> items) {

  /** Copies the item list so the collection cannot change. */
  public DocumentCollection {
    Objects.requireNonNull(items, "items");
    items = List.copyOf(items);
  }

  /**
   * Converts every item.
   *
   * @param mapper the conversion
   * @param <R> the new item type
   * @return a collection with the same total and item type
   */
  public <R> DocumentCollection<R> map(Function<? super T, ? extends R> mapper) {
    List<R> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(mapper.apply(item));
    }
    return new DocumentCollection<>(total, itemType, out);
  }
}
