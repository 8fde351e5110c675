package dev.blipsdk.core.webhook.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The UTF-8 check run before any JSON parsing (the JSON byte scan is {@code core.internal.StrictJson}). */
public final class BodyChecks {
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
}
