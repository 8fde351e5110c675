package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contacts against FakeBlip over HTTP. */
class ContactsHttpTest {
  private final DeskFixture f = new DeskFixture();
  private final Contacts contacts = f.desk.contacts();
  private final Identity ana = Identity.parse("5531999998888@wa.gw.msging.net");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void replaceDeletesFieldsNotSentButUpdateKeepsThem() {
    contacts.replace(Contact.builder(ana).name("Ana").email("ana@x.com").city("Recife").extra("plan", "Gold").build());
    Contact read = contacts.get(ana);
    assertEquals("Ana", read.name());
    assertEquals("Recife", read.city());
    assertEquals(Map.of("plan", "Gold"), read.extras());

    contacts.update(ContactUpdate.of(ana).email("ana@y.com").build());
    Contact merged = contacts.get(ana);
    assertEquals("ana@y.com", merged.email());
    assertEquals("Recife", merged.city(), "merge keeps fields it does not send");
    assertEquals("Ana", merged.name());

    contacts.replace(Contact.builder(ana).name("Ana S").build());
    Contact replaced = contacts.get(ana);
    assertEquals("Ana S", replaced.name());
    assertNull(replaced.city(), "set deletes fields it does not send");
    assertNull(replaced.email());

    ReceivedEnvelope last = f.fake.receivedEnvelopes().get(f.fake.receivedEnvelopes().size() - 2);
    assertEquals("set", last.field("method"));
    assertEquals("postmaster@crm.msging.net", last.field("to"));
  }

  @Test
  void readModifyReplaceKeepsFieldsTheSdkDoesNotModel() {
    f.fake.bot().seedContact(Map.of("identity", ana.value(), "name", "Ana", "birthDate", "1990-01-01"));
    Contact c = contacts.get(ana);
    contacts.replace(c.toBuilder().city("Natal").build());
    Map<String, Object> stored = f.fake.bot().contact(ana.value());
    assertEquals("1990-01-01", stored.get("birthDate"));
    assertEquals("Natal", stored.get("city"));
  }

  @Test
  void findAndDelete() {
    assertTrue(contacts.find(ana).isEmpty());
    BlipCommandException e = assertThrows(BlipCommandException.class, () -> contacts.get(ana));
    assertTrue(e.isNotFound());
    contacts.replace(Contact.builder(ana).name("Ana").build());
    assertTrue(contacts.find(ana).isPresent());
    contacts.delete(ana);
    assertTrue(contacts.find(ana).isEmpty());
  }

  @Test
  void searchesByEveryDeskCriterionWithEscaping() {
    f.fake.bot().seedContact(Map.of("identity", "1111111111@wa.gw.msging.net", "name", "Seán O'Brien",
        "email", "sean@x.ie", "city", "Dublin", "phoneNumber", "+353 1111111111", "taxDocument", "IE-9"));
    f.fake.bot().seedContact(Map.of("identity", ana.value(), "name", "Ana", "email", "ana@x.com", "city", "Recife",
        "phoneNumber", "+5531999998888", "taxDocument", "123"));
    assertEquals(List.of("Seán O'Brien"), names(contacts.search(ContactFilter.byName("Seán O'B"))));
    assertEquals(List.of("Seán O'Brien"),
        names(contacts.search(ContactFilter.contains(ContactField.NAME, "O'Brien"))));
    assertEquals(List.of("Ana"), names(contacts.search(ContactFilter.byEmail("ana@x.com"))));
    assertEquals(List.of("Ana"), names(contacts.search(ContactFilter.byCity("Recife"))));
    assertEquals(List.of("Ana"), names(contacts.search(ContactFilter.byPhone("(31) 99999-8888"))));
    assertEquals(List.of("Seán O'Brien"), names(contacts.search(ContactFilter.byDocument("IE-9"))));
    assertEquals(List.of("Ana"), names(contacts.search(ContactFilter.byIdentity(ana))));
    assertEquals(List.of("Ana", "Seán O'Brien"), names(contacts.search(
        ContactFilter.byCity("Recife").or(ContactFilter.byCity("Dublin")))).stream().sorted().toList());
    assertEquals(List.of(), names(contacts.search(ContactFilter.byCity("Recife").and(ContactFilter.byName("Se")))));
  }

  @Test
  void listPagesLazilyWithinLimits() {
    for (int i = 0; i < 250; i++) {
      f.fake.bot().seedContact(String.format("55319%08d@wa.gw.msging.net", i), "C" + i);
    }
    int before = f.fake.httpRequestCount();
    assertEquals(250, contacts.list().stream().count());
    assertEquals(3, f.fake.httpRequestCount() - before, "three pages of 100");
    assertEquals(250L, contacts.list().firstPage().total());
    assertEquals(40, contacts.list().limit(40).stream().count());
  }

  @Test
  void filteredSearchStopsWithAClearErrorAtTheTenThousandWindow() {
    for (int i = 0; i < 10_050; i++) {
      f.fake.bot().seedContact(String.format("55319%08d@wa.gw.msging.net", i), "Maria " + i);
    }
    Iterator<Contact> it = contacts.search(ContactFilter.byName("Maria")).pageSize(5_000).iterator();
    int seen = 0;
    BlipValidationException e = null;
    try {
      while (it.hasNext()) {
        it.next();
        seen++;
      }
    } catch (BlipValidationException ex) {
      e = ex;
    }
    assertEquals(10_000, seen, "every contact Blip can serve is returned first");
    assertEquals("$skip", e == null ? null : e.field());
    assertTrue(e.getMessage().contains("narrow the filter"));
  }

  @Test
  void commentsAddListDelete() {
    contacts.replace(Contact.builder(ana).name("Ana").build());
    ContactComment c = contacts.addComment(ana, "called back, wants the Gold plan");
    List<ContactComment> all = contacts.comments(ana);
    assertEquals(1, all.size());
    assertEquals(c.id(), all.get(0).id());
    assertEquals("called back, wants the Gold plan", all.get(0).content());
    assertFalse(c.toString().contains("Gold"));
    contacts.deleteComment(ana, c.id());
    assertTrue(contacts.comments(ana).isEmpty());
    assertThrows(BlipValidationException.class, () -> contacts.addComment(ana, "  "));
  }

  @Test
  void searchValuesWithUriSpecialCharactersArriveIntact() {
    List<String> tricky = List.of("Ana & Bia", "50% off", "C++ #1", "x+y@z.com", "a/b?c=d", "O'Neil, Jr.");
    for (int i = 0; i < tricky.size(); i++) {
      f.fake.bot().seedContact(Map.of("identity", "55310000000" + i + "@wa.gw.msging.net", "name", tricky.get(i),
          "email", tricky.get(i)));
    }
    for (String value : tricky) {
      assertEquals(List.of(value), names(contacts.search(ContactFilter.byName(value))), value);
      assertEquals(List.of(value), names(contacts.search(ContactFilter.byEmail(value))), value);
    }
  }

  @Test
  void commentsBeyondOnePageAreAllRead() {
    contacts.replace(Contact.builder(ana).name("Ana").build());
    for (int i = 0; i < 130; i++) {
      contacts.addComment(ana, "note " + i);
    }
    int before = f.fake.httpRequestCount();
    List<ContactComment> all = contacts.comments(ana);
    assertEquals(130, all.size());
    assertEquals(130, all.stream().map(ContactComment::id).distinct().count());
    assertEquals(2, f.fake.httpRequestCount() - before, "two pages of at most 100");
  }

  private static List<String> names(Iterable<Contact> it) {
    return java.util.stream.StreamSupport.stream(it.spliterator(), false).map(Contact::name)
        .collect(Collectors.toList());
  }
}
