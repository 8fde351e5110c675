package dev.blipsdk.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer a webhook request with, as decided by {@link WebhookReceiver#handle}: a status code, a
 * short plain-text body and a few headers (always {@code Content-Type}; {@code Allow} on 405). Bodies
 * never echo the request or the reason a verification failed.
 *
 * @param statusCode the HTTP status code
 * @param body a short plain-text body, for example {@code "ok"}
 * @param headers the response headers; unmodifiable
 */
public record WebhookResponse(int statusCode, String body, Map<String, String> headers) {
  /** The content type of every response body. */
  public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  /** Copies the headers. */
  public WebhookResponse {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
  }

  static WebhookResponse of(int statusCode, String body) {
    return new WebhookResponse(statusCode, body, Map.of("Content-Type", CONTENT_TYPE));
  }

  static WebhookResponse of(int statusCode, String body, String extraName, String extraValue) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", CONTENT_TYPE);
    h.put(extraName, extraValue);
    return new WebhookResponse(statusCode, body, h);
  }

  /**
   * The body as UTF-8 bytes, to write to the response stream.
   *
   * @return the bytes
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether the status is 2xx: the sender should not deliver this request again.
   *
   * @return true for 200 to 299
   */
  public boolean isSuccess() {
    return statusCode >= 200 && statusCode < 300;
  }
}
