package dev.blipsdk.core.webhook;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an HMAC-SHA256 webhook signature travels: which header, which prefix, hex or base64, and whether a
 * timestamp is signed with the body. The same scheme configures a {@link HmacVerifier} and a
 * {@link WebhookSigner}; it holds no secret.
 *
 * <p><b>What is signed.</b> Without a timestamp, the raw body bytes. With a timestamp, the ASCII decimal
 * Unix time in seconds, a full stop, then the raw body bytes: {@code HMAC-SHA256(secret, timestamp + "." +
 * body)}, as Stripe does. The secret's key bytes are its UTF-8 encoding when given as a string.
 *
 * <p>Three shapes:
 * <pre>{@code
 * // Meta's WhatsApp Cloud API: X-Hub-Signature-256: sha256=<hex>
 * HmacScheme meta = HmacScheme.metaHubSignature256();
 * // A gateway's own header, base64, with the timestamp in a second header
 * HmacScheme gateway = HmacScheme.builder("X-Signature").encoding(HmacScheme.Encoding.BASE64)
 *     .timestampHeader("X-Signature-Timestamp").build();
 * // Stripe-style, timestamp and signatures in one header: Blip-Signature: t=1700000000,v1=<hex>[,v1=<hex>]
 * HmacScheme inline = HmacScheme.builder("Blip-Signature").inlineTimestamp("v1").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HmacScheme {
  /** The header Meta's WhatsApp Cloud API signs with. */
  public static final String META_SIGNATURE_HEADER = "X-Hub-Signature-256";

  /** How the signature bytes are written in the header. */
  public enum Encoding {
    /** Hexadecimal, 64 digits; either case is accepted on verification, lower case is produced. */
    HEX,
    /** Standard base64 with padding (RFC 4648 section 4), 44 characters. */
    BASE64
  }

  private static final HmacScheme META = builder(META_SIGNATURE_HEADER).prefix("sha256=").build();

  private final String signatureHeader;
  private final String prefix;
  private final Encoding encoding;
  private final @Nullable String timestampHeader;
  private final @Nullable String inlineSignatureKey;

  private HmacScheme(Builder b) {
    this.signatureHeader = b.signatureHeader;
    this.prefix = b.prefix;
    this.encoding = b.encoding;
    this.timestampHeader = b.timestampHeader;
    this.inlineSignatureKey = b.inlineSignatureKey;
  }

  /**
   * Meta's scheme: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, keyed with the
   * app secret, no timestamp (so replays are caught only by de-duplicating events).
   *
   * @return the scheme
   */
  public static HmacScheme metaHubSignature256() {
    return META;
  }

  /**
   * Starts a scheme: hex, no prefix, no timestamp unless configured.
   *
   * @param signatureHeader the header that carries the signature
   * @return the builder
   * @throws IllegalArgumentException if the name is not a valid header name
   */
  public static Builder builder(String signatureHeader) {
    return new Builder(signatureHeader);
  }

  /**
   * The header that carries the signature.
   *
   * @return the header name as configured
   */
  public String signatureHeader() {
    return signatureHeader;
  }

  /**
   * The prefix before the encoded signature, for example {@code "sha256="}; matched without regard to case.
   *
   * @return the prefix, empty for none
   */
  public String prefix() {
    return prefix;
  }

  /**
   * How the signature is encoded.
   *
   * @return the encoding
   */
  public Encoding encoding() {
    return encoding;
  }

  /**
   * The header that carries the signed timestamp, when it travels in its own header.
   *
   * @return the header name, or {@code null}
   */
  public @Nullable String timestampHeader() {
    return timestampHeader;
  }

  /**
   * For the Stripe-style form {@code t=<seconds>,<key>=<signature>,...}: the key of the signature parts.
   *
   * @return the key, for example {@code "v1"}, or {@code null} when the header holds only the signature
   */
  public @Nullable String inlineSignatureKey() {
    return inlineSignatureKey;
  }

  /**
   * Whether a timestamp is signed with the body (and so checked against the verifier's tolerance).
   *
   * @return true with a timestamp header or the inline form
   */
  public boolean signsTimestamp() {
    return timestampHeader != null || inlineSignatureKey != null;
  }

  @Override
  public String toString() {
    return "HmacScheme{header=" + signatureHeader + (prefix.isEmpty() ? "" : ", prefix=" + prefix)
        + ", encoding=" + encoding + (timestampHeader == null ? "" : ", timestampHeader=" + timestampHeader)
        + (inlineSignatureKey == null ? "" : ", inline t=..," + inlineSignatureKey + "=..") + "}";
  }

  static String checkHeaderName(String field, String name) {
    Objects.requireNonNull(name, field);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(field + ": a header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        throw new IllegalArgumentException(field + ": '" + name + "' is not a valid HTTP header name"
            + " (letters, digits and !#$%&'*+-.^_`|~ only)");
      }
    }
    return name;
  }

  /** Configures an {@link HmacScheme}. Not thread-safe; the scheme it builds is. */
  public static final class Builder {
    private final String signatureHeader;
    private String prefix = "";
    private Encoding encoding = Encoding.HEX;
    private @Nullable String timestampHeader;
    private @Nullable String inlineSignatureKey;

    private Builder(String signatureHeader) {
      this.signatureHeader = checkHeaderName("signatureHeader", signatureHeader);
    }

    /**
     * A prefix before the encoded signature, such as {@code "sha256="}.
     *
     * @param prefix the prefix; empty for none
     * @return this builder
     * @throws IllegalArgumentException if the prefix contains a comma or white space
     */
    public Builder prefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      for (int i = 0; i < prefix.length(); i++) {
        char c = prefix.charAt(i);
        if (c == ',' || Character.isWhitespace(c) || c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("prefix: must be printable ASCII without commas or white space");
        }
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * How the signature is encoded; hex by default.
     *
     * @param encoding the encoding
     * @return this builder
     */
    public Builder encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /**
     * Signs a timestamp carried in its own header (Unix seconds, decimal). Exclusive with
     * {@link #inlineTimestamp(String)}.
     *
     * @param name the timestamp header
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid header name or equals the signature
     *     header
     */
    public Builder timestampHeader(String name) {
      checkHeaderName("timestampHeader", name);
      if (name.equalsIgnoreCase(signatureHeader)) {
        throw new IllegalArgumentException("timestampHeader: must differ from the signature header; use"
            + " inlineTimestamp(..) to carry both in one header");
      }
      this.timestampHeader = name;
      return this;
    }

    /**
     * Uses the Stripe-style form: the signature header holds {@code t=<seconds>} and one or more
     * {@code <signatureKey>=<signature>} parts separated by commas; parts with other keys are ignored.
     * Exclusive with {@link #timestampHeader(String)} and with a prefix.
     *
     * @param signatureKey the key of the signature parts, for example {@code "v1"}
     * @return this builder
     * @throws IllegalArgumentException if the key is empty, is {@code "t"} or holds '=', ',' or white space
     */
    public Builder inlineTimestamp(String signatureKey) {
      Objects.requireNonNull(signatureKey, "signatureKey");
      if (signatureKey.isEmpty() || signatureKey.equalsIgnoreCase("t")
          || signatureKey.chars().anyMatch(c -> c == '=' || c == ',' || Character.isWhitespace(c))) {
        throw new IllegalArgumentException("signatureKey: must be non-empty, not 't', without '=', ',' or"
            + " white space (for example \"v1\")");
      }
      this.inlineSignatureKey = signatureKey.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Builds the scheme.
     *
     * @return the scheme
     * @throws IllegalStateException if both timestamp forms, or the inline form and a prefix, are set
     */
    public HmacScheme build() {
      if (inlineSignatureKey != null && timestampHeader != null) {
        throw new IllegalStateException("choose one timestamp form: timestampHeader(..) or inlineTimestamp(..)");
      }
      if (inlineSignatureKey != null && !prefix.isEmpty()) {
        throw new IllegalStateException("prefix: does not apply to the inline form t=..," + inlineSignatureKey
            + "=..; remove it");
      }
      return new HmacScheme(this);
    }
  }
}
