package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.webhook.internal.Hmacs;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Builds de-duplication keys. */
final class EventKeys {
  private EventKeys() {}

  static String key(@Nullable String id, String kind, JsonDocument raw) {
    if (id != null && !id.isBlank()) {
      return id + ":" + kind;
    }
    return "sha256-" + Hmacs.hex(Hmacs.sha256(raw.json().getBytes(StandardCharsets.UTF_8))) + ":" + kind;
  }
}
