package dev.blipsdk.testing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The OData v2 subset Blip accepts in {@code $filter}: {@code eq ne gt ge lt le}, {@code startswith(f,'v')},
 * {@code endswith(f,'v')}, {@code substringof('v',f)}, {@code datetimeoffset'..'}, {@code and or not} and
 * parentheses. String comparison ignores case (Blip accepts {@code status eq 'waiting'}).
 */
public final class ODataFilter {
  /** A compiled filter. */
  public interface Predicate {
    boolean test(Function<String, @Nullable Object> field);
  }

  private final List<String> tokens;
  private int pos;

  private ODataFilter(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Compiles a filter; throws IllegalArgumentException with a readable message on bad syntax. */
  public static Predicate compile(String text) {
    ODataFilter p = new ODataFilter(tokenize(text));
    Predicate result = p.or();
    if (p.pos != p.tokens.size()) {
      throw new IllegalArgumentException("Unexpected '" + p.tokens.get(p.pos) + "' in filter");
    }
    return result;
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder("'");
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new IllegalArgumentException("Unterminated string in filter");
          }
          char d = s.charAt(i);
          if (d == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          b.append(d);
          i++;
        }
        out.add(b.toString());
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),'".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String word = s.substring(start, i);
        if (i < s.length() && s.charAt(i) == '\''
            && (word.equalsIgnoreCase("datetimeoffset") || word.equalsIgnoreCase("datetime"))) {
          int end = s.indexOf('\'', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("Unterminated date in filter");
          }
          out.add("@" + s.substring(i + 1, end));
          i = end + 1;
        } else {
          out.add(word);
        }
      }
    }
    return out;
  }

  private @Nullable String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("Unexpected end of filter");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String n = next();
    if (!n.equals(t)) {
      throw new IllegalArgumentException("Expected '" + t + "' but found '" + n + "' in filter");
    }
  }

  private Predicate or() {
    Predicate left = and();
    while ("or".equalsIgnoreCase(peek())) {
      pos++;
      Predicate l = left;
      Predicate r = and();
      left = f -> l.test(f) || r.test(f);
    }
    return left;
  }

  private Predicate and() {
    Predicate left = unary();
    while ("and".equalsIgnoreCase(peek())) {
      pos++;
      Predicate l = left;
      Predicate r = unary();
      left = f -> l.test(f) && r.test(f);
    }
    return left;
  }

  private Predicate unary() {
    String t = peek();
    if ("not".equalsIgnoreCase(t)) {
      pos++;
      Predicate inner = unary();
      return f -> !inner.test(f);
    }
    if ("(".equals(t)) {
      pos++;
      Predicate inner = or();
      expect(")");
      return inner;
    }
    String word = next();
    String lower = word.toLowerCase(Locale.ROOT);
    if ("(".equals(peek()) && (lower.equals("startswith") || lower.equals("endswith") || lower.equals("substringof"))) {
      pos++;
      Operand a = operand();
      expect(",");
      Operand b = operand();
      expect(")");
      Predicate call;
      switch (lower) {
        case "startswith":
          call = f -> text(a.eval(f)).startsWith(text(b.eval(f)));
          break;
        case "endswith":
          call = f -> text(a.eval(f)).endsWith(text(b.eval(f)));
          break;
        default:
          call = f -> text(b.eval(f)).contains(text(a.eval(f)));
          break;
      }
      return maybeCompare(call);
    }
    pos--;
    Operand left = operand();
    String op = next().toLowerCase(Locale.ROOT);
    Operand right = operand();
    switch (op) {
      case "eq":
        return f -> compare(left.eval(f), right.eval(f)) == 0;
      case "ne":
        return f -> compare(left.eval(f), right.eval(f)) != 0;
      case "gt":
        return f -> ordered(left.eval(f), right.eval(f)) > 0;
      case "ge":
        return f -> ordered(left.eval(f), right.eval(f)) >= 0;
      case "lt":
        return f -> ordered(left.eval(f), right.eval(f)) < 0;
      case "le":
        return f -> ordered(left.eval(f), right.eval(f)) <= 0;
      default:
        throw new IllegalArgumentException("Unknown operator '" + op + "' in filter");
    }
  }

  /** {@code startswith(name,'J') eq true} is also valid OData. */
  private Predicate maybeCompare(Predicate call) {
    String t = peek();
    if ("eq".equalsIgnoreCase(t) || "ne".equalsIgnoreCase(t)) {
      pos++;
      boolean eq = "eq".equalsIgnoreCase(t);
      boolean value = Boolean.parseBoolean(next());
      return f -> (call.test(f) == value) == eq;
    }
    return call;
  }

  private interface Operand {
    @Nullable Object eval(Function<String, @Nullable Object> field);
  }

  private Operand operand() {
    String t = next();
    if (t.startsWith("'")) {
      String v = t.substring(1);
      return f -> v;
    }
    if (t.startsWith("@")) {
      Instant at = instant(t.substring(1));
      if (at == null) {
        throw new IllegalArgumentException("Bad date '" + t.substring(1) + "' in filter");
      }
      return f -> at;
    }
    if (t.equalsIgnoreCase("null")) {
      return f -> null;
    }
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      Boolean b = Boolean.parseBoolean(t);
      return f -> b;
    }
    if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
      try {
        Double d = Double.parseDouble(t);
        return f -> d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Bad number '" + t + "' in filter");
      }
    }
    if (t.equals("(") || t.equals(")") || t.equals(",")) {
      throw new IllegalArgumentException("Unexpected '" + t + "' in filter");
    }
    return f -> f.apply(t);
  }

  private static String text(@Nullable Object o) {
    return o == null ? "" : String.valueOf(o).toLowerCase(Locale.ROOT);
  }

  static @Nullable Instant instant(@Nullable Object o) {
    if (o instanceof Instant) {
      return (Instant) o;
    }
    if (!(o instanceof String)) {
      return null;
    }
    String s = (String) o;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        try {
          return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }

  private static int compare(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : 1;
    }
    return ordered(a, b);
  }

  private static int ordered(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null ? -1 : 1);
    }
    if (a instanceof Instant || b instanceof Instant) {
      Instant x = instant(a);
      Instant y = instant(b);
      if (x == null || y == null) {
        return x == y ? 0 : (x == null ? -1 : 1);
      }
      return x.compareTo(y);
    }
    if (a instanceof Number && b instanceof Number) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof Number || b instanceof Number) {
      try {
        return Double.compare(Double.parseDouble(String.valueOf(a)), Double.parseDouble(String.valueOf(b)));
      } catch (NumberFormatException e) {
        // fall through to text
      }
    }
    return text(a).compareTo(text(b));
  }
}
