package dev.blipsdk.testing.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A command uri: relative ({@code /contacts?$take=3}) or absolute ({@code lime://wa.gw.msging.net/accounts/+55..}).
 * Path segments are kept raw (not decoded), query values are decoded once.
 */
public final class LimeUri {
  private final String raw;
  private final @Nullable String authority;
  private final List<String> segments;
  private final Map<String, String> query;

  private LimeUri(String raw, @Nullable String authority, List<String> segments, Map<String, String> query) {
    this.raw = raw;
    this.authority = authority;
    this.segments = segments;
    this.query = query;
  }

  public static LimeUri parse(String uri) {
    String rest = uri.trim();
    String authority = null;
    if (rest.regionMatches(true, 0, "lime://", 0, 7)) {
      rest = rest.substring(7);
      int slash = rest.indexOf('/');
      int q = rest.indexOf('?');
      int end = slash < 0 ? (q < 0 ? rest.length() : q) : (q >= 0 && q < slash ? q : slash);
      authority = rest.substring(0, end);
      rest = rest.substring(end);
    }
    String path = rest;
    String queryText = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      path = rest.substring(0, q);
      queryText = rest.substring(q + 1);
    }
    List<String> segs = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segs.add(s);
      }
    }
    Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (!queryText.isEmpty()) {
      for (String pair : queryText.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(decode(k), decode(v));
      }
    }
    return new LimeUri(uri, authority, Collections.unmodifiableList(segs), params);
  }

  /** Percent-decodes once; {@code +} stays a plus (phone numbers). Malformed escapes are kept as they are. */
  public static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  public String raw() {
    return raw;
  }

  public @Nullable String authority() {
    return authority;
  }

  public boolean isAbsolute() {
    return authority != null;
  }

  public List<String> segments() {
    return segments;
  }

  public int size() {
    return segments.size();
  }

  /** The raw segment at index, or null. */
  public @Nullable String segment(int i) {
    return i < segments.size() ? segments.get(i) : null;
  }

  /** The segment at index decoded once, or null. */
  public @Nullable String decodedSegment(int i) {
    String s = segment(i);
    return s == null ? null : decode(s);
  }

  public @Nullable String param(String name) {
    return query.get(name);
  }

  public Map<String, String> params() {
    return Collections.unmodifiableMap(query);
  }
}
