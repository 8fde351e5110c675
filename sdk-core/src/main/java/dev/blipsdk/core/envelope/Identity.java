package dev.blipsdk.core.envelope;

import dev.blipsdk.core.internal.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A LIME identity, {@code name@domain}: who a message is for or from, without the instance part of a
 * {@link Node}.
 *
 * <p>The name is kept exactly as it appears on the wire. Blip percent-encodes some names, for example a
 * Desk agent {@code agent%40mail.com@blip.ai}; {@link #decodedName()} gives {@code agent@mail.com}.
 *
 * <pre>{@code
 * Identity customer = Identity.parse("5531999998888@wa.gw.msging.net");
 * Identity agent = Identity.of("ana@acme.com", "blip.ai"); // name is encoded: ana%40acme.com@blip.ai
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the name (phone numbers, e-mail addresses);
 * {@link #value()} gives the full wire form.
 *
 * @param name the name part as on the wire (percent-encoded where Blip encodes it), or {@code null} for a
 *     domain-only identity such as {@code msging.net}
 * @param domain the domain part, never empty
 */
public record Identity(@Nullable String name, String domain) {

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if the domain is empty or a part holds '@', '/' or white space
   */
  public Identity {
    Node.checkPart("domain", domain, false);
    if (name != null) {
      Node.checkPart("name", name, false);
    }
  }

  /**
   * Parses {@code name@domain}; an instance part ({@code /instance}) is not allowed here, use
   * {@link Node#parse(String)} for that.
   *
   * @param value the identity text
   * @return the identity
   * @throws IllegalArgumentException if the text is not an identity; the message says why
   */
  public static Identity parse(String value) {
    Node node = Node.parse(value);
    if (node.instance() != null) {
      throw new IllegalArgumentException(
          "identity must not have an instance part ('/...'): " + Redaction.address(value));
    }
    return node.identity();
  }

  /**
   * Makes an identity from a plain (not yet encoded) name, percent-encoding the characters Blip encodes
   * in names ({@code @}, {@code /}, {@code %}, spaces and other reserved characters).
   *
   * @param plainName the name as a person writes it, for example {@code ana@acme.com}
   * @param domain the domain, for example {@code blip.ai}
   * @return the identity, for example {@code ana%40acme.com@blip.ai}
   */
  public static Identity of(String plainName, String domain) {
    return new Identity(Node.encodeName(plainName), domain);
  }

  /**
   * The name with percent-encoding undone, for example {@code agent@mail.com} for
   * {@code agent%40mail.com}.
   *
   * @return the decoded name, or {@code null} for a domain-only identity
   */
  public @Nullable String decodedName() {
    return name == null ? null : URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * The wire form, {@code name@domain}.
   *
   * @return the full identity text
   */
  public String value() {
    return name == null ? domain : name + "@" + domain;
  }

  /**
   * This identity as a node without an instance.
   *
   * @return the node
   */
  public Node toNode() {
    return new Node(name, domain, null);
  }

  /** Returns the identity with its name masked, for logs. Use {@link #value()} for the wire form. */
  @Override
  public String toString() {
    return Redaction.address(value());
  }
}
