package dev.blipsdk.core.envelope;

import dev.blipsdk.core.internal.Redaction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A LIME node, {@code name@domain/instance}: an {@link Identity} plus an optional instance, as found in
 * the {@code from}, {@code to} and {@code pp} fields of an envelope.
 *
 * <pre>{@code
 * Node node = Node.parse("postmaster@msging.net/#az-iris4");
 * node.identity();   // postmaster@msging.net
 * node.instance();   // "#az-iris4"
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the name; {@link #value()} is the wire form.
 *
 * <p>A final value class rather than a record: it keeps its wire form, so a node parsed from text (or sent
 * in every envelope) is neither split nor rebuilt on each use. Two nodes are equal when their wire forms are.
 */
public final class Node {
  /** The wire form, {@code [name@]domain[/instance]}. */
  private final String value;
  /** Index of the '@' after the name, or -1 for a domain-only node. */
  private final int at;
  /** Index of the '/' before the instance, or -1 when there is no instance. */
  private final int slash;

  /**
   * Makes a node from its parts and validates them.
   *
   * @param name the name part as on the wire (percent-encoded), or {@code null} for a domain-only node
   * @param domain the domain part, never empty
   * @param instance the instance part (after '/'), or {@code null}
   * @throws IllegalArgumentException if a part is malformed; the message names the part
   */
  public Node(@Nullable String name, String domain, @Nullable String instance) {
    checkPart("domain", domain, false);
    if (name != null) {
      checkPart("name", name, false);
    }
    if (instance != null) {
      checkPart("instance", instance, true);
    }
    String v = name == null ? domain : name + "@" + domain;
    this.at = name == null ? -1 : name.length();
    this.slash = instance == null ? -1 : v.length();
    this.value = instance == null ? v : v + "/" + instance;
  }

  private Node(String value, int at, int slash) {
    this.value = value;
    this.at = at;
    this.slash = slash;
  }

  /**
   * Parses {@code name@domain/instance}, {@code name@domain} or {@code domain}. An empty instance
   * ({@code name@domain/}) is no instance.
   *
   * @param value the node text
   * @return the node
   * @throws IllegalArgumentException if the text is empty or malformed; the message says why
   */
  public static Node parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("node must not be empty");
    }
    int length = value.length();
    int at = -1;
    int slash = -1;
    boolean ok = true;
    for (int i = 0; i < length && ok; i++) {
      char c = value.charAt(i);
      if (c == '@') {
        // the first '@' ends the name; any later one is malformed
        ok = at < 0 && slash < 0 && i > 0;
        at = i;
      } else if (c == '/') {
        if (slash < 0) {
          slash = i;
        }
      } else if (c <= ' ' || c >= 0x80) {
        ok = !Character.isWhitespace(c);
      }
    }
    int domainEnd = slash < 0 ? length : slash;
    if (ok && domainEnd > at + 1) {
      if (slash == length - 1) {
        return new Node(value.substring(0, slash), at, -1); // "name@domain/": no instance
      }
      return new Node(value, at, slash);
    }
    return parseSlowly(value); // malformed: the part-by-part rules give the message
  }

  /** The part-by-part parse, for text the fast scan refused: it throws with the broken rule and part. */
  private static Node parseSlowly(String value) {
    int at = value.indexOf('@');
    int slash = value.indexOf('/', at < 0 ? 0 : at);
    String name = at < 0 ? null : value.substring(0, at);
    String domain = value.substring(at + 1, slash < 0 ? value.length() : slash);
    String instance = slash < 0 ? null : value.substring(slash + 1);
    if (name != null && name.isEmpty()) {
      throw new IllegalArgumentException("node name before '@' must not be empty: " + Redaction.address(value));
    }
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("node domain must not be empty: " + Redaction.address(value));
    }
    if (instance != null && instance.isEmpty()) {
      instance = null;
    }
    return new Node(name, domain, instance);
  }

  /**
   * Makes a node from an identity and an instance.
   *
   * @param identity the identity
   * @param instance the instance, or {@code null}
   * @return the node
   */
  public static Node of(Identity identity, @Nullable String instance) {
    return new Node(identity.name(), identity.domain(), instance);
  }

  /**
   * The identity of this node (name and domain, no instance).
   *
   * @return the identity
   */
  public Identity identity() {
    return new Identity(name(), domain());
  }

  /**
   * The name part as on the wire (percent-encoded), or {@code null} for a domain-only node.
   *
   * @return the name, or {@code null}
   */
  public @Nullable String name() {
    return at < 0 ? null : value.substring(0, at);
  }

  /**
   * The domain part, never empty.
   *
   * @return the domain
   */
  public String domain() {
    return value.substring(at + 1, slash < 0 ? value.length() : slash);
  }

  /**
   * The instance part (after '/'), or {@code null}.
   *
   * @return the instance, or {@code null}
   */
  public @Nullable String instance() {
    return slash < 0 ? null : value.substring(slash + 1);
  }

  /**
   * The wire form, {@code name@domain/instance}.
   *
   * @return the full node text
   */
  public String value() {
    return value;
  }

  /**
   * Whether {@code o} is a node with the same wire form (so the same name, domain and instance).
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || o instanceof Node other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the node with its name masked, for logs. Use {@link #value()} for the wire form. */
  @Override
  public String toString() {
    return Redaction.address(value);
  }

  static void checkPart(String what, String part, boolean slashAllowed) {
    if (part == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (part.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '@' || (!slashAllowed && c == '/') || Character.isWhitespace(c)) {
        throw new IllegalArgumentException(
            what + " must not contain '" + (Character.isWhitespace(c) ? "white space" : String.valueOf(c))
                + "' (percent-encode it): " + Redaction.address(part));
      }
    }
  }

  static String encodeName(String plainName) {
    if (plainName == null || plainName.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : plainName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '+') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
