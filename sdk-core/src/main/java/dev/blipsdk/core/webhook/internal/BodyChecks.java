package dev.blipsdk.core.webhook.internal;

/**
 * A byte-level check run before any JSON parsing, without allocating. Stateless and thread-safe.
 */
public final class BodyChecks {
  private BodyChecks() {}

  /**
   * Finds the first byte sequence that is not well-formed UTF-8 by the Unicode Standard's table 3-7 (no
   * overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence): what a strict
   * {@code CharsetDecoder} reports, without its buffers.
   *
   * @param body the bytes
   * @return the offset where the first ill-formed sequence starts, or -1 when all of it is valid UTF-8
   */
  public static int firstInvalidUtf8(byte[] body) {
    int n = body.length;
    int i = 0;
    while (i < n) {
      int b = body[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xff;
      int need;
      int lo = 0x80;
      int hi = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b == 0xe0) {
          lo = 0xa0;
        } else if (b == 0xed) {
          hi = 0x9f;
        }
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b == 0xf0) {
          lo = 0x90;
        } else if (b == 0xf4) {
          hi = 0x8f;
        }
      } else {
        return i;
      }
      if (i + need >= n) {
        return i; // truncated at the end
      }
      int second = body[i + 1] & 0xff;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= need; k++) {
        int c = body[i + k] & 0xff;
        if (c < 0x80 || c > 0xbf) {
          return i;
        }
      }
      i += need + 1;
    }
    return -1;
  }
}
