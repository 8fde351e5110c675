package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queues, agents, teams and monitoring against FakeBlip over HTTP. */
class QueuesAgentsMonitoringHttpTest {
  private final DeskFixture f = new DeskFixture();
  private final Identity ana = Agents.identityOf("jonh@email.com");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void queuesCrudWithCapitalPriority() {
    AttendanceQueues queues = f.desk.queues();
    AttendanceQueue sales = queues.create("Sales Team", 2);
    assertEquals("Sales Team", sales.name());
    assertEquals(2, sales.priority());
    ReceivedEnvelope sent = f.fake.receivedEnvelopes().get(f.fake.receivedEnvelopes().size() - 1);
    assertTrue(sent.json().contains("\"Priority\":2"), "Priority is sent with a capital P");
    assertEquals(sales.id(), queues.get(sales.id()).id());
    assertTrue(queues.list().stream().anyMatch(q -> q.id().equals(sales.id())));

    queues.update(sales.withPriority(0).withActive(false));
    AttendanceQueue updated = queues.get(sales.id());
    assertEquals(0, updated.priority());
    assertEquals(false, updated.isActive());

    queues.delete(sales.id());
    assertTrue(queues.find(sales.id()).isEmpty());
  }

  @Test
  void agentsAddListTeamsRemoveWithDoubleEncoding() {
    Agents agents = f.desk.agents();
    agents.add(ana, List.of("Sales"));
    agents.addToTeams(ana, List.of("Support"));
    Agent a = agents.find(ana).orElseThrow();
    assertEquals(List.of("Sales", "Support"), a.teams());
    assertEquals(AgentStatus.OFFLINE, a.status());

    for (int i = 0; i < 30; i++) {
      f.fake.bot().addAgent(Agents.identityOf("agent" + i + "@acme.com").value(), i % 2 == 0 ? "Online" : "Pause", "Sales");
    }
    assertEquals(31, agents.list().stream().count());
    assertEquals(Map.of("Sales", 15, "Support", 0), Map.of("Sales", agents.teams().stream()
        .filter(t -> t.name().equals("Sales")).findFirst().orElseThrow().agentsOnline(), "Support",
        agents.teams().stream().filter(t -> t.name().equals("Support")).findFirst().orElseThrow().agentsOnline()));
    assertEquals(List.of("Sales"), agents.teamsWithAgentsOnline().stream().map(Team::name).toList());

    agents.changeStatus(ana, AgentStatus.INVISIBLE, null);
    assertEquals(AgentStatus.INVISIBLE, agents.status(ana).orElseThrow());

    agents.remove(ana);
    ReceivedEnvelope del = f.fake.receivedEnvelopes().get(f.fake.receivedEnvelopes().size() - 1);
    assertEquals("/attendants/jonh%2540email.com@blip.ai", del.field("uri"));
    assertTrue(agents.find(ana).isEmpty());
  }

  @Test
  void monitoringFiguresOfTheDay() {
    Identity c1 = Identity.parse("5531000000001@wa.gw.msging.net");
    Identity c2 = Identity.parse("5531000000002@wa.gw.msging.net");
    Identity c3 = Identity.parse("5531000000003@wa.gw.msging.net");
    f.fake.bot().addQueue("Default");
    f.fake.bot().addAgent(ana.value(), "Online", "Default");
    Tickets tickets = f.desk.tickets();
    Ticket waiting = tickets.create(c1);
    Ticket open = tickets.create(c2);
    Ticket closed = tickets.create(c3);
    f.clock.advance(Duration.ofMinutes(10));
    tickets.assign(open.id(), ana);
    tickets.assign(closed.id(), ana);
    tickets.closeAsAgent(closed.id());
    Identity c4 = Identity.parse("5531000000004@wa.gw.msging.net");
    f.fake.bot().addQueue("Sales");
    Ticket moved = tickets.transferToQueue(tickets.create(c4).id(), "Sales").newTicket();

    TicketsSummary s = f.desk.monitoring().tickets();
    assertEquals(2, s.waiting(), "the first waiting ticket and the ticket the transfer made");
    assertEquals(1, s.open());
    assertEquals(1, s.closedAttendant());
    assertEquals(0, s.closedClient());
    assertEquals(1, s.closed(), "a transfer is not counted as closed");
    assertEquals(1, s.transferred());
    assertEquals(0, s.missed());
    tickets.closeAsCustomer(moved.id());

    List<MonitoredTicket> w = f.desk.monitoring().waitingTickets();
    assertEquals(List.of(waiting.id()), w.stream().map(MonitoredTicket::id).toList());
    assertEquals(Duration.ofMinutes(10), w.get(0).queueTime());
    List<MonitoredTicket> o = f.desk.monitoring().openTickets();
    assertEquals(List.of(open.id()), o.stream().map(MonitoredTicket::id).toList());
    assertEquals(ana, o.get(0).agentIdentity());

    AgentMetrics m = f.desk.monitoring().agents().get(0);
    assertEquals(ana, m.identity());
    assertEquals(1, m.openedTickets());
    assertEquals(1, m.closedTickets());
    assertEquals(Duration.ZERO, m.averageAttendanceTime());

    TeamMetrics team = f.desk.monitoring().teams().stream().filter(t -> t.name().equals("Default")).findFirst()
        .orElseThrow();
    assertEquals(1, team.waitingTickets());
    assertEquals(1, team.openedTickets());
  }
}
