package dev.blipsdk.core.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 8259 validator written for the tests from the standard's grammar, sharing no code with the SDK: the
 * oracle the webhook fuzz test judges deliveries by. Iterative depth is bounded by recursion on {@code maxDepth}.
 */
final class StrictJsonOracle {
  private final String s;
  private int i;
  private final int maxDepth;

  private StrictJsonOracle(String s, int maxDepth) {
    this.s = s;
    this.maxDepth = maxDepth;
  }

  /** Whether the bytes are UTF-8 holding exactly one JSON value (white space around it allowed). */
  static boolean isJson(byte[] bytes, int maxDepth) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    StrictJsonOracle o = new StrictJsonOracle(text, maxDepth);
    try {
      o.ws();
      o.value(0);
      o.ws();
      return o.i == text.length();
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private IllegalStateException bad() {
    return new IllegalStateException("at " + i);
  }

  private char peek() {
    if (i >= s.length()) {
      throw bad();
    }
    return s.charAt(i);
  }

  private void ws() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
        || s.charAt(i) == '\r')) {
      i++;
    }
  }

  private void expect(String word) {
    if (!s.startsWith(word, i)) {
      throw bad();
    }
    i += word.length();
  }

  private void value(int depth) {
    if (depth > maxDepth) {
      throw bad();
    }
    char c = peek();
    switch (c) {
      case '{' -> {
        i++;
        ws();
        if (peek() == '}') {
          i++;
          return;
        }
        while (true) {
          ws();
          string();
          ws();
          expect(":");
          ws();
          value(depth + 1);
          ws();
          if (peek() == ',') {
            i++;
          } else {
            expect("}");
            return;
          }
        }
      }
      case '[' -> {
        i++;
        ws();
        if (peek() == ']') {
          i++;
          return;
        }
        while (true) {
          ws();
          value(depth + 1);
          ws();
          if (peek() == ',') {
            i++;
          } else {
            expect("]");
            return;
          }
        }
      }
      case '"' -> string();
      case 't' -> expect("true");
      case 'f' -> expect("false");
      case 'n' -> expect("null");
      default -> number();
    }
  }

  private void string() {
    expect("\"");
    while (true) {
      char c = peek();
      i++;
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw bad();
      }
      if (c == '\\') {
        char e = peek();
        i++;
        if (e == 'u') {
          for (int k = 0; k < 4; k++) {
            if (Character.digit(peek(), 16) < 0) {
              throw bad();
            }
            i++;
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw bad();
        }
      }
    }
  }

  private void number() {
    int start = i;
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '0') {
      i++;
    } else {
      digits(true);
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      digits(true);
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      digits(true);
    }
    if (i == start) {
      throw bad();
    }
  }

  private void digits(boolean required) {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (required && i == start) {
      throw bad();
    }
  }
}
