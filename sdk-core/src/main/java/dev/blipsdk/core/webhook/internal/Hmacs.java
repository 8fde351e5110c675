package dev.blipsdk.core.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** HMAC-SHA256 and SHA-256 helpers shared by the verifiers and the signer. */
public final class Hmacs {
  /** Length of an HMAC-SHA256 or SHA-256 output. */
  public static final int SHA256_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private Hmacs() {}

  /**
   * Makes a key, refusing empty secrets.
   *
   * @param field the name of the configuration field, for messages
   * @param secret the secret bytes
   * @return the key
   * @throws IllegalArgumentException if the secret is empty
   */
  public static SecretKeySpec key(String field, byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException(field + ": a secret must not be empty");
    }
    return new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * Computes {@code HMAC-SHA256(key, [timestamp + "."] + body)}.
   *
   * @param key the key
   * @param timestamp the signed timestamp exactly as it travels, or {@code null}
   * @param body the raw body
   * @return the 32-byte MAC
   */
  public static byte[] mac(SecretKeySpec key, @Nullable String timestamp, byte[] body) {
    MacCache cache = MACS.get();
    try {
      Mac mac = cache.mac;
      if (mac == null) {
        mac = Mac.getInstance(ALGORITHM);
        cache.mac = mac;
        cache.key = null;
      }
      if (cache.key != key) {
        mac.init(key);
        cache.key = key;
      }
      if (timestamp != null) {
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
      }
      return mac.doFinal(body); // also resets it for the next call, with the same key
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory on every Java platform
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } catch (RuntimeException e) {
      cache.mac = null; // never reuse a Mac left in an unknown state
      throw e;
    }
  }

  /**
   * One initialised {@code Mac} per thread, with the key it was last initialised with: {@code Mac.getInstance}
   * (a provider lookup) and {@code init} cost more than the HMAC of a webhook body, and a {@code Mac} is not
   * thread-safe. Holds a reference to a key the verifier holds anyway.
   */
  private static final class MacCache {
    @Nullable Mac mac;
    @Nullable SecretKeySpec key;
  }

  private static final ThreadLocal<MacCache> MACS = ThreadLocal.withInitial(MacCache::new);

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Lower-case hex.
   *
   * @param bytes the bytes
   * @return the hex text
   */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Encodes a MAC.
   *
   * @param base64 true for base64, false for hex
   * @param mac the MAC
   * @return the text
   */
  public static String encode(boolean base64, byte[] mac) {
    return base64 ? Base64.getEncoder().encodeToString(mac) : HEX.formatHex(mac);
  }

  /**
   * Decodes a presented signature.
   *
   * @param base64 true for base64, false for hex
   * @param text the encoded signature
   * @return the 32 bytes, or {@code null} if the text is not a well-formed encoding of 32 bytes
   */
  public static byte @Nullable [] decode(boolean base64, String text) {
    try {
      if (base64) {
        if (text.length() != 44) {
          return null;
        }
        byte[] out = Base64.getDecoder().decode(text);
        return out.length == SHA256_BYTES ? out : null;
      }
      if (text.length() != SHA256_BYTES * 2) {
        return null;
      }
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Whether any expected MAC equals any presented one. Every pair is compared with
   * {@link MessageDigest#isEqual(byte[], byte[])} on arrays of equal length and the loop never exits early,
   * so the time taken does not reveal which secret or which signature matched, or how much of one did.
   *
   * @param expected the MACs computed with each configured secret
   * @param presented the signatures from the request, each 32 bytes
   * @return true if one pair matched
   */
  public static boolean anyEqual(List<byte[]> expected, List<byte[]> presented) {
    boolean matched = false;
    for (byte[] p : presented) {
      for (byte[] e : expected) {
        matched |= MessageDigest.isEqual(e, p);
      }
    }
    return matched;
  }
}
