package dev.blipsdk.testing;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One POST the fake made to a configured webhook.
 *
 * @param kind {@code message} or {@code notification}
 * @param url the target URL
 * @param body the JSON body sent
 * @param headers the extra headers sent (static headers and signer headers)
 * @param statusCode the HTTP status answered, or -1 when the call failed
 * @param error the failure, or null
 * @param at the {@link FakeClock} time of the call
 */
public record WebhookDelivery(String kind, String url, String body, Map<String, String> headers, int statusCode,
    @Nullable String error, Instant at) {

  @Override
  public String toString() {
    return "WebhookDelivery[" + kind + " -> " + url + ": " + (error != null ? error : statusCode) + "]";
  }
}
