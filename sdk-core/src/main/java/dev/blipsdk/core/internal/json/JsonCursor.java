package dev.blipsdk.core.internal.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of one JSON value in a range of UTF-8 bytes, strict to RFC 8259's grammar (no
 * comments, no trailing commas, no unquoted names, no control characters in strings). It allocates nothing
 * but the values it is asked for: names are matched on the bytes, a skipped value costs a scan, and a value's
 * bytes can be taken as a range ({@link #position()} before and after) without a copy.
 *
 * <p>Not thread-safe: one cursor per decode.
 */
final class JsonCursor {
  /** Kinds of the next value, as {@link #peek()} returns them. */
  static final int OBJECT = 1;
  static final int ARRAY = 2;
  static final int STRING = 3;
  static final int NUMBER = 4;
  static final int BOOLEAN = 5;
  static final int NULL = 6;

  /** The deepest nesting of objects and arrays a cursor accepts unless told otherwise. */
  static final int MAX_DEPTH = 255;

  final byte[] bytes;
  private int pos;
  private final int end;
  private final int maxDepth;
  private int depth;

  JsonCursor(byte[] bytes, int offset, int length) {
    this(bytes, offset, length, MAX_DEPTH);
  }

  /** A cursor that fails with {@link TooDeep} on objects and arrays nested deeper than {@code maxDepth}. */
  JsonCursor(byte[] bytes, int offset, int length, int maxDepth) {
    this.bytes = bytes;
    this.pos = offset;
    this.end = offset + length;
    this.maxDepth = maxDepth;
  }

  /** A malformed document: no stack trace, it is turned into a {@code BlipProtocolException} by the caller. */
  static class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** A document nested deeper than the cursor's limit: well-formed or not, it is not read further. */
  static final class TooDeep extends Malformed {
    private static final long serialVersionUID = 1L;

    TooDeep(int limit) {
      super("malformed JSON: nested deeper than " + limit + " levels");
    }
  }

  Malformed malformed(String expected) {
    String found = pos >= end ? "the end of the document" : "'" + printable(bytes[pos]) + "'";
    return new Malformed("malformed JSON: expected " + expected + " at byte " + pos + " but found " + found);
  }

  private static String printable(byte b) {
    int c = b & 0xff;
    return c >= 0x20 && c < 0x7f ? Character.toString((char) c) : String.format("\\x%02x", c);
  }

  /** The offset of the next byte (after {@link #skipWhitespace()}: of the next value). */
  int position() {
    return pos;
  }

  void skipWhitespace() {
    while (pos < end) {
      byte b = bytes[pos];
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  /** The kind of the next value. */
  int peek() {
    skipWhitespace();
    if (pos >= end) {
      throw malformed("a value");
    }
    switch (bytes[pos]) {
      case '{':
        return OBJECT;
      case '[':
        return ARRAY;
      case '"':
        return STRING;
      case 't':
      case 'f':
        return BOOLEAN;
      case 'n':
        return NULL;
      default:
        byte b = bytes[pos];
        if (b == '-' || (b >= '0' && b <= '9')) {
          return NUMBER;
        }
        throw malformed("a value");
    }
  }

  /** Fails unless only white space is left. */
  void expectEnd() {
    skipWhitespace();
    if (pos != end) {
      throw malformed("the end of the document");
    }
  }

  void beginObject() {
    skipWhitespace();
    expect('{', "'{'");
    enter();
  }

  void beginArray() {
    skipWhitespace();
    expect('[', "'['");
    enter();
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new TooDeep(maxDepth);
    }
  }

  private void expect(char c, String what) {
    if (pos >= end || bytes[pos] != c) {
      throw malformed(what);
    }
    pos++;
  }

  /**
   * Whether the object has another member; consumes the separating comma, or the closing brace when it has
   * none. The next call is one of the name readers.
   *
   * @param first true before the first member
   */
  boolean hasNextMember(boolean first) {
    if (closes('}', first, "',' or '}'")) {
      return false;
    }
    skipWhitespace();
    if (pos >= end || bytes[pos] != '"') {
      throw malformed("a member name");
    }
    return true;
  }

  /**
   * Whether the array has another element; consumes the separating comma, or the closing bracket.
   *
   * @param first true before the first element
   */
  boolean hasNextElement(boolean first) {
    return !closes(']', first, "',' or ']'");
  }

  /** Consumes the closing bracket and returns true, or else the comma that must come before a next item. */
  private boolean closes(char close, boolean first, String expected) {
    skipWhitespace();
    if (pos < end && bytes[pos] == close) {
      pos++;
      depth--;
      return true;
    }
    if (!first) {
      expect(',', expected);
    }
    return false;
  }

  /**
   * Scans the member name at the cursor (on its opening quote). Returns the end offset of its bytes (the
   * closing quote), or -1 when the name has escapes (read it with {@link #nextString()} instead, after
   * {@link #rewindTo(int)}); the start is {@code position() + 1} before the call.
   */
  int scanPlainName() {
    int i = pos + 1;
    while (i < end) {
      byte b = bytes[i];
      if (b == '"') {
        return i;
      }
      if (b == '\\' || (b >= 0 && b < 0x20)) {
        return -1;
      }
      i++;
    }
    throw malformed("a closing quote");
  }

  /** Moves past a plain name whose closing quote is at {@code closingQuote}, and past the ':' after it. */
  void afterName(int closingQuote) {
    pos = closingQuote + 1;
    colon();
  }

  /** Reads a member name (any escapes decoded) and the ':' after it. */
  String nextName() {
    String name = nextString();
    colon();
    return name;
  }

  private void colon() {
    skipWhitespace();
    expect(':', "':'");
  }

  /** Reads a string value (the cursor is on its opening quote). */
  String nextString() {
    skipWhitespace();
    expect('"', "a string");
    int start = pos;
    boolean ascii = true;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        String s = ascii ? new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1)
            : new String(bytes, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (b == '\\') {
        return escaped(start);
      }
      if (b < 0) {
        ascii = false;
      } else if (b < 0x20) {
        throw malformed("no control character in a string");
      }
      pos++;
    }
    throw malformed("a closing quote");
  }

  /** The rest of a string that has escapes, from its first byte at {@code start}. */
  private String escaped(int start) {
    StringBuilder sb = new StringBuilder(pos - start + 16);
    int run = start;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        sb.append(new String(bytes, run, pos - run, StandardCharsets.UTF_8));
        pos++;
        return sb.toString();
      }
      if (b >= 0 && b < 0x20) {
        throw malformed("no control character in a string");
      }
      if (b != '\\') {
        pos++;
        continue;
      }
      sb.append(new String(bytes, run, pos - run, StandardCharsets.UTF_8));
      pos++;
      if (pos >= end) {
        throw malformed("an escape");
      }
      byte e = bytes[pos++];
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case '/' -> sb.append('/');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > end) {
            throw malformed("four hex digits");
          }
          int c = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(bytes[pos++], 16);
            if (d < 0) {
              pos--;
              throw malformed("a hex digit");
            }
            c = (c << 4) | d;
          }
          sb.append((char) c);
        }
        default -> {
          pos--;
          throw malformed("a valid escape");
        }
      }
      run = pos;
    }
    throw malformed("a closing quote");
  }

  /** Skips a string value whose opening quote is at the cursor. */
  private void skipString() {
    pos++;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        pos++;
        return;
      }
      if (b == '\\') {
        pos++;
        if (pos < end && bytes[pos] == 'u') {
          for (int k = 0; k < 4; k++) {
            pos++;
            if (pos >= end || Character.digit(bytes[pos], 16) < 0) {
              throw malformed("a hex digit");
            }
          }
        } else if (pos >= end || "\"\\/bfnrt".indexOf(bytes[pos]) < 0) {
          throw malformed("a valid escape");
        }
      } else if (b >= 0 && b < 0x20) {
        throw malformed("no control character in a string");
      }
      pos++;
    }
    throw malformed("a closing quote");
  }

  /**
   * Scans a number at the cursor by RFC 8259's grammar and returns its end offset; the cursor is then past it.
   * Its start is {@link #position()} before the call.
   */
  int scanNumber() {
    skipWhitespace();
    int i = pos;
    if (i < end && bytes[i] == '-') {
      i++;
    }
    if (i >= end || bytes[i] < '0' || bytes[i] > '9') {
      pos = i;
      throw malformed("a digit");
    }
    i = bytes[i] == '0' ? i + 1 : digits(i);
    if (i < end && bytes[i] == '.') {
      i = someDigits(i + 1, "a digit after '.'");
    }
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      i = someDigits(i, "a digit in the exponent");
    }
    pos = i;
    return i;
  }

  /** The offset after the run of ASCII digits at {@code i}. */
  private int digits(int i) {
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  /** The same, failing when there is no digit at {@code i}. */
  private int someDigits(int i, String expected) {
    int stop = digits(i);
    if (stop == i) {
      pos = i;
      throw malformed(expected);
    }
    return stop;
  }

  /** The text of a number value, exactly as written. */
  String nextNumberText() {
    skipWhitespace();
    int start = pos;
    int stop = scanNumber();
    return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads a number value as a long when it is written as a whole number of at most 18 digits (the common
   * case, without a string); otherwise returns {@code Long.MIN_VALUE} and leaves the cursor where it was, so
   * the caller reads {@link #nextNumberText()}.
   */
  long nextPlainLong() {
    skipWhitespace();
    int i = pos;
    boolean negative = i < end && bytes[i] == '-';
    if (negative) {
      i++;
    }
    int digits = i;
    long v = 0;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9' && i - digits < 18) {
      v = v * 10 + (bytes[i] - '0');
      i++;
    }
    int n = i - digits;
    if (n == 0 || (n > 1 && bytes[digits] == '0')
        || (i < end && (bytes[i] == '.' || bytes[i] == 'e' || bytes[i] == 'E' || (bytes[i] >= '0' && bytes[i] <= '9')))) {
      return Long.MIN_VALUE;
    }
    pos = i;
    return negative ? -v : v;
  }

  /** Reads a number value as a double. */
  double nextDouble() {
    long l = nextPlainLong();
    if (l != Long.MIN_VALUE) {
      return l;
    }
    return Double.parseDouble(nextNumberText());
  }

  /** Reads a number value exactly. */
  BigDecimal nextBigDecimal() {
    return new BigDecimal(nextNumberText());
  }

  boolean nextBoolean() {
    skipWhitespace();
    if (literal("true")) {
      return true;
    }
    if (literal("false")) {
      return false;
    }
    throw malformed("true or false");
  }

  void nextNull() {
    skipWhitespace();
    if (!literal("null")) {
      throw malformed("null");
    }
  }

  private boolean literal(String word) {
    int n = word.length();
    if (pos + n > end) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (bytes[pos + k] != word.charAt(k)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** Skips the next value, checking its grammar. */
  void skipValue() {
    switch (peek()) {
      case OBJECT -> {
        beginObject();
        boolean first = true;
        while (hasNextMember(first)) {
          first = false;
          skipString();
          colon();
          skipValue();
        }
      }
      case ARRAY -> {
        beginArray();
        boolean first = true;
        while (hasNextElement(first)) {
          first = false;
          skipValue();
        }
      }
      case STRING -> skipString();
      case NUMBER -> scanNumber();
      case BOOLEAN -> nextBoolean();
      default -> nextNull();
    }
  }

  /** The offset just past the last byte the cursor may read. */
  int limit() {
    return end;
  }

  /**
   * Moves the cursor to an offset: back to one it has passed (to re-read a name with escapes), or forward past a
   * value the caller has read from the bytes itself.
   */
  void rewindTo(int offset) {
    pos = offset;
  }
}
