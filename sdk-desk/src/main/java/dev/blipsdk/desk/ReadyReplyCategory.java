package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.desk.internal.WriteBack;
import java.util.List;
import java.util.Objects;

/**
 * A category of ready replies: its id, its name and, when read whole, its replies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the category id (the {@code {categoryId}} of {@code /replies/{categoryId}})
 * @param name the category name
 * @param replies the replies; empty in {@link ReadyReplies#categories()}, which lists names only
 * @param raw the document Desk sent for the category: the item of {@code get /replies} it was listed from
 *     ({@link ReadyReplies#categories()}), or the collection {@code get /replies/{categoryId}} answered
 *     ({@link ReadyReplies#get}, whose items are the replies' own {@code raw()}); an empty object for a category
 *     made in code or returned by {@link ReadyReplies#replace}
 */
public record ReadyReplyCategory(String id, String name, List<ReadyReply> replies, JsonDocument raw) {
  /** Validates and copies; a missing {@code raw} becomes an empty object. */
  public ReadyReplyCategory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    replies = List.copyOf(replies);
    raw = raw == null ? WriteBack.EMPTY : raw;
  }
}
