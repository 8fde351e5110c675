package dev.blipsdk.core.webhook.internal;

import dev.blipsdk.core.exception.WebhookVerificationException;
import dev.blipsdk.core.webhook.WebhookHeaders;
import java.time.Instant;
import java.util.List;

/** Reads the one value of a header a verification scheme needs. */
public final class HeaderValues {
  private HeaderValues() {}

  /**
   * The single, non-blank value of a header, trimmed.
   *
   * @param headers the request headers
   * @param name the header name as configured
   * @return the value
   * @throws WebhookVerificationException {@code MISSING_HEADER} if the header is absent
   * @throws WebhookVerificationException {@code MALFORMED_HEADER} if it is repeated or blank
   */
  public static String single(WebhookHeaders headers, String name) {
    List<String> values = headers.all(name);
    if (values.isEmpty()) {
      throw WebhookVerificationException.missingHeader(name);
    }
    if (values.size() > 1) {
      throw WebhookVerificationException.malformedHeader(name, "it was sent " + values.size()
          + " times; expected exactly once (a proxy may be adding a copy)");
    }
    String value = values.get(0).strip();
    if (value.isEmpty()) {
      throw WebhookVerificationException.malformedHeader(name, "it is empty");
    }
    return value;
  }

  /**
   * Parses a Unix time in whole seconds, as signed.
   *
   * @param headerName the header it came from
   * @param text the decimal text
   * @return the instant
   * @throws WebhookVerificationException {@code MALFORMED_HEADER} if the text is not 1 to 12 ASCII digits
   */
  public static Instant epochSeconds(String headerName, String text) {
    if (text.isEmpty() || text.length() > 12) {
      throw WebhookVerificationException.malformedHeader(headerName, "the timestamp must be the Unix time in whole seconds (1 to"
          + " 12 digits) but has " + text.length() + " characters"
          + (text.length() == 13 ? " (milliseconds are not accepted)" : ""));
    }
    long seconds = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw WebhookVerificationException.malformedHeader(headerName,
            "the timestamp must be the Unix time in whole seconds, digits only");
      }
      seconds = seconds * 10 + (c - '0');
    }
    return Instant.ofEpochSecond(seconds);
  }
}
