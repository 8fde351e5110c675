package dev.blipsdk.whatsapp.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds and fills {@code {{1}}} / {@code {{first_name}}} placeholders in template text. */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

  private Placeholders() {}

  /**
   * The distinct placeholder names of a text, in order of first appearance.
   *
   * @param text the text, or null
   * @return the names, for example {@code ["1", "2"]} or {@code ["first_name"]}
   */
  public static List<String> of(@Nullable String text) {
    if (text == null || text.indexOf("{{") < 0) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return List.copyOf(new ArrayList<>(names));
  }

  /**
   * Whether all names are positional (digits).
   *
   * @param names the names
   * @return true if every name is a number
   */
  public static boolean positional(List<String> names) {
    for (String n : names) {
      for (int i = 0; i < n.length(); i++) {
        if (!Character.isDigit(n.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Replaces each placeholder with the value the function gives, or leaves it when that is null.
   *
   * @param text the text
   * @param values name to value
   * @return the filled text
   */
  public static String fill(String text, Function<String, @Nullable String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 32);
    while (m.find()) {
      String v = values.apply(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Fills from a map.
   *
   * @param text the text
   * @param values name to value
   * @return the filled text
   */
  public static String fill(String text, Map<String, String> values) {
    return fill(text, values::get);
  }
}
