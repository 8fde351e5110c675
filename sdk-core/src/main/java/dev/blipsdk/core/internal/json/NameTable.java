package dev.blipsdk.core.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Finds a record component by a JSON member name without regard to ASCII case, on the name's bytes (no string
 * made): an open-addressing table keyed by the case-folded hash. {@link #match} tells an exact match (same
 * case) from a folded one, so that {@code priority} beats {@code Priority} when a document has both.
 * Immutable after construction.
 */
final class NameTable {
  /** Set in a match result when the case matched exactly. */
  static final int EXACT = 1 << 16;

  private final byte[][] names;
  private final int[] slots;
  private final int mask;

  NameTable(String[] componentNames, boolean[] matchable) {
    names = new byte[componentNames.length][];
    int size = Integer.highestOneBit(Math.max(4, componentNames.length * 4) - 1) << 1;
    slots = new int[size];
    mask = size - 1;
    for (int i = 0; i < componentNames.length; i++) {
      names[i] = componentNames[i].getBytes(StandardCharsets.UTF_8);
      if (!matchable[i]) {
        continue;
      }
      int h = hash(names[i], 0, names[i].length) & mask;
      while (slots[h] != 0) {
        if (foldedEquals(names[slots[h] - 1], names[i], 0, names[i].length)) {
          break; // two components differing only in case: the first keeps the folded slot
        }
        h = (h + 1) & mask;
      }
      if (slots[h] == 0) {
        slots[h] = i + 1;
      }
    }
  }

  private static int fold(int b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  private static int hash(byte[] b, int start, int stop) {
    int h = 0;
    for (int i = start; i < stop; i++) {
      h = 31 * h + fold(b[i]);
    }
    return h ^ (h >>> 16);
  }

  private static boolean foldedEquals(byte[] name, byte[] b, int start, int stop) {
    if (name.length != stop - start) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (fold(name[i]) != fold(b[start + i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The component for the name in {@code b[start, stop)}.
   *
   * @return the index, with {@link #EXACT} set when the case matched too; -1 when no component matches
   */
  int match(byte[] b, int start, int stop) {
    int h = hash(b, start, stop) & mask;
    while (true) {
      int slot = slots[h];
      if (slot == 0) {
        return -1;
      }
      byte[] name = names[slot - 1];
      if (foldedEquals(name, b, start, stop)) {
        boolean exact = true;
        for (int i = 0; i < name.length; i++) {
          if (name[i] != b[start + i]) {
            exact = false;
            break;
          }
        }
        return exact ? (slot - 1) | EXACT : slot - 1;
      }
      h = (h + 1) & mask;
    }
  }

  /** The same, for a name read as a string (it had escapes). */
  int match(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    return match(b, 0, b.length);
  }
}
