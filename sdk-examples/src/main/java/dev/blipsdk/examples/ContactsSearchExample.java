package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.Contact;
import dev.blipsdk.desk.ContactField;
import dev.blipsdk.desk.ContactFilter;
import dev.blipsdk.desk.ContactUpdate;
import dev.blipsdk.desk.Contacts;
import dev.blipsdk.desk.DeskClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a contact whose name holds a quote, merges a few fields into it without touching the others, then
 * searches by name with a {@link ContactFilter} (the quote is escaped for you) and iterates the matches page by
 * page without ever asking for a page itself.
 *
 * <p>On the fake, 24 more "O'Brien" contacts are seeded so the search spans three pages of ten. On a real
 * contract the example creates (or replaces) one contact, {@code BLIP_CONTACT_IDENTITY}; see
 * {@link ExampleEnvironment}.
 */
public final class ContactsSearchExample {
  /** The identity of the contact the demo creates. */
  public static final String DEMO_CONTACT = "5531966665555@wa.gw.msging.net";
  /** How many other O'Brien contacts the fake gets. */
  public static final int SEEDED_NAMESAKES = 24;

  private ContactsSearchExample() {}

  /**
   * What the example found.
   *
   * @param created the contact as read back after the merge
   * @param found the contacts the search returned, in order
   */
  public record Outcome(Contact created, List<Contact> found) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @return the contact and the matches
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Contacts, on " + env.description());
    env.fake().ifPresent(fake -> {
      for (int i = 1; i <= SEEDED_NAMESAKES; i++) {
        fake.bot().seedContact(String.format("55319%08d@wa.gw.msging.net", 10_000_000 + i),
            String.format("O'Brien Cliente %02d", i));
      }
    });
    Identity id = Identity.parse(env.setting("BLIP_CONTACT_IDENTITY", DEMO_CONTACT));
    BlipClient blip = env.client();

    List<Contact> found = new ArrayList<>();

    // [snippet:contacts-search]
    DeskClient desk = DeskClient.of(blip);
    Contacts contacts = desk.contacts();
    // create, or replace whole: fields not sent are deleted
    contacts.replace(Contact.builder(id).name("O'Brien, Seán").email("sean@example.com").city("Dublin").build());
    // merge: only these fields change; name and e-mail stay
    contacts.update(ContactUpdate.of(id).city("Cork").extra("plan", "Gold").build());
    ContactFilter filter = ContactFilter.byName("O'Brien")          // startswith(name,'O''Brien')
        .and(ContactFilter.notEqualTo(ContactField.GROUP, "testers"));
    for (Contact contact : contacts.search(filter).pageSize(10)) {  // the next page is fetched on demand
      found.add(contact);
    }
    // [/snippet:contacts-search]

    Contact created = contacts.get(id);
    System.out.println("Contact " + created.identity() + ": " + created.name() + ", " + created.city()
        + ", plan " + created.extras().get("plan") + " (e-mail kept after the merge: " + (created.email() != null)
        + ")");
    System.out.println("Searching " + filter.toOData() + ", 10 per page:");
    found.forEach(c -> System.out.println("  " + c.name() + " (" + c.identity() + ")"));
    System.out.println(found.size() + " contacts found");
    return new Outcome(created, List.copyOf(found));
  }
}
