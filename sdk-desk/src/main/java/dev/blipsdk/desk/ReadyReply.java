package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.desk.internal.WriteBack;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ready ("custom") reply of Desk, {@code application/vnd.iris.desk.custom-reply+json} (API doc §5.9,
 * CONFIRMED by Blip's docs, {@code documents/customReply.md}): a title agents pick it by and the text it
 * sends. The components mirror the document: {@code name} is the title, {@code document} the content and
 * {@code type} its MIME type, {@code category} the name of its category.
 *
 * <p>Go Personal's limits ({@link ReadyReplies#MAX_TITLE_LENGTH} characters for a title, text replies
 * only) are checked by {@link ReadyReplies#replace} before any request, not here: replies Desk already holds
 * are read as they are.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints the text. {@link #raw()} is the document as
 * Desk sent it (an empty object for a reply made in code); {@link ReadyReplies#replace} writes the record back
 * through {@code JsonDocument.of}, which puts the members the SDK does not model first, as they came.
 *
 * @param id the reply id
 * @param category the category name
 * @param name the title
 * @param document the content (the text, for {@code text/plain})
 * @param type the content's MIME type
 * @param isDynamicContent whether Desk fills variables into it
 * @param raw the whole document as Desk sent it (an empty object for a reply made in code)
 */
public record ReadyReply(@Nullable String id, @Nullable String category, @Nullable String name,
    @Nullable String document, @Nullable String type, boolean isDynamicContent, JsonDocument raw) {


  /** A missing {@code raw} becomes an empty object. */
  public ReadyReply {
    raw = raw == null ? WriteBack.EMPTY : raw;
  }

  /**
   * A new text reply with a fresh id; its category is set when the category is replaced.
   *
   * @param title the title agents pick it by
   * @param text the text it sends
   * @return the reply
   */
  public static ReadyReply text(String title, String text) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    return new ReadyReply(UUID.randomUUID().toString(), null, title, text, MediaTypes.TEXT_PLAIN, false, null);
  }

  /**
   * The title ({@code name} on the wire).
   *
   * @return the title, or an empty string when Desk sent none
   */
  public String title() {
    return name == null ? "" : name;
  }

  /**
   * The text of a {@code text/plain} reply.
   *
   * @return the text, or an empty string when Desk sent none
   */
  public String text() {
    return document == null ? "" : document;
  }

  /** A copy in a category, with an id when it had none; keeps {@link #raw()}. */
  ReadyReply inCategory(String categoryName) {
    String newId = id != null && !id.isBlank() ? id : UUID.randomUUID().toString();
    return new ReadyReply(newId, categoryName, name, document, type, isDynamicContent, raw);
  }

  /** Id, title length and type; never the text. */
  @Override
  public String toString() {
    return "ReadyReply{id=" + id + ", title=" + title().length() + " chars, type=" + type + "}";
  }
}
