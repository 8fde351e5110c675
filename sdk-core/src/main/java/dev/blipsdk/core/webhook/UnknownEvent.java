package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.JsonDocument;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A well-formed body the SDK does not model: a command envelope, or a JSON object with none of the fields
 * that make a LIME envelope ({@code type}/{@code content}, {@code event}, {@code method}). The JSON is kept
 * in {@link #raw()}; decode it with {@link JsonDocument#decode(Class)} if you know what it is.
 *
 * @param envelope the envelope when the body was one (a {@link Command}), or {@code null}
 * @param raw the whole body as received
 */
public record UnknownEvent(@Nullable Envelope envelope, JsonDocument raw) implements WebhookEvent {

  /** Checks that nothing is missing. */
  public UnknownEvent {
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public @Nullable String id() {
    return envelope == null ? null : envelope.id();
  }

  /**
   * {@inheritDoc}
   *
   * @return {@code "<id>:command"} for a command, {@code "<id or body hash>:unknown"} otherwise
   */
  @Override
  public String deduplicationKey() {
    return EventKeys.key(id(), envelope instanceof Command ? "command" : "unknown", raw);
  }

  @Override
  public String toString() {
    return "UnknownEvent{envelope=" + envelope + ", raw=" + raw + "}";
  }
}
