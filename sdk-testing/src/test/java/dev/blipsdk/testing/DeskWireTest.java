package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §5 Desk (tickets, queues, attendants, teams, monitoring), over raw HTTP. */
@ExtendWith(FakeBlipExtension.class)
class DeskWireTest {
  static final String DESK = "postmaster@desk.msging.net";
  static final String TICKET = "application/vnd.iris.ticket+json";
  static final String ANA = "ana%40acme.com@blip.ai";
  static final String C1 = "5531999998888@wa.gw.msging.net";
  static final String C2 = "5511988887777@wa.gw.msging.net";

  static Map<String, Object> create(Wire w, Map<String, ?> resource) throws Exception {
    Map<String, Object> r = w.command(DESK, "set", "/tickets", TICKET, resource);
    assertEquals("success", r.get("status"), String.valueOf(r));
    assertEquals(TICKET, r.get("type"));
    return map(r.get("resource"));
  }

  static List<Object> ticketIds(Wire w, String uri) throws Exception {
    Map<String, Object> r = w.command(DESK, "get", uri);
    assertEquals("success", r.get("status"), uri + " -> " + r);
    assertEquals(TICKET, map(r.get("resource")).get("itemType"));
    return list(map(r.get("resource")).get("items")).stream().map(t -> map(t).get("id")).toList();
  }

  @Test
  void createGetAndListTickets(FakeBlip blip) throws Exception {
    blip.bot().addAgent(ANA, "Online", "Sales");
    Wire w = new Wire(blip);
    Map<String, Object> t1 = create(w, Map.of("customerIdentity", C1));
    assertEquals("Waiting", t1.get("status"));
    assertEquals("Default", t1.get("team"));
    assertEquals("fakebot@msging.net", t1.get("ownerIdentity"));
    assertEquals("wa.gw.msging.net", t1.get("customerDomain"));
    assertEquals(false, t1.get("closed"));
    assertEquals(1.0, t1.get("sequentialId"));
    Map<String, Object> t2 = create(w, Map.of("customerIdentity", C2, "agentIdentity", ANA, "team", "Sales"));
    assertEquals("Open", t2.get("status"), "an online agent takes it at once");
    assertEquals(2.0, t2.get("sequentialId"));
    Map<String, Object> got = w.command(DESK, "get", "/ticket/" + t1.get("id"));
    assertEquals(TICKET, got.get("type"));
    assertEquals(t1, got.get("resource"));
    Map<String, Object> plural = w.command(DESK, "get", "/tickets/" + t1.get("id"));
    assertEquals(Map.of("code", 62.0, "description", "The resource is not supported"), plural.get("reason"));
    assertEquals(67.0, map(w.command(DESK, "get", "/ticket/nope").get("reason")).get("code"));
    assertEquals(List.of(t1.get("id"), t2.get("id")), ticketIds(w, "/tickets"));
    assertEquals(List.of(t2.get("id")), ticketIds(w, "/tickets?$filter=agentIdentity%20eq%20'" + ANA.replace("%", "%25")
        + "'"));
    assertEquals(List.of(t1.get("id")), ticketIds(w, "/tickets?$filter=customerIdentity%20eq%20'" + C1
        + "'%20and%20status%20eq%20'waiting'"));
    assertEquals(List.of(t1.get("id"), t2.get("id")), ticketIds(w, "/tickets?$filter=status%20eq%20'Open'%20or%20"
        + "status%20eq%20'Waiting'%20or%20status%20eq%20'Assigned'"));
    assertEquals(List.of(t2.get("id")), ticketIds(w, "/tickets?$filter=team%20eq%20'Sales'"));
    assertEquals(List.of(t2.get("id")), ticketIds(w, "/tickets?$skip=1&$take=1"));
    Map<String, Object> tooMany = w.command(DESK, "get", "/tickets?$take=101");
    assertEquals("failure", tooMany.get("status"));
    assertEquals(Map.of("description", "The take parameter can not be greater than 100"), tooMany.get("reason"),
        "the documented failure has no code");
    assertEquals("failure", w.command(DESK, "get", "/tickets?$filter=status%20eq%20'closed'").get("status"),
        "closed tickets are not found through status eq 'closed'");
    assertEquals(64.0, map(w.command(DESK, "set", "/tickets", TICKET, Map.of("team", "x")).get("reason")).get("code"));
    // create for the current conversation: /tickets/{urlencoded customer} with the context as text
    Map<String, Object> conv = w.command(DESK, "set", "/tickets/5521977776666%40wa.gw.msging.net", "text/plain",
        "I need a human!");
    Map<String, Object> ct = map(conv.get("resource"));
    assertEquals("5521977776666@wa.gw.msging.net", ct.get("customerIdentity"));
    assertEquals(Map.of("type", "text/plain", "value", "I need a human!"), ct.get("customerInput"));
  }

  @Test
  void changeStatusCloseTransferTagsAndMessages(FakeBlip blip) throws Exception {
    blip.bot().addAgent(ANA, "Online", "Sales");
    Wire w = new Wire(blip);
    blip.simulateCustomerReply(C1, "before the ticket");
    blip.clock().advance(java.time.Duration.ofSeconds(1));
    Map<String, Object> t = create(w, Map.of("customerIdentity", C1));
    String id = (String) t.get("id");
    blip.clock().advance(java.time.Duration.ofSeconds(1));
    blip.simulateCustomerReply(C1, "hello desk");
    Map<String, Object> assign = w.command(DESK, "set", "/tickets/change-status", TICKET,
        Map.of("id", id, "status", "Open", "agentIdentity", ANA));
    assertEquals("success", assign.get("status"));
    assertNull(assign.get("resource"));
    Map<String, Object> open = map(w.command(DESK, "get", "/ticket/" + id).get("resource"));
    assertEquals("Open", open.get("status"));
    assertEquals(ANA, open.get("agentIdentity"));
    assertEquals(blip.clock().instant(), java.time.Instant.parse((String) open.get("openDate")));
    assertEquals(64.0, map(w.command(DESK, "set", "/tickets/change-status", TICKET,
        Map.of("id", id, "status", "Open")).get("reason")).get("code"), "status unchanged");
    assertEquals(64.0, map(w.command(DESK, "set", "/tickets/change-status", TICKET,
        Map.of("id", id, "status", "Sleeping")).get("reason")).get("code"));
    assertEquals(67.0, map(w.command(DESK, "set", "/tickets/change-status", TICKET,
        Map.of("id", "nope", "status", "Open")).get("reason")).get("code"));
    // tags
    assertEquals("success", w.command(DESK, "set", "/tickets/" + id + "/change-tags", TICKET,
        Map.of("id", id, "tags", List.of("vip", "billing"))).get("status"));
    assertEquals(List.of("vip", "billing"), blip.bot().tickets().get(0).get("tags"));
    // messages of the ticket: only since it opened, newest first
    Map<String, Object> msgs = map(w.command(DESK, "get", "/tickets/" + id + "/messages?$take=100"
        + "&getFromOwnerIfTunnel=true").get("resource"));
    assertEquals("application/vnd.iris.thread-message+json", msgs.get("itemType"));
    assertEquals(List.of("hello desk"), list(msgs.get("items")).stream().map(m -> map(m).get("content")).toList());
    // transfer: a NEW ticket, parentSequentialId set, the old one Transferred
    Map<String, Object> moved = w.command(DESK, "set", "/tickets/" + id + "/transfer", TICKET, Map.of("team", "Sales"));
    Map<String, Object> n = map(moved.get("resource"));
    assertEquals(TICKET, moved.get("type"));
    assertNotEquals(id, n.get("id"));
    assertEquals(t.get("sequentialId"), n.get("parentSequentialId"));
    assertEquals("Sales", n.get("team"));
    assertEquals("Waiting", n.get("status"));
    assertEquals("Transferred", map(w.command(DESK, "get", "/ticket/" + id).get("resource")).get("status"));
    assertEquals(24.0, map(w.command(DESK, "set", "/tickets/" + id + "/transfer", TICKET, Map.of("team", "x"))
        .get("reason")).get("code"), "a closed ticket cannot move");
    Map<String, Object> direct = map(w.command(DESK, "set", "/tickets/" + n.get("id") + "/transfer", TICKET,
        Map.of("agentIdentity", ANA)).get("resource"));
    assertEquals("DIRECT_TRANSFER", direct.get("team"));
    assertEquals("Open", direct.get("status"));
    assertEquals(ANA, direct.get("agentIdentity"));
    // close as agent, then finalize with closedBy and tags
    w.command(DESK, "set", "/tickets/change-status", TICKET, Map.of("id", direct.get("id"), "status", "ClosedAttendant"));
    Map<String, Object> closed = map(w.command(DESK, "get", "/ticket/" + direct.get("id")).get("resource"));
    assertEquals(true, closed.get("closed"));
    assertEquals(ANA, closed.get("closedBy"));
    assertEquals("success", w.command(DESK, "set", "/tickets/" + direct.get("id") + "/close", TICKET,
        Map.of("closedBy", "rui%40acme.com@blip.ai", "tags", List.of("done"))).get("status"));
    Map<String, Object> archived = map(w.command(DESK, "get", "/ticket/" + direct.get("id")).get("resource"));
    assertEquals("rui%40acme.com@blip.ai", archived.get("closedBy"));
    assertEquals(List.of("done"), archived.get("tags"));
    // $closed=true lists the closed ones, the default lists the open ones
    assertEquals(List.of(id, n.get("id"), direct.get("id")), ticketIds(w, "/tickets?$closed=true"));
    assertEquals(List.of(), ticketIds(w, "/tickets"));
    assertEquals(List.of(id, n.get("id")), ticketIds(w, "/tickets?$filter=(CustomerIdentity%20eq%20'" + C1
        + "')%20and%20status%20eq%20'Transferred'&$closed=true&$skip=0&$take=100"));
    // close a waiting ticket directly
    Map<String, Object> other = create(w, Map.of("customerIdentity", C2));
    w.command(DESK, "set", "/tickets/" + other.get("id") + "/close", TICKET, Map.of());
    assertEquals("ClosedAttendant", map(w.command(DESK, "get", "/ticket/" + other.get("id")).get("resource"))
        .get("status"));
  }

  @Test
  void queuesWithCapitalPriority(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String type = "application/vnd.iris.desk.attendancequeue+json";
    Map<String, Object> r = w.command(DESK, "set", "/attendance-queues", type,
        Map.of("ownerIdentity", "fakebot@msging.net", "name", "Suporte Técnico", "isActive", true, "Priority", 2));
    assertEquals(type, r.get("type"));
    Map<String, Object> q = map(r.get("resource"));
    assertEquals("suportetecnico", q.get("id"));
    assertEquals(2.0, q.get("Priority"));
    assertFalse(q.containsKey("priority"), "Priority is written with a capital P");
    assertEquals(true, q.get("isActive"));
    assertTrue(q.containsKey("storageDate"));
    Map<String, Object> one = w.command(DESK, "get", "/attendance-queues/suportetecnico");
    assertEquals(q, one.get("resource"));
    Map<String, Object> all = map(w.command(DESK, "get", "/attendance-queues").get("resource"));
    assertEquals(type, all.get("itemType"));
    assertEquals(1, list(all.get("items")).size());
    w.command(DESK, "set", "/attendance-queues", type, Map.of("id", "suportetecnico", "name", "Suporte Técnico",
        "isActive", false, "Priority", "5"));
    assertEquals(5L, blip.bot().queues().get(0).get("Priority"));
    assertEquals(false, blip.bot().queues().get(0).get("isActive"));
    assertEquals(64.0, map(w.command(DESK, "set", "/attendance-queues", type, Map.of("name", "x", "Priority", "high"))
        .get("reason")).get("code"));
    assertEquals("success", w.command(DESK, "delete", "/attendance-queues/suportetecnico").get("status"));
    assertTrue(blip.bot().queues().isEmpty());
    assertEquals(67.0, map(w.command(DESK, "get", "/attendance-queues/suportetecnico").get("reason")).get("code"));
  }

  @Test
  void attendantsAndTeams(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String type = "application/vnd.iris.desk.attendant+json";
    w.command(DESK, "set", "/attendants", type, Map.of("identity", "jonh%40email.com@blip.ai", "teams",
        List.of("Sales")));
    w.command(DESK, "set", "/attendants", "application/vnd.lime.collection+json", Map.of("itemType", type,
        "items", List.of(Map.of("identity", ANA, "teams", List.of("Sales", "Support")),
            Map.of("identity", "rui%40acme.com@blip.ai", "teams", List.of("Support")))));
    Map<String, Object> listed = map(w.command(DESK, "get", "/attendants?$skip=0&$take=2&$ascending=true")
        .get("resource"));
    assertEquals(type, listed.get("itemType"));
    assertEquals(3.0, listed.get("total"));
    Map<String, Object> jonh = map(list(listed.get("items")).get(0));
    assertEquals("jonh%40email.com@blip.ai", jonh.get("identity"));
    assertEquals("jonh@email.com", jonh.get("email"));
    assertEquals("Offline", jonh.get("status"));
    assertEquals(List.of("Sales"), jonh.get("teams"));
    blip.bot().setAgentStatus(ANA, "Online");
    Map<String, Object> teams = map(w.command(DESK, "get", "/teams").get("resource"));
    assertEquals("application/vnd.iris.desk.team+json", teams.get("itemType"));
    assertEquals(List.of(Map.of("name", "Sales", "agentsOnline", 1.0), Map.of("name", "Support", "agentsOnline", 1.0)),
        list(teams.get("items")));
    blip.bot().setAgentStatus(ANA, "Pause");
    assertEquals(List.of(), list(map(w.command(DESK, "get", "/teams/agents-online").get("resource")).get("items")));
    // delete takes the identity double-encoded
    assertEquals(67.0, map(w.command(DESK, "delete", "/attendants/jonh%40email.com@blip.ai").get("reason"))
        .get("code"), "single-encoded names another identity");
    assertEquals("success", w.command(DESK, "delete", "/attendants/jonh%2540email.com@blip.ai").get("status"));
    assertEquals(2, blip.bot().agents().size());
    assertEquals(64.0, map(w.command(DESK, "set", "/attendants", type, Map.of("teams", List.of())).get("reason"))
        .get("code"));
  }

  @Test
  void monitoring(FakeBlip blip) throws Exception {
    FakeBot bot = blip.bot();
    bot.addAgent(ANA, "Online", "Sales");
    bot.addQueue("Sales");
    Wire w = new Wire(blip);
    create(w, Map.of("customerIdentity", C1, "team", "Sales"));
    Map<String, Object> open = create(w, Map.of("customerIdentity", C2, "team", "Sales", "agentIdentity", ANA));
    Map<String, Object> closing = create(w, Map.of("customerIdentity", "5521977776666@wa.gw.msging.net",
        "agentIdentity", ANA, "team", "Sales"));
    w.command(DESK, "set", "/tickets/change-status", TICKET, Map.of("id", closing.get("id"), "status", "ClosedAttendant"));
    blip.clock().advance(java.time.Duration.ofMinutes(5));
    Map<String, Object> summary = w.command(DESK, "get", "/monitoring/tickets?version=2");
    assertEquals("application/vnd.iris.desk.ticketssummary+json", summary.get("type"));
    assertEquals(Map.of("waiting", 1.0, "open", 1.0, "closed", 1.0, "closedAttendant", 1.0, "closedClient", 0.0,
        "transferred", 0.0, "missed", 0.0), summary.get("resource"));
    Map<String, Object> agent = map(list(map(w.command(DESK, "get", "/monitoring/attendants?version=2")
        .get("resource")).get("items")).get(0));
    assertEquals(ANA, agent.get("identity"));
    assertEquals(1.0, agent.get("openedTickets"));
    assertEquals(1.0, agent.get("closedTickets"));
    Map<String, Object> waiting = map(list(map(w.command(DESK, "get", "/monitoring/waiting-tickets?version=2")
        .get("resource")).get("items")).get(0));
    assertEquals(C1, waiting.get("customerIdentity"));
    assertEquals("00:05:00", waiting.get("queueTime"));
    Map<String, Object> openItem = map(list(map(w.command(DESK, "get", "/monitoring/open-tickets?version=2")
        .get("resource")).get("items")).get(0));
    assertEquals(open.get("id"), openItem.get("id"));
    assertEquals(ANA, openItem.get("agentIdentity"));
    Map<String, Object> team = map(list(map(w.command(DESK, "get", "/monitoring/teams?version=2")
        .get("resource")).get("items")).get(0));
    assertEquals("Sales", team.get("name"));
    assertEquals(1.0, team.get("waitingTickets"));
    // yesterday's closings do not count today
    blip.clock().advance(java.time.Duration.ofDays(1));
    assertEquals(0.0, map(w.command(DESK, "get", "/monitoring/tickets?version=2").get("resource")).get("closed"));
    assertEquals(62.0, map(w.command(DESK, "get", "/monitoring/nothing?version=2").get("reason")).get("code"));
  }
}
