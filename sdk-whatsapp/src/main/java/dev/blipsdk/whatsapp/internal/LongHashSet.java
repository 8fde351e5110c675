package dev.blipsdk.whatsapp.internal;

/**
 * A set of positive {@code long}s in one open-addressing array: 8 to 16 bytes per element, no boxing. A campaign
 * launch keeps every phone number it uploaded here (E.164 digits fit a long) to refuse duplicates of a stream too
 * large to keep as objects: 500,000 numbers take about 8 MB. Not thread-safe.
 */
public final class LongHashSet {
  private long[] table = new long[1024];
  private int size;

  /**
   * Adds a value.
   *
   * @param value a positive value
   * @return true if it was not there
   * @throws IllegalArgumentException if the value is not positive
   */
  public boolean add(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("LongHashSet holds positive values only, got " + value);
    }
    if ((size + 1) * 2L > table.length) {
      grow();
    }
    return insert(table, value);
  }

  private boolean insert(long[] t, long value) {
    int mask = t.length - 1;
    int i = mix(value) & mask;
    while (t[i] != 0) {
      if (t[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    t[i] = value;
    size++;
    return true;
  }

  private void grow() {
    long[] old = table;
    long[] bigger = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != 0) {
        insert(bigger, v);
      }
    }
    table = bigger;
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** @return how many values the set holds */
  public int size() {
    return size;
  }
}
