package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filter building and escaping, uris, and parsing of the documented JSON samples. */
class WireFormsTest {

  @Test
  void quoteInNameIsDoubledThenPercentEncoded() {
    ContactFilter f = ContactFilter.byName("O'Brien");
    assertEquals("(startswith(name,'O''Brien'))", f.toOData());
    String uri = CommandUri.path("/contacts").query("$skip", 0).query("$take", 100).query("$filter", f.toOData())
        .build();
    assertEquals("/contacts?$skip=0&$take=100&$filter=(startswith(name%2C'O''Brien'))", uri);
    assertFalse(f.toString().contains("Brien"), "toString masks the value");
  }

  @Test
  void documentedFilterFormsAreProduced() {
    assertEquals("(name eq 'John Doe')", ContactFilter.equalTo(ContactField.NAME, "John Doe").toOData());
    assertEquals("(name ne 'John')", ContactFilter.notEqualTo(ContactField.NAME, "John").toOData());
    assertEquals("(substringof('John Doe',name))", ContactFilter.contains(ContactField.NAME, "John Doe").toOData());
    assertEquals("(lastmessagedate ge datetimeoffset'2021-09-01T13:38:00.000Z')",
        ContactFilter.lastMessageOnOrAfter(Instant.parse("2021-09-01T13:38:00Z")).toOData());
    assertEquals("(lastmessagedate le datetimeoffset'2021-09-01T13:38:00.000Z')",
        ContactFilter.lastMessageOnOrBefore(Instant.parse("2021-09-01T13:38:00Z")).toOData());
    String encoded = CommandUri.path("/contacts").query("$filter",
        ContactFilter.lastMessageOnOrAfter(Instant.parse("2021-09-01T13:38:00Z")).toOData()).build();
    assertEquals("/contacts?$filter=(lastmessagedate%20ge%20datetimeoffset'2021-09-01T13%3A38%3A00.000Z')", encoded);
  }

  @Test
  void searchShortcutsUseTheRightFields() {
    assertEquals("(substringof('5531999998888',phoneNumber))", ContactFilter.byPhone("+55 (31) 99999-8888").toOData());
    assertEquals("(email eq 'ana@x.com')", ContactFilter.byEmail("ana@x.com").toOData());
    assertEquals("(city eq 'São Paulo')", ContactFilter.byCity("São Paulo").toOData());
    assertEquals("(taxDocument eq '123.456.789-00')", ContactFilter.byDocument("123.456.789-00").toOData());
    assertEquals("(identity eq '5531999998888@wa.gw.msging.net')",
        ContactFilter.byIdentity(Identity.parse("5531999998888@wa.gw.msging.net")).toOData());
    assertEquals("((startswith(name,'Ana')) and ((city eq 'Recife') or (city eq 'Natal')))",
        ContactFilter.byName("Ana").and(ContactFilter.byCity("Recife").or(ContactFilter.byCity("Natal"))).toOData());
  }

  @Test
  void blankSearchValuesAreRefusedNamingTheField() {
    BlipValidationException e = assertThrows(BlipValidationException.class, () -> ContactFilter.byEmail(" "));
    assertEquals("email", e.field());
    assertEquals("phone", assertThrows(BlipValidationException.class, () -> ContactFilter.byPhone("+ -")).field());
  }

  @Test
  void ticketQueryBuildsFilterWithStatusesAndDates() {
    TicketQuery q = TicketQuery.builder().status(TicketStatus.WAITING, TicketStatus.OPEN)
        .customer(Identity.parse("5531999998888@wa.gw.msging.net")).agent(Agents.identityOf("ana@acme.com"))
        .team("Sales's").createdFrom(Instant.parse("2024-05-01T00:00:00Z")).build();
    assertEquals("((status eq 'Waiting' or status eq 'Open') and customerIdentity eq '5531999998888@wa.gw.msging.net'"
        + " and agentIdentity eq 'ana%40acme.com@blip.ai' and team eq 'Sales''s'"
        + " and storageDate ge datetimeoffset'2024-05-01T00:00:00.000Z')", q.toOData());
    assertNull(TicketQuery.all().toOData());
    assertThrows(IllegalArgumentException.class,
        () -> TicketQuery.builder().status(TicketStatus.CLOSED_ATTENDANT).build(), "closed statuses need closed()");
    assertTrue(TicketQuery.builder().status(TicketStatus.CLOSED_ATTENDANT).closed().build().closed());
  }

  @Test
  void agentRemovalUriIsDoubleEncoded() {
    Identity agent = Identity.parse("jonh%40email.com@blip.ai");
    assertEquals("/attendants/jonh%2540email.com@blip.ai", Agents.removeUri(agent));
    assertEquals("jonh%40email.com@blip.ai", Agents.identityOf("jonh@email.com").value());
    assertThrows(BlipValidationException.class, () -> Agents.identityOf("not-an-email"));
  }

  @Test
  void parsesTheDocumentedTicket() {
    String json = "{ \"id\": \"76f5bc38-b476-4895-a0c6-016ed1288ba0\", \"sequentialId\": 138, \"sequentialSuffix\": \"SFX\","
        + " \"ownerIdentity\": \"demobot@msging.net\", \"customerIdentity\": \"2627641447@messenger.gw.msging.net\","
        + " \"customerDomain\": \"messenger.gw.msging.net\", \"provider\": \"Lime\", \"status\": \"Waiting\","
        + " \"storageDate\": \"2019-12-04T13:45:25.664Z\", \"externalId\": \"76f5bc38\", \"rating\": 0, \"team\": \"Default\","
        + " \"unreadMessages\": 0, \"closed\": false, \"customerInput\": {}, \"priority\": 0, \"CampaignId\": \"c1\","
        + " \"tags\": [\"a\", \"b\"] }";
    Ticket t = JsonDocument.parse(json).decode(Ticket.class);
    assertEquals("76f5bc38-b476-4895-a0c6-016ed1288ba0", t.id());
    assertEquals(138L, t.sequentialId());
    assertEquals(TicketStatus.WAITING, t.status());
    assertTrue(t.isOpen());
    assertEquals("2627641447@messenger.gw.msging.net", t.customerIdentity().value());
    assertEquals(Instant.parse("2019-12-04T13:45:25.664Z"), t.storageDate());
    assertEquals("Default", t.team());
    assertEquals("c1", t.campaignId());
    assertEquals(List.of("a", "b"), t.tags());
    assertFalse(t.toString().contains("2627641447"), "toString masks the customer");
  }

  @Test
  void unknownAndInactivityStatusesAreKept() {
    assertEquals(TicketStatus.CLOSED_CLIENT_INACTIVITY, TicketStatus.fromWire("ClosedClientInactivity"));
    assertEquals(TicketStatus.WAITING, TicketStatus.fromWire("waiting"));
    Ticket t = JsonDocument.parse(
        "{\"id\":\"x\",\"customerIdentity\":\"1@tunnel.msging.net\",\"status\":\"OnHold\"}").decode(Ticket.class);
    assertEquals(TicketStatus.UNKNOWN, t.status());
    assertEquals("OnHold", t.rawStatus());
    assertEquals(AgentStatus.INVISIBLE, AgentStatus.fromWire("3"));
    assertEquals(AgentStatus.PAUSE, AgentStatus.fromWire("pause"));
    assertEquals(AgentStatus.UNKNOWN, AgentStatus.fromWire("Lunch"));
  }

  @Test
  void queueReadsAndWritesCapitalPriority() {
    AttendanceQueue q = JsonDocument.parse("{\"id\":\"queuename\",\"ownerIdentity\":"
        + "\"demobot@msging.net\",\"name\":\"Queue name\",\"isActive\":true,\"storageDate\":\"2021-04-07T14:01:07.034Z\","
        + "\"Priority\":\"3\"}").decode(AttendanceQueue.class);
    assertEquals(3, q.priority());
    assertEquals("queuename", q.id());
    Map<String, Object> wire = q.withPriority(1).toWire(true);
    assertEquals(1, wire.get("Priority"));
    assertFalse(wire.containsKey("priority"));
    assertEquals(Boolean.TRUE, wire.get("isActive"));
  }

  @Test
  void monitoringDurationsAreDurations() {
    AgentMetrics m = JsonDocument.parse("{\"identity\":\"a%40b.com@blip.ai\",\"status\":\"Online\","
        + "\"openedTickets\":2,\"closedTickets\":5,\"averageAttendanceTime\":\"01:02:03\",\"averageResponseTime\":\"00:00:45\"}")
        .decode(AgentMetrics.class);
    assertEquals(Duration.ofHours(1).plusMinutes(2).plusSeconds(3), m.averageAttendanceTime());
    assertEquals(Duration.ofSeconds(45), m.averageResponseTime());
    assertEquals(AgentStatus.ONLINE, m.status());
    MonitoredTicket w = JsonDocument.parse("{\"id\":\"t\",\"sequentialId\":7,"
        + "\"customerIdentity\":\"1@wa.gw.msging.net\",\"team\":\"Default\",\"queueTime\":\"1.02:00:00\"}").decode(MonitoredTicket.class);
    assertEquals(Duration.ofHours(26), w.queueTime());
    assertNull(w.firstResponseTime());
    TicketsSummary s = JsonDocument.parse("{\"waiting\":1,\"open\":\"2\",\"closed\":3,"
        + "\"closedAttendant\":2,\"closedClient\":1,\"transferred\":0,\"missed\":4}").decode(TicketsSummary.class);
    assertEquals(new TicketsSummary(null, 1, 2, 3, 2, 1, 0, 4, s.raw()), s);
  }

  @Test
  void contactKeepsUnmodeledFieldsForReplace() {
    Contact c = JsonDocument.parse("{\"identity\":\"5531999998888@wa.gw.msging.net\",\"name\":\"John\","
        + "\"email\":\"j@x.com\",\"extras\":{\"plan\":\"Gold\",\"code\":1111},\"birthDate\":\"1990-01-01\","
        + "\"lastMessageDate\":\"2021-09-01T13:38:00.000Z\"}").decode(Contact.class);
    assertEquals(Map.of("plan", "Gold", "code", "1111"), c.extras());
    assertEquals("\"1990-01-01\"", c.raw().member("birthDate").orElseThrow().json());
    Map<String, Object> wire = c.toBuilder().city("Recife").build().toWire();
    assertEquals(JsonDocument.text("1990-01-01"), wire.get("birthDate"));
    assertEquals("Recife", wire.get("city"));
    assertFalse(wire.containsKey("lastMessageDate"), "read-only date is not written back");
    assertFalse(c.toString().contains("John"));
  }

  @Test
  void contactUpdateSendsOnlyWhatWasSet() {
    Identity id = Identity.parse("5531999998888@wa.gw.msging.net");
    ContactUpdate u = ContactUpdate.of(id).email("j@x.com").extra("plan", "Gold").build();
    assertEquals(Map.of("identity", id.value(), "email", "j@x.com", "extras", Map.of("plan", "Gold")), u.toWire());
    assertThrows(IllegalArgumentException.class, () -> ContactUpdate.of(id).build());
  }
}
