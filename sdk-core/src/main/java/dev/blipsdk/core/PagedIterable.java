package dev.blipsdk.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list that fetches its pages lazily as it is iterated, within a page size and an overall limit.
 * Each iteration starts again from the first page. Works whether or not the server sends a total: it
 * stops at the total, at the first short or empty page, or at the limit, whichever comes first.
 *
 * <pre>{@code
 * for (Contact c : contacts.list(filter).limit(500)) { ... }
 * long vips = contacts.list(filter).stream().filter(Contact::isVip).count();
 * }</pre>
 *
 * <p>Thread-safe to share; each {@link #iterator()} is for one thread.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final int maxPageSize;
  private final long limit;
  private final int startSkip;

  private PagedIterable(PageFetcher<T> fetcher, int startSkip, int pageSize, int maxPageSize, long limit) {
    this.fetcher = fetcher;
    this.startSkip = startSkip;
    this.pageSize = pageSize;
    this.maxPageSize = maxPageSize;
    this.limit = limit;
  }

  /**
   * Walks a list from the start.
   *
   * @param fetcher fetches one page
   * @param pageSize items per page, within the resource's maximum
   * @param limit the most items to return in all ({@link Long#MAX_VALUE} for no limit)
   * @param <T> the item type
   * @return the iterable
   * @throws IllegalArgumentException if pageSize or limit is less than 1
   */
  public static <T> PagedIterable<T> of(PageFetcher<T> fetcher, int pageSize, long limit) {
    return of(fetcher, pageSize, Integer.MAX_VALUE, limit);
  }

  /**
   * Walks a list from the start, with the most items the resource allows in one page (Blip: tickets 100,
   * contacts 30000, threads 100...). {@link #pageSize(int)} refuses a size above it.
   *
   * @param fetcher fetches one page
   * @param pageSize items per page
   * @param maxPageSize the resource's maximum page size
   * @param limit the most items to return in all ({@link Long#MAX_VALUE} for no limit)
   * @param <T> the item type
   * @return the iterable
   * @throws IllegalArgumentException if a number is less than 1 or pageSize exceeds maxPageSize
   */
  public static <T> PagedIterable<T> of(PageFetcher<T> fetcher, int pageSize, int maxPageSize, long limit) {
    Objects.requireNonNull(fetcher, "fetcher");
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be at least 1, was " + maxPageSize);
    }
    checkPageSize(pageSize, maxPageSize);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return new PagedIterable<>(fetcher, 0, pageSize, maxPageSize, limit);
  }

  private static void checkPageSize(int size, int max) {
    if (size < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + size);
    }
    if (size > max) {
      throw new IllegalArgumentException("pageSize " + size + " exceeds this resource's maximum of " + max);
    }
  }

  /**
   * The most items one page of this resource may hold.
   *
   * @return the maximum page size
   */
  public int maxPageSize() {
    return maxPageSize;
  }

  /**
   * The same list, returning at most {@code max} items in all.
   *
   * @param max the limit
   * @return a new iterable
   * @throws IllegalArgumentException if max is less than 1
   */
  public PagedIterable<T> limit(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + max);
    }
    return new PagedIterable<>(fetcher, startSkip, pageSize, maxPageSize, Math.min(limit, max));
  }

  /**
   * The same list fetched with another page size.
   *
   * @param size items per page
   * @return a new iterable
   * @throws IllegalArgumentException if size is less than 1 or above {@link #maxPageSize()}
   */
  public PagedIterable<T> pageSize(int size) {
    checkPageSize(size, maxPageSize);
    return new PagedIterable<>(fetcher, startSkip, size, maxPageSize, limit);
  }

  /**
   * Fetches only the first page.
   *
   * @return the first page
   */
  public Page<T> firstPage() {
    return fetcher.fetch(startSkip, (int) Math.min(pageSize, limit));
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private List<T> current = List.of();
      private int index;
      private long returned;
      private int nextSkip = startSkip;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        if (returned >= limit) {
          return false;
        }
        while (index >= current.size()) {
          if (!more) {
            return false;
          }
          int take = (int) Math.min(pageSize, limit - returned);
          Page<T> page = fetcher.fetch(nextSkip, take);
          current = page.items();
          index = 0;
          nextSkip = page.nextSkip();
          more = page.hasMore() && page.items().size() > 0;
          if (current.isEmpty()) {
            more = false;
            return false;
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return current.get(index++);
      }
    };
  }

  /**
   * A sequential stream over the items, fetched lazily.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
