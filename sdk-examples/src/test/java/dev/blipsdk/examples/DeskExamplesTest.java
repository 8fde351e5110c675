package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.blipsdk.desk.ActiveMessageOutcome;
import dev.blipsdk.desk.ActiveMessageState;
import dev.blipsdk.desk.Agent;
import dev.blipsdk.desk.AgentStatus;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.Contact;
import dev.blipsdk.desk.TicketStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeskExamplesTest extends OnTheDemoFake {

  @Test
  void contactsSearchCreatesMergesAndPagesThroughTheQuotedName() {
    int before = env.fake().orElseThrow().receivedEnvelopes().size();
    ContactsSearchExample.Outcome outcome = ContactsSearchExample.run(env);

    Contact created = outcome.created();
    assertEquals("O'Brien, Seán", created.name());
    assertEquals("Cork", created.city());
    assertEquals("sean@example.com", created.email());
    assertEquals("Gold", created.extras().get("plan"));
    assertEquals(ContactsSearchExample.SEEDED_NAMESAKES + 1, outcome.found().size());
    assertTrue(outcome.found().stream().allMatch(c -> c.name().startsWith("O'Brien")));
    assertEquals(ContactsSearchExample.SEEDED_NAMESAKES + 1,
        outcome.found().stream().map(c -> c.identity().value()).distinct().count());
    long searches = env.fake().orElseThrow().receivedEnvelopes().stream().skip(before)
        .filter(e -> e.json().contains("filter")).count();
    assertEquals(3, searches, "25 matches at 10 per page");
  }

  @Test
  void ticketLifecycleEndsWithTheTransferredTicketClosedAndTagged() {
    TicketLifecycleExample.Outcome outcome = TicketLifecycleExample.run(env);

    assertTrue(outcome.first().closed());
    assertEquals(ExampleEnvironment.DEMO_QUEUE_SUPPORT, outcome.transfer().newTicket().team());
    assertEquals(outcome.first().id(), outcome.transfer().previousTicketId());
    assertEquals(outcome.first().sequentialId(), outcome.transfer().newTicket().parentSequentialId());
    assertEquals(TicketStatus.CLOSED_ATTENDANT, outcome.closed().status());
    assertEquals(List.of("billing", "vip", "solved"), outcome.closed().tags());
    assertEquals(2, bot.tickets().size());
  }

  @Test
  void queuesAndAgentsCreatesUsesAndCleansUp() {
    QueuesAndAgentsExample.Outcome outcome = QueuesAndAgentsExample.run(env);

    assertEquals("Billing", outcome.created().name());
    assertEquals("Billing & Payments", outcome.updated().name());
    assertEquals(0, outcome.updated().priority());
    assertEquals(AgentStatus.ONLINE, outcome.statusAfterChange());
    Agent bia = outcome.agents().stream()
        .filter(a -> a.identity().equals(Agents.identityOf(QueuesAndAgentsExample.DEMO_NEW_AGENT_EMAIL)))
        .findFirst().orElseThrow();
    assertEquals(List.of("Sales", "Billing & Payments"), bia.teams());
    Map<String, Integer> online = outcome.teamsOnline().stream()
        .collect(Collectors.toMap(t -> t.name(), t -> t.agentsOnline()));
    assertEquals(2, online.get("Sales"));
    assertEquals(1, online.get("Billing & Payments"));
    assertEquals(ExampleEnvironment.DEMO_QUEUES,
        outcome.queuesAtEnd().stream().map(q -> q.name()).collect(Collectors.toList()));
    assertEquals(2, bot.agents().size());
  }

  @Test
  void deskActiveMessageIsAnsweredIntoATicketAndTheNextOneIsRefused() {
    DeskActiveMessageExample.Outcome outcome = DeskActiveMessageExample.run(env);

    assertInstanceOf(ActiveMessageOutcome.Sent.class, outcome.first());
    assertFalse(outcome.beforeReply().state().isAnswered());
    var after = outcome.afterReply().orElseThrow();
    assertEquals(ActiveMessageState.IN_PROGRESS, after.state());
    assertEquals("answered: ticket " + after.ticket().displayNumber() + ", in progress", after.describe());
    assertEquals(Agents.identityOf(ExampleEnvironment.DEMO_AGENT_EMAIL), after.ticket().agentIdentity());
    ActiveMessageOutcome.RefusedOpenTicket refused =
        assertInstanceOf(ActiveMessageOutcome.RefusedOpenTicket.class, outcome.second().orElseThrow());
    assertEquals(after.ticket().id(), refused.ticket().id());
    assertEquals(1, bot.sentMessages(ExampleEnvironment.DEMO_IDENTITY_BRUNO).size(), "the refused one is not sent");
  }

  @Test
  void monitoringShowsTheSeededDay() {
    MonitoringExample.Outcome outcome = MonitoringExample.run(env);

    assertEquals(3, outcome.summary().closed());
    assertEquals(3, outcome.summary().closedAttendant());
    assertEquals(1, outcome.summary().transferred());
    assertEquals(2, outcome.summary().waiting(), "the transferred ticket's successor and the untouched one");
    assertEquals(2, outcome.waiting().size());
    // agent and team figures agree with the summary: a transferred ticket is counted as transferred, not closed
    assertTrue(outcome.agents().stream().anyMatch(a -> a.identity()
        .equals(Agents.identityOf(ExampleEnvironment.DEMO_AGENT_EMAIL)) && a.closedTickets() == 3));
    assertTrue(outcome.teams().stream().anyMatch(t -> t.name().equals("Sales") && t.closedTickets() == 3
        && t.waitingTickets() == 1));
  }
}
