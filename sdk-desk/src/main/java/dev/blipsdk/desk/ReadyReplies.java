package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.DeskCommands;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Desk's ready replies, grouped in categories ({@code /replies}, API doc §5.9, CONFIRMED by Blip's docs).
 *
 * <pre>{@code
 * ReadyReplies replies = desk.readyReplies();
 * replies.replace("greetings", "Greetings", List.of(
 *     ReadyReply.text("Hello", "Hi! How can I help you?"),
 *     ReadyReply.text("Opening hours", "We answer Monday to Friday, 8 am to 6 pm.")));
 * for (ReadyReplyCategory c : replies.categories()) { ... }
 * List<ReadyReply> greetings = replies.get("greetings").replies();
 * }</pre>
 *
 * <p>Blip Go Personal's limits are checked before any request: a title has at most
 * {@value #MAX_TITLE_LENGTH} characters, a category name at most {@value #MAX_CATEGORY_NAME_LENGTH}, and
 * replies are text ({@code text/plain}); a reply's text has no limit. Replies Desk already holds are read
 * as they are.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadyReplies {
  /** The MIME type of a reply. */
  public static final String TYPE = "application/vnd.iris.desk.custom-reply+json";
  /** Go Personal: a reply's title has at most this many characters. */
  public static final int MAX_TITLE_LENGTH = 30;
  /** Go Personal: a category name has at most this many characters. */
  public static final int MAX_CATEGORY_NAME_LENGTH = 60;

  private final DeskCommands desk;

  ReadyReplies(DeskCommands desk) {
    this.desk = desk;
  }

  /**
   * The categories, without their replies ({@code get /replies}, whose items are one per category).
   *
   * @return the categories, in the order Desk lists them
   */
  public List<ReadyReplyCategory> categories() {
    Command response = desk.get(DeskOperations.REPLIES_LIST, "/replies?$skip=0&$take=100&$ascending=true");
    List<ReadyReplyCategory> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReadyReplyCategory c : DocumentItems.of(response, ReadyReplies::category)) {
      if (seen.add(c.id())) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * An item of {@code get /replies}: {@code {id, category, isDynamicContent}}, the category's id and name (read as
   * a reply's, without regard to case), the item kept in {@code raw}.
   */
  static ReadyReplyCategory category(JsonDocument item) {
    ReadyReply r = item.decode(ReadyReply.class);
    return new ReadyReplyCategory(r.id() == null ? "" : r.id(), r.category() == null ? "" : r.category(), List.of(),
        item);
  }

  /**
   * One category with its replies ({@code get /replies/{categoryId}}).
   *
   * @param categoryId the category id
   * @return the category
   * @throws BlipCommandException if it does not exist ({@link BlipCommandException#isNotFound()})
   */
  public ReadyReplyCategory get(String categoryId) {
    Tickets.requireText("categoryId", categoryId);
    Command response = desk.get(DeskOperations.REPLIES_GET, uri(categoryId));
    List<ReadyReply> replies = DocumentItems.of(response, item -> item.decode(ReadyReply.class));
    String name = replies.isEmpty() || replies.get(0).category() == null ? "" : replies.get(0).category();
    return new ReadyReplyCategory(categoryId, name, replies, response.resource());
  }

  /**
   * Creates a category or replaces all its replies ({@code set /replies/{categoryId}} with a collection).
   * Every reply is put in the category (its {@code category} becomes {@code name}); a reply without an id
   * gets one.
   *
   * @param categoryId the category id (a new id creates the category)
   * @param name the category name, at most {@value #MAX_CATEGORY_NAME_LENGTH} characters
   * @param replies the replies: titled, at most {@value #MAX_TITLE_LENGTH} characters, text
   * @return the category as written
   * @throws BlipValidationException before any request when a limit is broken, naming the field
   *     ({@code name}, {@code replies[2].name}, {@code replies[2].type})
   */
  public ReadyReplyCategory replace(String categoryId, String name, List<ReadyReply> replies) {
    Tickets.requireText("categoryId", categoryId);
    Tickets.requireText("name", name);
    Objects.requireNonNull(replies, "replies");
    if (name.codePointCount(0, name.length()) > MAX_CATEGORY_NAME_LENGTH) {
      throw new BlipValidationException("name", "at most " + MAX_CATEGORY_NAME_LENGTH + " characters",
          "a category name has at most " + MAX_CATEGORY_NAME_LENGTH + " characters (Go Personal), this one has "
              + name.codePointCount(0, name.length()));
    }
    List<ReadyReply> placed = new ArrayList<>(replies.size());
    List<Object> items = new ArrayList<>(replies.size());
    for (int i = 0; i < replies.size(); i++) {
      ReadyReply r = Objects.requireNonNull(replies.get(i), "replies[" + i + "]");
      String field = "replies[" + i + "]";
      String title = r.title();
      if (title.isBlank()) {
        throw new BlipValidationException(field + ".name", "must not be blank", "a ready reply needs a title");
      }
      int length = title.codePointCount(0, title.length());
      if (length > MAX_TITLE_LENGTH) {
        throw new BlipValidationException(field + ".name", "at most " + MAX_TITLE_LENGTH + " characters",
            "a ready reply's title has at most " + MAX_TITLE_LENGTH + " characters (Go Personal), this one has "
                + length);
      }
      String type = r.type() == null ? MediaTypes.TEXT_PLAIN : r.type();
      if (!type.toLowerCase(Locale.ROOT).startsWith(MediaTypes.TEXT_PLAIN)) {
        throw new BlipValidationException(field + ".type", "must be text/plain",
            "ready replies are text (Go Personal): " + type + " is not");
      }
      if (r.text().isEmpty()) {
        throw new BlipValidationException(field + ".document", "must not be empty", "a ready reply needs a text");
      }
      ReadyReply p = r.inCategory(name);
      placed.add(p);
      items.add(p); // written by JsonDocument.of: unmodelled members as they came, then the modelled ones
    }
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("itemType", TYPE);
    collection.put("total", items.size());
    collection.put("items", items);
    desk.setIdempotent(DeskOperations.REPLIES_SET, uri(categoryId), MediaTypes.COLLECTION, collection);
    return new ReadyReplyCategory(categoryId, name, placed, null);
  }

  /**
   * Deletes a category and its replies ({@code delete /replies/{categoryId}}).
   *
   * @param categoryId the category id
   */
  public void delete(String categoryId) {
    Tickets.requireText("categoryId", categoryId);
    desk.delete(DeskOperations.REPLIES_DELETE, uri(categoryId));
  }

  private static String uri(String categoryId) {
    return CommandUri.path("/replies").segment(categoryId).build();
  }
}
