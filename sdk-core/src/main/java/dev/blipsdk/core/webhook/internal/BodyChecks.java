package dev.blipsdk.core.webhook.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cheap byte-level checks run before any JSON parsing. */
public final class BodyChecks {
  /** What {@link #scan(byte[], int)} found. */
  public static final int TOO_DEEP = -2;

  private BodyChecks() {}

  /**
   * Finds the first byte that is not valid UTF-8, decoding strictly (malformed and unmappable input are
   * reported, not replaced) through a small reused buffer.
   *
   * @param body the bytes
   * @return the offset of the first invalid byte, or -1 when all of it is valid UTF-8
   */
  public static int firstInvalidUtf8(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(Math.min(body.length + 1, 8192));
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        break;
      }
      out.clear();
    }
    while (true) {
      CoderResult r = decoder.flush(out);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        return -1;
      }
      out.clear();
    }
  }

  /**
   * Measures nesting outside strings and finds the first significant byte.
   *
   * @param body the bytes (valid UTF-8)
   * @param maxDepth the deepest nesting allowed
   * @return the first byte that is not JSON white space (0..255), -1 if there is none, or
   *     {@link #TOO_DEEP} if objects and arrays nest deeper than {@code maxDepth}
   */
  public static int scan(byte[] body, int maxDepth) {
    int first = -1;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : body) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
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
}
