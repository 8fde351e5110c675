package dev.blipsdk.testing;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An envelope the fake received and processed, as it came over the wire.
 *
 * @param sequence its position among all envelopes the server received, from 1
 * @param endpoint the HTTP path: {@code /commands}, {@code /messages} or {@code /notifications}
 * @param bot the identifier of the bot whose key sent it
 * @param json the raw JSON text
 * @param tree the parsed JSON (unmodifiable maps and lists; numbers as {@code Long} or {@code Double})
 * @param receivedAt the {@link FakeClock} time it arrived
 */
public record ReceivedEnvelope(long sequence, String endpoint, String bot, String json, Map<String, Object> tree,
    Instant receivedAt) {

  /**
   * A top-level field as text ({@code id}, {@code to}, {@code method}, {@code uri}, {@code type}...).
   *
   * @param name the field name
   * @return the value as text, or null if absent or not a scalar
   */
  public @Nullable String field(String name) {
    Object v = tree.get(name);
    return v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
  }

  /**
   * The envelope {@code id}.
   *
   * @return the id or null
   */
  public @Nullable String id() {
    return field("id");
  }

  @Override
  public String toString() {
    return "ReceivedEnvelope[#" + sequence + " " + endpoint + " id=" + id() + "]";
  }
}
