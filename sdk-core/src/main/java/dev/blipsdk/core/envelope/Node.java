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
 * @param name the name part as on the wire, or {@code null} for a domain-only node
 * @param domain the domain part, never empty
 * @param instance the instance part (after '/'), or {@code null}
 */
public record Node(@Nullable String name, String domain, @Nullable String instance) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is malformed; the message names the part
   */
  public Node {
    checkPart("domain", domain, false);
    if (name != null) {
      checkPart("name", name, false);
    }
    if (instance != null) {
      checkPart("instance", instance, true);
    }
  }

  /**
   * Parses {@code name@domain/instance}, {@code name@domain} or {@code domain}.
   *
   * @param value the node text
   * @return the node
   * @throws IllegalArgumentException if the text is empty or malformed; the message says why
   */
  public static Node parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("node must not be empty");
    }
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
    return new Identity(name, domain);
  }

  /**
   * The wire form, {@code name@domain/instance}.
   *
   * @return the full node text
   */
  public String value() {
    StringBuilder sb = new StringBuilder();
    if (name != null) {
      sb.append(name).append('@');
    }
    sb.append(domain);
    if (instance != null) {
      sb.append('/').append(instance);
    }
    return sb.toString();
  }

  /** Returns the node with its name masked, for logs. Use {@link #value()} for the wire form. */
  @Override
  public String toString() {
    return Redaction.address(value());
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
