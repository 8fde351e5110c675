package dev.blipsdk.desk;

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
 */
public record ReadyReplyCategory(String id, String name, List<ReadyReply> replies) {
  /** Validates and copies. */
  public ReadyReplyCategory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    replies = List.copyOf(replies);
  }
}
