package dev.blipsdk.core.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationTest {
  @ParameterizedTest
  @ValueSource(strings = {"whatsapp.send", "desk.tickets.list", "campaigns.create", "myapp.orders_v2.get",
      "a", "desk.attendance-queues.list"})
  void acceptsDottedLowerCaseNames(String name) {
    assertEquals(name, Operation.of(name).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "WhatsApp.send", "whatsapp..send", ".send", "send.", "5531999998888",
      "contacts.5531999998888@wa", "ana@mail.com", "has space", "desk.1tickets"})
  void rejectsNamesThatAreNotDottedWords(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Operation.of(name));
    assertTrue(e.getMessage().contains("operation name"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/contacts/{identity}", "/tickets", "/tickets/{id}/change-tags",
      "lime://wa.gw.msging.net/accounts/{phone}", "/buckets/blip_portal:builder_published_flow",
      "/monitoring/tickets", "/contexts/{identity}/Master-State"})
  void acceptsTemplates(String template) {
    assertEquals(template, Operation.of("x.y", template).uriTemplate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/contacts/5531999998888@wa.gw.msging.net", "/contacts?$filter=name",
      "/contacts/ana%40mail.com", "contacts", "/threads/+5531", "lime://bot@msging.net/contacts",
      "/contacts/{identity", "/contacts/{}", "/tickets/{id}/{a b}", "lime:///x"})
  void rejectsTemplatesThatCouldHoldValues(String template) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Operation.of("x.y", template));
    assertTrue(e.getMessage().contains("uriTemplate"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "/contacts/5531999998888@wa.gw.msging.net, /contacts/{path}",
      "/contacts?$skip=0&$take=100, /contacts",
      "/contacts, /contacts",
      "lime://wa.gw.msging.net/accounts/+5531988889999, /accounts/{path}",
      "/5531999998888@wa.gw.msging.net, /{path}",
      "/ana@mail.com/x, /{path}",
      "/ping, /ping",
      "/tickets/, /tickets",
      "/unknown-resource, /{path}"})
  void unnamedCommandsKeepOnlyAKnownFirstSegment(String uri, String template) {
    Operation op = Operation.command(uri);
    assertEquals(Operation.COMMAND_NAME, op.name());
    assertEquals(template, op.uriTemplate());
  }

  @org.junit.jupiter.api.Test
  void valueSemantics() {
    assertEquals(Operation.of("a.b", "/x/{id}"), Operation.of("a.b", "/x/{id}"));
    assertEquals(Operation.of("a.b", "/x/{id}").hashCode(), Operation.of("a.b", "/x/{id}").hashCode());
    assertEquals("a.b /x/{id}", Operation.of("a.b", "/x/{id}").toString());
    assertNull(Operation.of("a.b").uriTemplate());
    assertEquals(Operation.command("/contacts/1"), Operation.command("/contacts/2"));
  }
}
