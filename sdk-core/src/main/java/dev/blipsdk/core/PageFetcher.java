package dev.blipsdk.core;

/**
 * Fetches one page of a list. Used by {@link PagedIterable} to walk a list lazily.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * Fetches the page at {@code skip} of at most {@code take} items.
   *
   * @param skip how many items to skip
   * @param take how many items to return at most
   * @return the page
   */
  Page<T> fetch(int skip, int take);
}
