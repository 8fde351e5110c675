package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a contact ({@code application/vnd.iris.crm.comment+json}), as agents write them in Desk.
 *
 * <p>Immutable and thread-safe; {@link #toString()} does not print the text.
 *
 * @param id the comment id
 * @param authorIdentity the agent who wrote it, or null
 * @param content the text ({@code ""} when Blip sends none)
 * @param storageDate when it was stored, or null when the server did not say
 * @param raw the whole comment as Blip sent it
 */
public record ContactComment(String id, @Nullable Identity authorIdentity, String content,
    @Nullable Instant storageDate, JsonDocument raw) {

  /**
   * Validates.
   *
   * @throws NullPointerException if the id is null
   */
  public ContactComment {
    Objects.requireNonNull(id, "id");
    content = content == null ? "" : content;
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  @Override
  public String toString() {
    return "ContactComment{id=" + id + ", storageDate=" + storageDate + ", length=" + content.length() + "}";
  }
}
