package dev.blipsdk.desk;

import dev.blipsdk.desk.internal.WireObject;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a contact ({@code application/vnd.iris.crm.comment+json}), as agents write them in Desk.
 *
 * <p>Immutable and thread-safe; {@link #toString()} does not print the text.
 *
 * @param id the comment id
 * @param content the text
 * @param storageDate when it was stored, or null when the server did not say
 */
public record ContactComment(String id, String content, @Nullable Instant storageDate) {

  /**
   * Validates.
   *
   * @throws NullPointerException if id or content is null
   */
  public ContactComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
  }

  static ContactComment fromWire(Object tree) {
    WireObject o = WireObject.of(tree, "comment");
    String id = o.str("id");
    if (id == null) {
      throw new dev.blipsdk.core.exception.BlipProtocolException("comment without id");
    }
    String content = o.str("content");
    return new ContactComment(id, content == null ? "" : content, o.instant("storageDate"));
  }

  @Override
  public String toString() {
    return "ContactComment{id=" + id + ", storageDate=" + storageDate + ", length=" + content.length() + "}";
  }
}
