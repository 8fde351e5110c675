package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationStart;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The names the Desk module gives its calls: templates, never the identities or filters in the uris. */
class OperationNamesHttpTest {
  @Test
  void deskAndCrmCallsAreNamedWithTemplates() {
    List<OperationStart> starts = new CopyOnWriteArrayList<>();
    try (DeskFixture f = new DeskFixture();
        BlipClient observed = f.blip.newBuilder().operationListener(start -> {
          starts.add(start);
          return OperationObserver.NONE;
        }).build()) {
      DeskClient desk = DeskClient.of(observed);
      Identity customer = Identity.parse("5531977776666@wa.gw.msging.net");
      desk.contacts().replace(Contact.builder(customer).name("Ana Cliente").build());
      desk.contacts().get(customer);
      desk.contacts().search(ContactFilter.byName("Ana C")).iterator().next();
      desk.tickets().list(TicketQuery.builder().customer(customer).build()).iterator().hasNext();
      assertThrows(BlipCommandException.class, () -> desk.queues().get("no-such-queue"));
      desk.monitoring().tickets();
    }
    assertEquals(List.of("crm.contacts.set /contacts", "crm.contacts.get /contacts/{identity}",
        "crm.contacts.list /contacts", "desk.tickets.list /tickets", "desk.queues.get /attendance-queues/{id}",
        "desk.monitoring.tickets /monitoring/tickets"),
        starts.stream().map(s -> s.operation().toString()).toList());
    for (OperationStart s : starts) {
      assertFalse(s.toString().contains("5531") || s.toString().contains("Ana"), s.toString());
    }
  }
}
