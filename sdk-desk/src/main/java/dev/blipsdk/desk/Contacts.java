package dev.blipsdk.desk;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.desk.internal.DeskCommands;
import dev.blipsdk.desk.internal.DeskOperations;
import dev.blipsdk.desk.internal.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bot's contacts ({@code /contacts} on {@code postmaster@crm.msging.net}).
 *
 * <p>Two ways to write, on purpose different: {@link #replace(Contact)} ({@code set}) writes the whole
 * contact and <b>deletes every field it does not send</b>; {@link #update(ContactUpdate)} ({@code merge})
 * changes only the fields it sends.
 *
 * <pre>{@code
 * Contacts contacts = desk.contacts();
 * contacts.update(ContactUpdate.of(id).email("ana@example.com").build()); // other fields kept
 * for (Contact c : contacts.search(ContactFilter.byName("O'Brien"))) { ... } // escaped for you
 * }</pre>
 *
 * <p>Listing follows Blip's limits: without a filter a page holds at most {@value #MAX_TAKE} contacts;
 * with a filter {@code $skip + $take} may not pass {@value #MAX_FILTERED_WINDOW}, so a search iterates at
 * most that many contacts and then fails with a {@link BlipValidationException} that says to narrow the
 * filter (it never stops silently).
 *
 * <p>Immutable and thread-safe.
 */
public final class Contacts {
  /** The largest {@code $take} Blip accepts on {@code /contacts} without a filter. */
  public static final int MAX_TAKE = 30_000;
  /** With a {@code $filter}, {@code $skip + $take} may not pass this. */
  public static final int MAX_FILTERED_WINDOW = 10_000;
  /** The page size used when iterating. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The page size for comments ({@code $take}; Blip's default and maximum). */
  public static final int COMMENTS_PAGE = 100;

  private static final String COMMENT_TYPE = "application/vnd.iris.crm.comment+json";

  private final DeskCommands crm;

  Contacts(DeskCommands crm) {
    this.crm = crm;
  }

  /**
   * Gets one contact.
   *
   * @param identity the contact's identity
   * @return the contact
   * @throws BlipCommandException if it does not exist ({@link BlipCommandException#isNotFound()}) or the
   *     command failed
   */
  public Contact get(Identity identity) {
    return crm.get(DeskOperations.CONTACTS_GET, contactUri(identity).build(), Contact.class);
  }

  /**
   * Gets one contact, or nothing when it does not exist.
   *
   * @param identity the contact's identity
   * @return the contact, or empty
   * @throws BlipCommandException if the command failed for another reason
   */
  public Optional<Contact> find(Identity identity) {
    try {
      return Optional.of(get(identity));
    } catch (BlipCommandException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Creates the contact, or replaces it whole ({@code set /contacts}). <b>Fields not sent are deleted</b>:
   * to change a few fields and keep the rest, use {@link #update(ContactUpdate)}. To change a contact you
   * read, use {@code get(id).toBuilder()...build()}: fields the SDK does not model are kept.
   *
   * @param contact the full contact
   * @throws dev.blipsdk.core.exception.BlipException if the command failed
   */
  public void replace(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    crm.setIdempotent(DeskOperations.CONTACTS_SET, "/contacts", MediaTypes.CONTACT, contact.toWire());
  }

  /**
   * Changes only the fields set in the update ({@code merge /contacts}); every other field keeps its
   * value. Creates the contact when it does not exist.
   *
   * @param update the fields to change
   * @throws dev.blipsdk.core.exception.BlipException if the command failed
   */
  public void update(ContactUpdate update) {
    Objects.requireNonNull(update, "update");
    crm.merge(DeskOperations.CONTACTS_MERGE, "/contacts", MediaTypes.CONTACT, update.toWire());
  }

  /**
   * Deletes a contact.
   *
   * @param identity the contact's identity
   * @throws dev.blipsdk.core.exception.BlipException if the command failed
   */
  public void delete(Identity identity) {
    crm.delete(DeskOperations.CONTACTS_DELETE, contactUri(identity).build());
  }

  /**
   * All contacts, fetched lazily {@value #DEFAULT_PAGE_SIZE} at a time (change it with
   * {@link PagedIterable#pageSize(int)}, at most {@value #MAX_TAKE}).
   *
   * @return the contacts
   */
  public PagedIterable<Contact> list() {
    return PagedIterable.of(this::fetchAll, DEFAULT_PAGE_SIZE, MAX_TAKE, Long.MAX_VALUE);
  }

  /**
   * The contacts matching a filter, fetched lazily. Blip serves at most the first
   * {@value #MAX_FILTERED_WINDOW} matches of a filter: iterating past them throws a
   * {@link BlipValidationException} ({@code field() = "$skip"}) after the last one that can be served.
   * {@code search(f).firstPage().total()} tells how many match, when the server says.
   *
   * @param filter the filter
   * @return the matching contacts
   */
  public PagedIterable<Contact> search(ContactFilter filter) {
    Objects.requireNonNull(filter, "filter");
    String odata = filter.toOData();
    return PagedIterable.of((skip, take) -> fetchFiltered(odata, skip, take), DEFAULT_PAGE_SIZE,
        MAX_FILTERED_WINDOW, Long.MAX_VALUE);
  }

  private Page<Contact> fetchAll(int skip, int take) {
    int t = Math.min(take, MAX_TAKE);
    return fetch(CommandUri.path("/contacts").query("$skip", skip).query("$take", t).build(), skip, t);
  }

  private Page<Contact> fetchFiltered(String odata, int skip, int take) {
    if (skip >= MAX_FILTERED_WINDOW) {
      throw new BlipValidationException("$skip", "$skip + $take <= " + MAX_FILTERED_WINDOW + " with a $filter",
          "Blip serves only the first " + MAX_FILTERED_WINDOW + " contacts of a filtered search; "
              + "narrow the filter (for example by name prefix or lastMessageDate) to reach the others");
    }
    int t = Math.min(take, MAX_FILTERED_WINDOW - skip);
    String uri = CommandUri.path("/contacts").query("$skip", skip).query("$take", t).query("$filter", odata).build();
    return fetch(uri, skip, t);
  }

  private Page<Contact> fetch(String uri, int skip, int take) {
    Pages.Contacts page = crm.get(DeskOperations.CONTACTS_LIST, uri, Pages.Contacts.class);
    return new Page<>(page.items(), page.total(), skip, take);
  }

  /**
   * Adds a comment to a contact. The SDK gives the comment its id, so the id is known even when the
   * server answers with no resource.
   *
   * @param identity the contact's identity
   * @param content the text, not blank
   * @return the comment as stored (or as sent when the server returned nothing)
   * @throws BlipValidationException if the text is blank
   */
  public ContactComment addComment(Identity identity, String content) {
    Objects.requireNonNull(content, "content");
    if (content.isBlank()) {
      throw new BlipValidationException("content", "must not be blank", "a comment must have text");
    }
    String id = crm.client().newEnvelopeId();
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("id", id);
    resource.put("content", content);
    Command response = crm.setIdempotent(DeskOperations.COMMENTS_ADD, contactUri(identity).encodedSegment("comments").build(), COMMENT_TYPE,
        resource);
    if (response.resource() != null && response.resource().isObject()) {
      return response.resource().decode(ContactComment.class);
    }
    return new ContactComment(id, null, content, null, null);
  }

  /**
   * All the comments on a contact, read {@value #COMMENTS_PAGE} at a time (Blip's maximum page for
   * comments) until the last one.
   *
   * @param identity the contact's identity
   * @return the comments, as the server orders them
   */
  public List<ContactComment> comments(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    List<ContactComment> out = new ArrayList<>();
    for (int skip = 0; ; skip += COMMENTS_PAGE) {
      Pages.Comments c = crm.get(DeskOperations.COMMENTS_LIST, contactUri(identity).encodedSegment("comments")
          .query("$skip", skip).query("$take", COMMENTS_PAGE).build(), Pages.Comments.class);
      out.addAll(c.items());
      Long total = c.total();
      boolean more = total != null ? skip + c.items().size() < total : c.items().size() >= COMMENTS_PAGE;
      if (c.items().isEmpty() || !more) {
        return List.copyOf(out);
      }
    }
  }

  /**
   * Deletes a comment.
   *
   * @param identity the contact's identity
   * @param commentId the comment id
   */
  public void deleteComment(Identity identity, String commentId) {
    Objects.requireNonNull(commentId, "commentId");
    crm.delete(DeskOperations.COMMENTS_DELETE, contactUri(identity).encodedSegment("comments").segment(commentId).build());
  }

  private static CommandUri contactUri(@Nullable Identity identity) {
    Objects.requireNonNull(identity, "identity");
    return CommandUri.path("/contacts").segment(identity.value());
  }
}
