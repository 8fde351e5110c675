package dev.blipsdk.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blipsdk.core.webhook.internal.BodyChecks;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The allocation-free UTF-8 check agrees with the JDK's strict decoder on where the first bad sequence is. */
class BodyChecksTest {

  @Test
  void wellFormedTextOfEveryLengthIsValid() {
    String text = "{\"a\":\"ascii é ü ção 中文 \uD83D\uDE00 \u07FF \u0800 \uFFFD \uD7FF \uE000 \uDBFF\uDFFF\"}";
    assertEquals(-1, BodyChecks.firstInvalidUtf8(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(-1, BodyChecks.firstInvalidUtf8(new byte[0]));
  }

  @Test
  void eachIllFormedClassIsFoundWhereItStarts() {
    assertEquals(1, BodyChecks.firstInvalidUtf8(bytes('a', 0xC0, 0x80)));          // overlong 2-byte
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xC1, 0xBF)));               // overlong 2-byte
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xE0, 0x9F, 0xBF)));         // overlong 3-byte
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xED, 0xA0, 0x80)));         // surrogate
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xF0, 0x8F, 0xBF, 0xBF)));   // overlong 4-byte
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xF4, 0x90, 0x80, 0x80)));   // above U+10FFFF
    assertEquals(0, BodyChecks.firstInvalidUtf8(bytes(0xF5, 0x80, 0x80, 0x80)));   // no such lead byte
    assertEquals(2, BodyChecks.firstInvalidUtf8(bytes('a', 'b', 0x80)));           // lone continuation
    assertEquals(1, BodyChecks.firstInvalidUtf8(bytes('a', 0xE2, 0x82)));          // truncated at the end
    assertEquals(1, BodyChecks.firstInvalidUtf8(bytes('a', 0xE2, 0x82, 'b')));     // truncated in the middle
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomAndMutatedInput() {
    Random random = new Random(20261202L);
    byte[] sample = "{\"t\":\"olá, ação 中文 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 50_000; i++) {
      byte[] b;
      if (i % 2 == 0) {
        b = new byte[random.nextInt(12)];
        random.nextBytes(b);
      } else {
        b = sample.clone();
        for (int k = random.nextInt(3); k >= 0; k--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      byte[] input = b;
      assertEquals(jdk(input), BodyChecks.firstInvalidUtf8(input), () -> java.util.HexFormat.of().formatHex(input));
    }
  }

  /** The reference: a strict CharsetDecoder, reporting the position of the first malformed input. */
  private static int jdk(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      return in.position();
    }
    r = decoder.flush(out);
    return r.isError() ? in.position() : -1;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
