package dev.blipsdk.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds a command uri: a path with percent-encoded segments and query parameters. In Blip's API the
 * query parameters ({@code $skip}, {@code $take}, {@code $filter}...) go inside the command's
 * {@code uri}, not in the HTTP URL, so they must be encoded there.
 *
 * <pre>{@code
 * String uri = CommandUri.path("/contacts")
 *     .query("$skip", 0).query("$take", 100)
 *     .query("$filter", "startswith(name,'Ana')")
 *     .build();   // /contacts?$skip=0&$take=100&$filter=startswith(name%2C'Ana')
 * String one = CommandUri.path("/contacts").segment("5531999998888@wa.gw.msging.net").build();
 * }</pre>
 *
 * <p>Not thread-safe; the strings it builds are values.
 */
public final class CommandUri {
  private final StringBuilder path;
  private final StringBuilder query = new StringBuilder();

  private CommandUri(String base) {
    this.path = new StringBuilder(base);
  }

  /**
   * Starts from a base path or absolute uri, taken as given (already encoded), for example
   * {@code /contacts} or {@code lime://wa.gw.msging.net/accounts}.
   *
   * @param base the base
   * @return the builder
   * @throws IllegalArgumentException if the base is empty or already has a query
   */
  public static CommandUri path(String base) {
    Objects.requireNonNull(base, "base");
    if (base.isEmpty()) {
      throw new IllegalArgumentException("uri base must not be empty");
    }
    if (base.indexOf('?') >= 0) {
      throw new IllegalArgumentException("uri base must not have a query; add parameters with query()");
    }
    return new CommandUri(base);
  }

  /**
   * Appends one path segment, percent-encoding everything but unreserved characters and {@code @},
   * {@code +} (so identities stay readable).
   *
   * @param segment the raw segment, for example an identity
   * @return this builder
   * @throws IllegalArgumentException if the segment is empty
   */
  public CommandUri segment(String segment) {
    Objects.requireNonNull(segment, "segment");
    if (segment.isEmpty()) {
      throw new IllegalArgumentException("uri segment must not be empty");
    }
    if (path.charAt(path.length() - 1) != '/') {
      path.append('/');
    }
    path.append(encode(segment, "@+"));
    return this;
  }

  /**
   * Appends one path segment exactly as given (for values that must stay encoded as they are, such as
   * the double-encoded identities of some Desk endpoints).
   *
   * @param encodedSegment the already encoded segment
   * @return this builder
   */
  public CommandUri encodedSegment(String encodedSegment) {
    Objects.requireNonNull(encodedSegment, "encodedSegment");
    if (path.charAt(path.length() - 1) != '/') {
      path.append('/');
    }
    path.append(encodedSegment);
    return this;
  }

  /**
   * Adds a query parameter. The name is kept as is ({@code $skip}); the value is percent-encoded except
   * for unreserved characters and {@code ' ( ) $ * !} (which OData filters use and Blip accepts).
   *
   * @param name the parameter name
   * @param value the value; its {@code toString()} is encoded
   * @return this builder
   */
  public CommandUri query(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value of " + name);
    query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
        .append(encode(value.toString(), "'()$*!"));
    return this;
  }

  /**
   * The uri.
   *
   * @return path plus query
   */
  public String build() {
    return path.toString() + query;
  }

  @Override
  public String toString() {
    return build();
  }

  /**
   * Percent-encodes text as UTF-8, keeping RFC 3986 unreserved characters and the extra ones given.
   *
   * @param text the text
   * @param keep extra characters to keep
   * @return the encoded text
   */
  public static String encode(String text, String keep) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || (c < 128 && keep.indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
