package dev.blipsdk.core.internal;

import java.util.ArrayList;
import java.util.List;

/** Every string up to a length over a small alphabet: exhaustive inputs for the node-rule tests. */
public final class ShortStrings {
  private ShortStrings() {}

  /**
   * Every string of length 1 to {@code maxLength} over {@code alphabet}, shortest first.
   *
   * @param alphabet the characters
   * @param maxLength the longest length
   * @return the strings
   */
  public static List<String> upTo(char[] alphabet, int maxLength) {
    List<String> out = new ArrayList<>();
    for (int length = 1; length <= maxLength; length++) {
      int[] idx = new int[length];
      while (true) {
        StringBuilder sb = new StringBuilder(length);
        for (int i : idx) {
          sb.append(alphabet[i]);
        }
        out.add(sb.toString());
        int k = length - 1;
        while (k >= 0 && ++idx[k] == alphabet.length) {
          idx[k--] = 0;
        }
        if (k < 0) {
          break;
        }
      }
    }
    return out;
  }
}
