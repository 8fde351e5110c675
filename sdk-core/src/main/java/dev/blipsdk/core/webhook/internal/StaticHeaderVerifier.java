package dev.blipsdk.core.webhook.internal;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Accepts a request whose header holds one of the configured values. Keeps only SHA-256 digests. */
public final class StaticHeaderVerifier implements WebhookVerifier {
  private final String headerName;
  private final List<byte[]> digests;

  /**
   * Creates the verifier.
   *
   * @param headerName the header
   * @param acceptedValues the values to accept
   * @throws IllegalArgumentException if a value is empty
   */
  public StaticHeaderVerifier(String headerName, List<String> acceptedValues) {
    this.headerName = headerName;
    List<byte[]> list = new ArrayList<>(acceptedValues.size());
    for (String v : acceptedValues) {
      Objects.requireNonNull(v, "acceptedValue");
      if (v.strip().isEmpty()) {
        throw new IllegalArgumentException("acceptedValue: must not be empty or blank");
      }
      list.add(Hmacs.sha256(v.strip().getBytes(StandardCharsets.UTF_8)));
    }
    this.digests = List.copyOf(list);
  }

  @Override
  public void verify(WebhookHeaders headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    String value = HeaderValues.single(headers, headerName);
    byte[] presented = Hmacs.sha256(value.getBytes(StandardCharsets.UTF_8));
    boolean matched = false;
    for (byte[] d : digests) {
      matched |= MessageDigest.isEqual(d, presented);
    }
    if (!matched) {
      throw WebhookVerificationException.tokenRejected(headerName, "the value");
    }
  }

  @Override
  public String toString() {
    return "StaticHeaderVerifier{header=" + headerName + ", acceptedValues=" + digests.size() + "}";
  }
}
