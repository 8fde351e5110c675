package dev.blipsdk.core.internal;

/**
 * The byte-level half of strict RFC 8259 reading, which every body the SDK parses passes through (webhook
 * bodies in {@code WebhookParser}, response bodies in {@link Transport}) before Moshi's strict
 * {@code JsonReader} sees it.
 *
 * <p>Moshi, even when not lenient, accepts two things the standard forbids inside strings: raw control
 * characters (U+0000 to U+001F, for example a raw line feed, NUL or ESC) and the escapes {@code \'} and
 * backslash-newline. This scan refuses them, and measures nesting (so a body nested too deep is refused before a
 * recursive reader runs). Everything else (structure, literals, numbers, trailing data) is Moshi's strict
 * reader's job.
 *
 * <p>One pass over the bytes, no allocation. Stateless and thread-safe.
 */
public final class StrictJson {
  /** What {@link #scan} returns when the bytes nest deeper than allowed. */
  public static final long TOO_DEEP = -2;
  /** What {@link #scan} returns when there is nothing but white space. */
  public static final long BLANK = -1;

  private StrictJson() {}

  /**
   * Scans JSON bytes.
   *
   * @param body the bytes (UTF-8; multi-byte sequences are passed over, every byte of them being 0x80 or more)
   * @param maxDepth the deepest nesting of objects and arrays allowed
   * @return the first byte that is not JSON white space (0..255); {@link #BLANK}; {@link #TOO_DEEP}; or, for a
   *     string the standard forbids, {@code -(offset + 3)} where {@code offset} is where the bad byte is (decode it
   *     with {@link #badStringAt(long)})
   */
  public static long scan(byte[] body, int maxDepth) {
    int first = -1;
    int depth = 0;
    boolean inString = false;
    int length = body.length;
    for (int i = 0; i < length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '"') {
          inString = false;
        } else if (b == '\\') {
          if (++i >= length) {
            return -(i + 3L);
          }
          switch (body[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
            case 'u' -> {
              for (int k = 0; k < 4; k++) {
                if (++i >= length || !isHex(body[i])) {
                  return -(Math.min(i, length) + 3L);
                }
              }
            }
            default -> {
              return -(i + 3L);
            }
          }
        } else if (b >= 0 && b < 0x20) {
          return -(i + 3L); // a raw control character
        }
        continue;
      }
      if (first < 0 && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        first = b & 0xff;
      }
      if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > maxDepth) {
          return TOO_DEEP;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return first;
  }

  /**
   * For a result of {@link #scan} below {@link #TOO_DEEP}: the offset of the byte the standard forbids.
   *
   * @param scanResult the result
   * @return the offset, or -1 when the result is not a bad string
   */
  public static int badStringAt(long scanResult) {
    return scanResult <= -3 ? (int) (-scanResult - 3) : -1;
  }

  /**
   * Checks a body for a strict reader: {@code null} when the scan finds nothing wrong, otherwise what is wrong
   * in words (no content of the body).
   *
   * @param body the bytes
   * @param maxDepth the deepest nesting allowed
   * @return the problem, or {@code null}
   */
  public static @org.jspecify.annotations.Nullable String problem(byte[] body, int maxDepth) {
    long r = scan(body, maxDepth);
    if (r == TOO_DEEP) {
      return "objects and arrays nest deeper than " + maxDepth + " levels";
    }
    int bad = badStringAt(r);
    if (bad >= 0) {
      return "a string holds a raw control character or an escape RFC 8259 forbids (at byte " + bad + ")";
    }
    return null;
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }
}
