package dev.blipsdk.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list fetched with {@code $skip}/{@code $take}.
 *
 * <p>Immutable and thread-safe when its items are.
 *
 * @param items the items of this page
 * @param total the total on the server, or {@code null} when the response omitted it
 * @param skip the {@code $skip} this page was fetched with
 * @param take the {@code $take} this page was fetched with
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable Long total, int skip, int take) {

  /** Copies the items and checks the numbers. */
  public Page {
    Objects.requireNonNull(items, "items");
    items = List.copyOf(items);
    if (skip < 0 || take < 1) {
      throw new IllegalArgumentException("skip must be >= 0 and take >= 1 (skip=" + skip + ", take=" + take + ")");
    }
  }

  /**
   * Whether another page may follow: known from {@code total} when present, otherwise assumed while
   * pages come back full.
   *
   * @return true when fetching the next page can return items
   */
  public boolean hasMore() {
    if (items.isEmpty()) {
      return false;
    }
    if (total != null) {
      return (long) skip + items.size() < total;
    }
    return items.size() >= take;
  }

  /**
   * The {@code $skip} of the next page.
   *
   * @return skip plus the number of items on this page
   */
  public int nextSkip() {
    return skip + items.size();
  }
}
