package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.DocumentCollection;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.webhook.TicketEvent;
import dev.blipsdk.core.webhook.WebhookEvent;
import dev.blipsdk.core.webhook.WebhookParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Desk's records on the payloads Blip publishes, copied from the Blip docs repository (takenet/blip-docs,
 * {@code source/includes/en/extensions/desk.md}, section named in each test, and
 * {@code extensions/chat-history.md}), plus the variations real tenants send (capitalised duplicates, numbers as
 * strings, fields the docs never mention). Each record keeps the whole document in {@code raw()}.
 */
class DocumentedPayloadsTest {

  private static <T> List<T> items(String collection, Class<T> type) {
    return JsonDocument.parse(collection).asCollection(type).items();
  }

  /** desk.md "Create a new ticket" (response), with a campaign and distribution fields the docs do not list. */
  @Test
  void ticketOfCreateANewTicket() {
    String json = "{\"id\":\"76f5bc38-b476-4895-a0c6-016ed1288ba0\",\"sequentialId\":138,\"sequentialSuffix\":\"SFX\","
        + "\"ownerIdentity\":\"demobot@msging.net\",\"customerIdentity\":\"2627641447@messenger.gw.msging.net\","
        + "\"customerDomain\":\"messenger.gw.msging.net\",\"provider\":\"Lime\",\"status\":\"Waiting\","
        + "\"storageDate\":\"2019-12-04T13:45:25.664Z\",\"externalId\":\"76f5bc38-b476-4895-a0c6-016ed1288ba0\","
        + "\"rating\":0,\"team\":\"Default\",\"unreadMessages\":0,\"closed\":false,"
        + "\"customerInput\":{\"type\":\"text/plain\",\"value\":\"Quero falar com um atendente\"},\"priority\":0,"
        + "\"CampaignId\":\"c-42\",\"distributionType\":\"Redis\",\"isAutomaticDistribution\":true}";
    Ticket t = JsonDocument.parse(json).decode(Ticket.class);
    assertEquals("76f5bc38-b476-4895-a0c6-016ed1288ba0", t.id());
    assertEquals("SFX-138", t.displayNumber());
    assertEquals("messenger.gw.msging.net", t.customerDomain());
    assertEquals(TicketStatus.WAITING, t.status());
    assertEquals("Waiting", t.rawStatus());
    assertEquals(Instant.parse("2019-12-04T13:45:25.664Z"), t.storageDate());
    assertEquals(0, t.rating());
    assertEquals(0L, t.unreadMessages());
    assertEquals("Quero falar com um atendente", t.customerInput().asMap().get("value"));
    assertEquals("c-42", t.campaignId());
    assertEquals("\"Redis\"", t.raw().member("distributionType").orElseThrow().json());
    assertEquals(json, t.raw().json());
  }

  /** desk.md "Transfer a ticket to another team": a new ticket with parentSequentialId. */
  @Test
  void ticketOfATransfer() {
    Ticket t = JsonDocument.parse("{\"id\":\"9565cc61-d0f4-4af0-9c34-016ed2130a11\",\"sequentialId\":142,"
        + "\"sequentialSuffix\":\"SFX\",\"ownerIdentity\":\"demobot4@msging.net\",\"customerIdentity\":"
        + "\"255d0787b7b2bc.demobot@0mn.io\",\"customerDomain\":\"0mn.io\",\"provider\":\"Lime\",\"status\":\"Waiting\","
        + "\"storageDate\":\"2019-12-04T18:01:33.459Z\",\"externalId\":\"9565cc61-d0f4-4af0-9c34-016ed2130a11\","
        + "\"rating\":0,\"team\":\"Default\",\"unreadMessages\":0,\"closed\":false,\"parentSequentialId\":140,"
        + "\"priority\":1}").decode(Ticket.class);
    assertEquals(140L, t.parentSequentialId());
    assertEquals(1, t.priority());
    assertEquals("0mn.io", t.customerIdentity().domain());
    assertTrue(t.customerInput().isNull(), "absent customerInput is the JSON null document");
  }

  /**
   * desk.md "Handling the end of an attendance": the redirect message a bot receives, its ticket id not a UUID.
   * Core's TicketEvent gives the whole ticket as the Desk record.
   */
  @Test
  void ticketInsideARedirectWebhook() {
    String body = "{\"id\":\"1\",\"to\":\"54f1dd2e-42d2-43f2-9100-68fbbabb9c83@tunnel.msging.net\","
        + "\"type\":\"application/vnd.lime.redirect+json\",\"content\":{\"context\":{\"type\":"
        + "\"application/vnd.iris.ticket+json\",\"value\":{\"id\":\"1654804277843415\",\"sequentialId\":0,"
        + "\"sequentialSuffix\":\"SFX\",\"ownerIdentity\":\"bot@msging.net\",\"customerIdentity\":"
        + "\"1654804277843415@messenger.gw.msging.net\",\"agentIdentity\":\"ravpacheco%40gmail.com@blip.ai\","
        + "\"status\":\"ClosedAttendant\",\"storageDate\":\"2018-03-20T20:41:54.330Z\",\"externalId\":"
        + "\"3cf18133-7b0f-47d2-8719-bbaec6ee14e4\",\"rating\":0,\"team\":\"Default\",\"unreadMessages\":0}}}}";
    WebhookEvent event = WebhookParser.defaults().parse(body.getBytes(StandardCharsets.UTF_8));
    TicketEvent ticketEvent = (TicketEvent) event;
    assertEquals("ClosedAttendant", ticketEvent.ticket().rawStatus());
    Ticket full = ticketEvent.ticket(Ticket.class);
    assertEquals("1654804277843415", full.id());
    assertEquals(TicketStatus.CLOSED_ATTENDANT, full.status());
    assertEquals("ravpacheco@gmail.com", full.agentIdentity().decodedName());
    assertEquals(Instant.parse("2018-03-20T20:41:54.330Z"), full.storageDate());
    // and the same ticket read straight from the message content, as any user can
    Ticket fromContent = ticketEvent.message().content().member("context").orElseThrow().member("value")
        .orElseThrow().decode(Ticket.class);
    assertEquals(full, fromContent);
  }

  /** desk.md "Get all active tickets" (ticketssummary), with a counter the docs omit and counts as strings. */
  @Test
  void ticketsSummary() {
    TicketsSummary s = JsonDocument.parse("{\"waiting\":5,\"open\":\"3\",\"closed\":2,\"closedAttendant\":2,"
        + "\"closedClient\":0,\"transferred\":0,\"missed\":0,\"closedClientInactivity\":7}").decode(TicketsSummary.class);
    assertEquals(5, s.waiting());
    assertEquals(3, s.open());
    assertEquals(2, s.closedAttendant());
    assertEquals("7", s.raw().member("closedClientInactivity").orElseThrow().json());
  }

  /** desk.md "Get open tickets metrics" and "Get waiting tickets metrics": TimeSpans, optional agent. */
  @Test
  void monitoringItems() {
    List<MonitoredTicket> open = items("{\"total\":2,\"itemType\":\"application/vnd.iris.desk.open-ticket-summary+json\","
        + "\"items\":[{\"id\":\"e05ffb6c-feed-444b-b90a-016ed21ea3d1\",\"sequentialId\":143,\"agentIdentity\":"
        + "\"john%40email.net@blip.ai\",\"customerIdentity\":\"593ffa2b-67c9-4cb0-9582-f49173b5ebfc.demobot@0mn.io\","
        + "\"team\":\"Default\",\"queueTime\":\"00:11:29\",\"firstResponseTime\":\"22:30:34\"},{\"id\":"
        + "\"13171be0-efe6-4db8-a5f2-016ed22a6338\",\"sequentialId\":144,\"agentIdentity\":\"john%40email.net@blip.ai\","
        + "\"customerIdentity\":\"4f139096-9190-48c6-bd8e-51478cf7640c.demobot@0mn.io\",\"team\":\"Default\","
        + "\"queueTime\":\"00:04:00\",\"firstResponseTime\":\"22:25:13\",\"attendanceTime\":\"1.02:03:04.5000000\"}]}",
        MonitoredTicket.class);
    assertEquals(Duration.ofMinutes(11).plusSeconds(29), open.get(0).queueTime());
    assertEquals(Duration.ofHours(22).plusMinutes(30).plusSeconds(34), open.get(0).firstResponseTime());
    assertEquals(Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500), open.get(1).attendanceTime());
    List<MonitoredTicket> waiting = items("{\"total\":1,\"items\":[{\"id\":\"6e2fe873-6c33-4ce9-96ec-016ed667da4d\","
        + "\"sequentialId\":145,\"customerIdentity\":\"069b8b93-6d39-40d0-a0b4-879ad508e9ef.demobot@0mn.io\","
        + "\"team\":\"Default\",\"queueTime\":\"02:48:24\"}]}", MonitoredTicket.class);
    assertNull(waiting.get(0).agentIdentity());
    assertEquals(Duration.ofHours(2).plusMinutes(48).plusSeconds(24), waiting.get(0).queueTime());
  }

  /** desk.md "Get agents metrics" and "Get teams metrics". */
  @Test
  void agentAndTeamFigures() {
    AgentMetrics a = items("{\"total\":2,\"items\":[{\"identity\":\"john%40email.net@blip.ai\",\"status\":\"Online\","
        + "\"openedTickets\":2,\"closedTickets\":0,\"averageAttendanceTime\":\"00:00:00\",\"averageResponseTime\":"
        + "\"00:00:00\"}]}", AgentMetrics.class).get(0);
    assertEquals(AgentStatus.ONLINE, a.status());
    assertEquals(2, a.openedTickets());
    assertEquals(Duration.ZERO, a.averageAttendanceTime());
    TeamMetrics t = items("{\"items\":[{\"name\":\"Default\",\"waitingTickets\":0,\"openedTickets\":2,"
        + "\"closedTickets\":1,\"averageAttendanceTime\":\"00:00:00\",\"averageResponseTime\":\"00:00:00\"}]}",
        TeamMetrics.class).get(0);
    assertEquals("Default", t.name());
    assertEquals(1, t.closedTickets());
  }

  /** desk.md "Get all bot's agents"; the attendant status as Blip's number (documents/attendant.md: 0..3). */
  @Test
  void attendants() {
    Agent a = items("{\"total\":1,\"itemType\":\"application/vnd.iris.desk.attendant+json\",\"items\":[{\"identity\":"
        + "\"rafaelpa%40take.net@blip.ai\",\"teams\":[\"Default\"],\"status\":\"Online\",\"lastServiceDate\":"
        + "\"2018-07-05T19:39:07.640Z\"}]}", Agent.class).get(0);
    assertEquals(List.of("Default"), a.teams());
    assertEquals(AgentStatus.ONLINE, a.status());
    assertEquals(Instant.parse("2018-07-05T19:39:07.640Z"), a.lastServiceDate());
    Agent numeric = JsonDocument.parse("{\"email\":\"ana@acme.com\",\"status\":3,\"agentSlots\":\"4\","
        + "\"isEnabled\":true}").decode(Agent.class);
    assertEquals(AgentStatus.INVISIBLE, numeric.status());
    assertEquals("3", numeric.rawStatus());
    assertEquals(Identity.parse("ana%40acme.com@blip.ai"), numeric.identity(), "made from the e-mail");
    assertEquals(4, numeric.agentSlots());
  }

  /** desk.md "Get all teams", "Create an attendance queue" (Priority with a capital P) and "Get a attendanceQueue". */
  @Test
  void teamsAndQueues() {
    List<Team> teams = items("{\"total\":2,\"itemType\":\"application/vnd.iris.desk.team+json\",\"items\":[{\"name\":"
        + "\"Default\",\"agentsOnline\":0},{\"name\":\"Belo Horizonte\",\"agentsOnline\":1}]}", Team.class);
    assertEquals(1, teams.get(1).agentsOnline());
    AttendanceQueue q = JsonDocument.parse("{\"id\":\"queuename\",\"ownerIdentity\":\"demobot@msging.net\",\"name\":"
        + "\"Queue name\",\"isActive\":true,\"storageDate\":\"2021-04-07T14:01:07.034Z\",\"Priority\":0,"
        + "\"maxWaitingTime\":\"00:10:00\"}").decode(AttendanceQueue.class);
    assertTrue(q.isActive());
    Map<String, Object> wire = q.withPriority(2).toWire(true);
    assertEquals(2, wire.get("Priority"));
    assertEquals(JsonDocument.text("00:10:00"), wire.get("maxWaitingTime"), "an update writes back what it did not model");
    assertFalse(wire.containsKey("storageDate"));
  }

  /** desk.md "Get all messages from a customer by a ticket" (transcript) and chat-history.md thread messages. */
  @Test
  void transcriptsAndThreadMessages() {
    List<TicketMessage> transcript = items("{\"total\":3,\"itemType\":\"application/vnd.iris.thread-message+json\","
        + "\"items\":[{\"id\":\"d7278f36a074e0\",\"direction\":\"sent\",\"type\":\"text/plain\",\"content\":"
        + "\"937dec5c1a27.demobot@0mn.io\",\"date\":\"2019-12-04T16:15:34.759Z\",\"status\":\"dispatched\"},"
        + "{\"id\":\"289ae91a-ff6e-47c1-be72-c41d6a46ff0f\",\"direction\":\"sent\",\"type\":"
        + "\"application/vnd.lime.redirect+json\",\"content\":{},\"date\":\"2019-12-04T16:15:33.746Z\",\"status\":"
        + "\"dispatched\"},{\"id\":\"fwd:fwd:b0534f19-d607-4ac9-b6bc-ac191f5aecf7\",\"direction\":\"sent\",\"type\":"
        + "\"text/plain\",\"content\":\"oi\",\"date\":\"2019-12-04T16:14:51.952Z\",\"status\":\"dispatched\"}]}",
        TicketMessage.class);
    assertEquals(3, transcript.size());
    assertEquals("oi", transcript.get(2).text());
    assertEquals("fwd:fwd:b0534f19-d607-4ac9-b6bc-ac191f5aecf7", transcript.get(2).id());
    assertTrue(transcript.get(1).content().isObject());
    DocumentCollection<TicketMessage> thread = JsonDocument.parse("{\"total\":3,\"itemType\":"
        + "\"application/vnd.iris.thread-message+json\",\"items\":[{\"id\":\"9b49a7d6-d025-4bb6-a370-1d48fb457deb\","
        + "\"direction\":\"received\",\"type\":\"text/plain\",\"content\":\"Good morning\",\"date\":"
        + "\"2016-12-06T12:32:35.398Z\",\"status\":\"accepted\",\"peerIdentity\":\"destination@0mn.io\","
        + "\"metadata\":{\"#wa.timestamp\":\"1480941155\",\"#tunnel.originalFrom\":null},\"reason\":{\"code\":0,"
        + "\"description\":\"\"}},{\"id\":\"x\",\"direction\":\"Forwarded\",\"content\":\"\"}]}")
        .asCollection(TicketMessage.class);
    TicketMessage m = thread.items().get(0);
    assertEquals(TicketMessage.Direction.RECEIVED, m.direction());
    assertEquals("destination@0mn.io", m.peerIdentity().value());
    assertTrue(m.metadata().containsKey("#tunnel.originalFrom"));
    assertNull(m.metadata().get("#tunnel.originalFrom"));
    assertEquals("", m.reason().description());
    TicketMessage odd = thread.items().get(1);
    assertEquals(TicketMessage.Direction.UNKNOWN, odd.direction());
    assertEquals("Forwarded", odd.rawDirection());
    assertEquals("", odd.text(), "an empty text stays empty");
  }

  /** contacts.md-shaped contact: "" stays "", unknown fields and JSON nulls are written back by replace. */
  @Test
  void contactWriteBackLosesNothing() {
    Contact c = JsonDocument.parse("{\"identity\":\"5531999998888@wa.gw.msging.net\",\"name\":\"\",\"email\":"
        + "\"j@x.com\",\"extras\":{\"plan\":\"Gold\"},\"isPending\":false,\"birthDate\":null,\"score\":"
        + "9007199254740993,\"lastMessageDate\":\"2021-09-01T13:38:00.000Z\"}").decode(Contact.class);
    assertEquals("", c.name(), "an empty name is not turned into null");
    Map<String, JsonDocument> written = JsonDocument.of(c.toBuilder().city("Recife").build().toWire()).fields();
    assertEquals("\"\"", written.get("name").json());
    assertEquals("null", written.get("birthDate").json());
    assertEquals("9007199254740993", written.get("score").json());
    assertEquals("false", written.get("isPending").json());
    assertEquals("\"Recife\"", written.get("city").json());
    assertFalse(written.containsKey("lastMessageDate"));
  }
}
