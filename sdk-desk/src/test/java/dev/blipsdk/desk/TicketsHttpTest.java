package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tickets against FakeBlip over HTTP. */
class TicketsHttpTest {
  private final DeskFixture f = new DeskFixture();
  private final Tickets tickets = f.desk.tickets();
  private final Identity customer = Identity.parse("5531999998888@wa.gw.msging.net");
  private final Identity ana = Agents.identityOf("ana@acme.com");

  @AfterEach
  void close() {
    f.close();
  }

  private ReceivedEnvelope lastCommand() {
    List<ReceivedEnvelope> all = f.fake.receivedEnvelopes();
    return all.get(all.size() - 1);
  }

  @Test
  void createAndGetBySingularUri() {
    Ticket t = tickets.create(customer);
    assertEquals(TicketStatus.WAITING, t.status());
    assertEquals(customer, t.customerIdentity());
    Ticket read = tickets.get(t.id());
    assertEquals("/ticket/" + t.id(), lastCommand().field("uri"));
    assertEquals("postmaster@desk.msging.net", lastCommand().field("to"));
    assertEquals(t.id(), read.id());
    assertEquals(t.sequentialId(), read.sequentialId());
    assertTrue(tickets.find("no-such-ticket").isEmpty());
    assertTrue(assertThrows(BlipCommandException.class, () -> tickets.get("no-such-ticket")).isNotFound());
  }

  @Test
  void createDirectlyForAnOnlineAgent() {
    f.fake.bot().addAgent(ana.value(), "Online", "Sales");
    Ticket t = tickets.createForAgent(customer, ana, Tickets.DIRECT_TRANSFER_TEAM);
    assertEquals(ana, t.agentIdentity());
    assertEquals("DIRECT_TRANSFER", t.team());
    assertEquals(TicketStatus.OPEN, t.status());
  }

  @Test
  void openTicketOfCustomerThenCloseAndFindItAmongClosed() {
    assertTrue(tickets.openTicketOf(customer).isEmpty());
    Ticket t = tickets.create(customer);
    tickets.create(Identity.parse("5531000000000@wa.gw.msging.net"));
    assertEquals(t.id(), tickets.openTicketOf(customer).orElseThrow().id());

    f.fake.bot().addAgent(ana.value(), "Online", "Default");
    tickets.assign(t.id(), ana);
    Ticket assigned = tickets.get(t.id());
    assertEquals(TicketStatus.OPEN, assigned.status());
    assertEquals(ana, assigned.agentIdentity());
    assertEquals(t.id(), tickets.openTicketOf(customer).orElseThrow().id(), "an Open ticket counts as open");

    tickets.closeAsAgent(t.id());
    assertEquals(TicketStatus.CLOSED_ATTENDANT, tickets.get(t.id()).status());
    assertTrue(tickets.openTicketOf(customer).isEmpty());
    List<Ticket> closed = tickets.closedTicketsOf(customer).stream().toList();
    assertEquals(List.of(t.id()), closed.stream().map(Ticket::id).toList());
    assertTrue(lastCommand().field("uri").contains("$closed=true"));
  }

  @Test
  void closeAsCustomerAndCloseWithTags() {
    Ticket a = tickets.create(customer);
    tickets.closeAsCustomer(a.id());
    assertEquals(TicketStatus.CLOSED_CLIENT, tickets.get(a.id()).status());

    Ticket b = tickets.create(customer);
    f.fake.bot().addAgent(ana.value(), "Online", "Default");
    tickets.assign(b.id(), ana);
    tickets.close(b.id(), ana, List.of("resolved", "billing"));
    Ticket closed = tickets.get(b.id());
    assertTrue(closed.closed());
    assertEquals(ana, closed.closedBy(), "closedBy is read as an identity");
    assertTrue(!closed.toString().contains("ana%40acme.com"), "toString masks identities: " + closed);
    assertEquals(List.of("resolved", "billing"), closed.tags());
    assertEquals("/tickets/" + b.id() + "/close", lastCommandBefore("get"));
    assertThrows(BlipValidationException.class, () -> tickets.close(b.id(), ana, List.of(" ")));
  }

  private String lastCommandBefore(String method) {
    List<ReceivedEnvelope> all = f.fake.receivedEnvelopes();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!method.equals(all.get(i).field("method"))) {
        return all.get(i).field("uri");
      }
    }
    return "";
  }

  @Test
  void transferMakesANewTicket() {
    f.fake.bot().addQueue("Sales");
    f.fake.bot().addAgent(ana.value(), "Online", "Sales");
    Ticket t = tickets.create(customer);
    TicketTransfer toQueue = tickets.transferToQueue(t.id(), "Sales");
    assertEquals(t.id(), toQueue.previousTicketId());
    assertNotEquals(t.id(), toQueue.newTicket().id());
    assertEquals("Sales", toQueue.newTicket().team());
    assertEquals(TicketStatus.TRANSFERRED, tickets.get(t.id()).status());

    TicketTransfer toAgent = tickets.transferToAgent(toQueue.newTicket().id(), ana);
    assertEquals(ana, toAgent.newTicket().agentIdentity());
    assertEquals("DIRECT_TRANSFER", toAgent.newTicket().team());
    assertEquals(tickets.openTicketOf(customer).orElseThrow().id(), toAgent.newTicket().id());
  }

  @Test
  void changeTagsAndReadMessages() {
    Ticket t = tickets.create(customer);
    tickets.changeTags(t.id(), List.of("vip"));
    assertEquals(List.of("vip"), tickets.get(t.id()).tags());
    f.clock.advance(Duration.ofSeconds(5));
    f.fake.simulateCustomerReply(customer.value(), "hello, I need help");
    List<TicketMessage> messages = tickets.messages(t.id());
    assertTrue(messages.stream().anyMatch(m -> "hello, I need help".equals(m.text())
        && m.direction() == TicketMessage.Direction.RECEIVED), messages.toString());
    assertTrue(lastCommand().field("uri").contains("getFromOwnerIfTunnel=true"));
  }

  @Test
  void listWithTypedFiltersAndPagesOfAtMostOneHundred() {
    f.fake.bot().addQueue("Sales");
    for (int i = 0; i < 150; i++) {
      f.fake.bot().openTicket(String.format("55319%08d@wa.gw.msging.net", i), i % 3 == 0 ? "Sales" : "Default");
    }
    f.clock.advance(Duration.ofHours(1));
    Instant later = f.clock.instant();
    Ticket newest = tickets.create(customer);

    int before = f.fake.httpRequestCount();
    assertEquals(151, tickets.list(TicketQuery.all()).stream().count());
    assertEquals(2, f.fake.httpRequestCount() - before, "two pages: 100 + 51");
    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
        () -> tickets.list(TicketQuery.all()).pageSize(500));
    assertTrue(tooBig.getMessage().contains("maximum of 100"), tooBig.getMessage());
    assertEquals(151, tickets.list(TicketQuery.all()).pageSize(60).stream().count());

    assertEquals(50, tickets.list(TicketQuery.builder().team("Sales").build()).stream().count());
    assertEquals(List.of(newest.id()), tickets.list(TicketQuery.builder().createdFrom(later).build()).stream()
        .map(Ticket::id).toList());
    assertEquals(List.of(newest.id()), tickets.list(TicketQuery.builder().customer(customer)
        .status(TicketStatus.WAITING).build()).stream().map(Ticket::id).toList());
    assertEquals(0, tickets.list(TicketQuery.builder().agent(ana).build()).stream().count());
  }

  @Test
  void closedForClientInactivityIsATypedClosedStatus() {
    Ticket t = tickets.create(customer);
    tickets.changeStatus(t.id(), TicketStatus.CLOSED_CLIENT_INACTIVITY, null);
    assertTrue(lastCommand().json().contains("\"status\":\"ClosedClientInactivity\""), lastCommand().json());
    Ticket read = tickets.get(t.id());
    assertEquals(TicketStatus.CLOSED_CLIENT_INACTIVITY, read.status());
    assertEquals("ClosedClientInactivity", read.rawStatus());
    assertTrue(read.status().isClosed());
    assertTrue(tickets.openTicketOf(customer).isEmpty());
    assertEquals(List.of(t.id()), tickets.list(TicketQuery.builder().customer(customer)
        .status(TicketStatus.CLOSED_CLIENT_INACTIVITY).closed().build()).stream().map(Ticket::id).toList());
    assertThrows(IllegalArgumentException.class, () -> TicketQuery.builder()
        .status(TicketStatus.CLOSED_CLIENT_INACTIVITY).build(), "closed statuses need $closed=true");
  }
}
