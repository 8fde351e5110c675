package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.whatsapp.TemplateMessage.ButtonValue;
import dev.blipsdk.whatsapp.TemplateMessage.HeaderValue;
import dev.blipsdk.whatsapp.internal.Placeholders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** WhatsApp's template rules (whatsapp-rules-and-peers §1), checked before anything is sent. */
final class TemplateRules {
  static final int NAME_MAX = 512;
  static final int HEADER_TEXT_MAX = 60;
  static final int BODY_MAX = 1024;
  static final int BODY_ONLY_MAX = 32768;
  static final int PAYLOAD_MAX = 1000;

  private static final Pattern MANY_SPACES = Pattern.compile(" {5,}");
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t]+");

  private TemplateRules() {}

  static String normalize(String value) {
    if (!hasBreaks(value) && !hasManySpaces(value)) {
      return value; // the common case, without a matcher
    }
    String s = BREAKS.matcher(value).replaceAll(" ");
    return MANY_SPACES.matcher(s).replaceAll("    ");
  }

  // the checks below run on every send: hand-written rather than regular expressions, which allocate a matcher

  /** {@code [a-z0-9_]+}. */
  static boolean isName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z]{2,3}(_[A-Z]{2,4})?}. */
  static boolean isLanguage(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      i++;
    }
    if (i < 2 || i > 3) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '_') {
      return false;
    }
    int region = n - i - 1;
    if (region < 2 || region > 4) {
      return false;
    }
    for (int k = i + 1; k < n; k++) {
      if (s.charAt(k) < 'A' || s.charAt(k) > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z_][a-z0-9_]*}. */
  static boolean isParameterName(String s) {
    return !s.isEmpty() && !(s.charAt(0) >= '0' && s.charAt(0) <= '9') && isName(s);
  }

  /** Five or more spaces in a row. */
  static boolean hasManySpaces(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        if (++run >= 5) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  private static boolean hasBreaks(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t') {
        return true;
      }
    }
    return false;
  }

  static void validate(TemplateMessage m, @Nullable Template def) {
    String name = m.name();
    if (name.isEmpty() || name.length() > NAME_MAX || !isName(name)) {
      throw fail("template.name", "name-format", "template name '" + name + "' must be 1 to " + NAME_MAX
          + " characters of lowercase letters, digits and '_'");
    }
    if (!isLanguage(m.language())) {
      throw fail("template.language", "language-format", "language code '" + m.language()
          + "' must look like 'pt_BR', 'en' or 'en_US'");
    }
    if (!m.policy().equals("deterministic") && !m.policy().equals("fallback")) {
      throw fail("template.language.policy", "policy", "language policy must be 'deterministic' or 'fallback',"
          + " was '" + m.policy() + "'");
    }
    if (m.namespace() != null && m.namespace().isBlank()) {
      throw fail("template.namespace", "empty", "namespace must not be blank (leave it out instead)");
    }
    if (def != null) {
      if (!def.name().equals(name)) {
        throw fail("template.name", "definition-mismatch", "the definition given is of template '" + def.name()
            + "', not '" + name + "'");
      }
      if (!def.language().isEmpty() && !def.language().equalsIgnoreCase(m.language())) {
        throw fail("template.language", "definition-mismatch", "the definition given is in '" + def.language()
            + "', the message asks for '" + m.language() + "'");
      }
    }
    checkHeader(m, def);
    checkBody(m, def);
    checkButtons(m, def);
  }

  private static void checkHeader(TemplateMessage m, @Nullable Template def) {
    HeaderValue h = m.headerValue();
    TemplateHeader th = def == null ? null : def.header();
    String where = "template '" + m.name() + "' (" + m.language() + ")";
    if (def != null) {
      if (th == null && h != null) {
        throw fail("header", "not-in-template", where + " has no header, but the message fills one");
      }
      if (th != null) {
        MediaKind expected = th.format().mediaKind();
        if (expected != null) {
          if (h == null) {
            throw fail("header", "variable-count", where + " has a " + th.format() + " header: the message must"
                + " give its " + expected.wireValue() + " URL (1 variable, got 0)");
          }
          if (h.kind() != expected) {
            throw fail("header", "header-kind", where + " has a " + th.format() + " header, but the message gives "
                + (h.kind() == null ? "text" : "a " + h.kind().wireValue()));
          }
        } else if (th.format() == HeaderFormat.TEXT) {
          int count = th.placeholders().size();
          if (h != null && h.kind() != null) {
            throw fail("header", "header-kind", where + " has a TEXT header, but the message gives a "
                + h.kind().wireValue());
          }
          int given = h == null ? 0 : 1;
          if (given != count) {
            throw fail("header", "variable-count", where + "'s header expects " + count + " variable"
                + (count == 1 ? "" : "s") + ", the message gives " + given);
          }
          if (h != null && h.parameterName() == null && count == 1
              && !Placeholders.positional(th.placeholders())) {
            throw fail("header", "parameter-format", where + "'s header uses the named variable {{"
                + th.placeholders().get(0) + "}}; give it with headerText(\"" + th.placeholders().get(0)
                + "\", value)");
          }
          if (h != null && h.parameterName() != null && !th.placeholders().contains(h.parameterName())) {
            throw fail("header.{{" + h.parameterName() + "}}", "unknown-variable", where
                + "'s header has no variable {{" + h.parameterName() + "}}");
          }
        }
      }
    }
    if (h == null) {
      return;
    }
    if (h.kind() == null) {
      String field = h.parameterName() == null ? "header.{{1}}" : "header.{{" + h.parameterName() + "}}";
      if (h.parameterName() != null && !isParameterName(h.parameterName())) {
        throw fail(field, "parameter-name", "variable name '" + h.parameterName()
            + "' must be lowercase letters, digits and '_'");
      }
      checkText(field, h.value(), HEADER_TEXT_MAX, m.whitespacePolicy());
      return;
    }
    String field = "header." + h.kind().wireValue();
    URI uri;
    try {
      uri = new URI(h.value());
    } catch (URISyntaxException e) {
      throw fail(field, "absolute-url", h.kind().wireValue() + " URL is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw fail(field, "absolute-url", h.kind().wireValue() + " URL must be an absolute http or https URL that"
          + " WhatsApp can download");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (h.kind() == MediaKind.VIDEO && (host.endsWith("youtube.com") || host.equals("youtu.be"))) {
      throw fail(field, "media-kind", "video URL points at YouTube; WhatsApp needs a direct link to an MP4 file");
    }
    String ext = extension(uri.getPath());
    MediaKind byExt = kindOf(ext);
    if (byExt != null && byExt != h.kind()) {
      throw fail(field, "media-kind", "the header needs a " + h.kind().wireValue() + " (" + h.kind().extensions()
          + ") but the URL is a ." + ext + " " + byExt.wireValue()
          + (h.kind() == MediaKind.DOCUMENT ? "; document headers must be PDF" : ""));
    }
    if (byExt == null && m.mediaCheckMode() == MediaCheck.EXTENSION) {
      throw fail(field, h.kind() == MediaKind.DOCUMENT ? "document-pdf" : "media-kind",
          "cannot tell the URL is a " + h.kind().wireValue() + ": its path should end with one of "
          + h.kind().extensions() + (ext == null ? "" : " (it ends with ." + ext + ")")
          + "; or use mediaCheck(MediaCheck.CONTENT_TYPE) to check it with a HEAD request");
    }
    if (h.kind() == MediaKind.DOCUMENT && h.filename() != null && h.filename().isBlank()) {
      throw fail("header.document.filename", "empty", "document file name must not be blank");
    }
  }

  private static @Nullable String extension(@Nullable String path) {
    if (path == null) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash || dot == path.length() - 1) {
      return null;
    }
    return path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static @Nullable MediaKind kindOf(@Nullable String ext) {
    if (ext == null) {
      return null;
    }
    for (MediaKind k : MediaKind.values()) {
      if (k.extensions().contains(ext)) {
        return k;
      }
    }
    return null;
  }

  private static void checkBody(TemplateMessage m, @Nullable Template def) {
    List<String> pos = m.bodyValues();
    Map<String, String> named = m.bodyVariables();
    boolean bodyOnly = def != null ? def.bodyOnly() : m.headerValue() == null && m.buttonValues().isEmpty();
    int max = bodyOnly ? BODY_ONLY_MAX : BODY_MAX;
    for (int i = 0; i < pos.size(); i++) {
      checkText("body.{{" + (i + 1) + "}}", pos.get(i), max, m.whitespacePolicy());
    }
    for (Map.Entry<String, String> e : named.entrySet()) {
      String field = "body.{{" + e.getKey() + "}}";
      if (!isParameterName(e.getKey())) {
        throw fail(field, "parameter-name", "variable name '" + e.getKey()
            + "' must be lowercase letters, digits and '_'");
      }
      checkText(field, e.getValue(), max, m.whitespacePolicy());
    }
    if (def == null) {
      return;
    }
    String where = "template '" + m.name() + "' (" + m.language() + ")";
    List<String> expected = def.bodyPlaceholders();
    boolean defNamed = !expected.isEmpty() && !Placeholders.positional(expected);
    if (!named.isEmpty() && !defNamed && !expected.isEmpty()) {
      throw fail("body", "parameter-format", where + " uses positional variables " + braces(expected)
          + "; give them in order with body(...) instead of by name");
    }
    if (!pos.isEmpty() && defNamed) {
      throw fail("body", "parameter-format", where + " uses named variables " + braces(expected)
          + "; give them with bodyVariable(name, value)");
    }
    if (defNamed) {
      for (String n : expected) {
        if (!named.containsKey(n)) {
          throw fail("body.{{" + n + "}}", "variable-count", where + "'s body expects " + expected.size()
              + " variables " + braces(expected) + ", the message does not give {{" + n + "}}");
        }
      }
      for (String n : named.keySet()) {
        if (!expected.contains(n)) {
          throw fail("body.{{" + n + "}}", "unknown-variable", where + "'s body has no variable {{" + n + "}}");
        }
      }
    } else {
      int given = pos.size() + named.size();
      if (given != expected.size()) {
        throw fail("body", "variable-count", where + "'s body expects " + expected.size() + " variable"
            + (expected.size() == 1 ? "" : "s") + (expected.isEmpty() ? "" : " (" + braces(expected) + ")")
            + ", the message gives " + given);
      }
    }
  }

  private static String braces(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add("{{" + n + "}}");
    }
    return String.join(", ", out);
  }

  private static void checkButtons(TemplateMessage m, @Nullable Template def) {
    for (Map.Entry<Integer, ButtonValue> e : m.buttonValues().entrySet()) {
      int i = e.getKey();
      ButtonValue b = e.getValue();
      if (b.type() == ButtonType.URL) {
        checkText("buttons[" + i + "].url", b.value(), 2000, WhitespacePolicy.REJECT);
      } else if (b.value().isEmpty() || b.value().length() > PAYLOAD_MAX) {
        throw fail("buttons[" + i + "].payload", b.value().isEmpty() ? "empty" : "max-length",
            "quick-reply payload must be 1 to " + PAYLOAD_MAX + " characters, was " + b.value().length());
      }
    }
    if (def == null) {
      return;
    }
    String where = "template '" + m.name() + "' (" + m.language() + ")";
    List<TemplateButton> defs = def.buttons();
    for (Map.Entry<Integer, ButtonValue> e : m.buttonValues().entrySet()) {
      int i = e.getKey();
      String field = "buttons[" + i + "]";
      if (i >= defs.size()) {
        throw fail(field, "not-in-template", where + " has " + defs.size() + " button" + (defs.size() == 1 ? "" : "s")
            + ", the message fills button " + i);
      }
      TemplateButton d = defs.get(i);
      if (d.type() != e.getValue().type()) {
        throw fail(field, "button-kind", where + "'s button " + i + " is " + d.rawType() + ", the message gives a "
            + (e.getValue().type() == ButtonType.URL ? "URL suffix" : "quick-reply payload"));
      }
      if (d.type() == ButtonType.URL && d.placeholders().isEmpty()) {
        throw fail(field, "variable-count", where + "'s button " + i + " has a fixed URL (0 variables), the"
            + " message gives a suffix");
      }
    }
    for (int i = 0; i < defs.size(); i++) {
      TemplateButton d = defs.get(i);
      if (d.type() == ButtonType.URL && !d.placeholders().isEmpty() && !m.buttonValues().containsKey(i)) {
        throw fail("buttons[" + i + "]", "variable-count", where + "'s button " + i + " (" + d.text()
            + ") has a URL variable: give its suffix with urlSuffix(" + i + ", ...)");
      }
    }
  }

  private static void checkText(String field, String value, int max, WhitespacePolicy policy) {
    String v = policy == WhitespacePolicy.NORMALIZE ? normalize(value) : value;
    if (v.isBlank()) {
      throw fail(field, "empty", field + " must not be empty or blank");
    }
    if (v.length() > max) {
      throw fail(field, "max-length", field + " is " + v.length() + " characters, at most " + max + " allowed");
    }
    if (policy == WhitespacePolicy.REJECT) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '\n' || c == '\r' || c == '\t') {
          throw fail(field, "whitespace", field + " contains a " + (c == '\t' ? "tab" : "line break")
              + " (at " + i + "); WhatsApp refuses them in variables (132018): remove it or use"
              + " whitespace(WhitespacePolicy.NORMALIZE)");
        }
      }
      if (hasManySpaces(v)) {
        throw fail(field, "whitespace", field + " contains more than four spaces in a row; WhatsApp refuses"
            + " them (132018): remove them or use whitespace(WhitespacePolicy.NORMALIZE)");
      }
    }
  }

  private static BlipValidationException fail(String field, String rule, String message) {
    return new BlipValidationException(field, rule, message);
  }
}
