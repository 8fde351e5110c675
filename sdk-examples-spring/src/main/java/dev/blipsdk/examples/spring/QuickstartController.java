package dev.blipsdk.examples.spring;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.ActiveMessageOutcome;
import dev.blipsdk.desk.ActiveMessageRequest;
import dev.blipsdk.desk.ActiveMessageStatus;
import dev.blipsdk.desk.Agents;
import dev.blipsdk.desk.Contact;
import dev.blipsdk.desk.ContactFilter;
import dev.blipsdk.desk.DeskClient;
import dev.blipsdk.desk.TicketsSummary;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Resolution;
import dev.blipsdk.whatsapp.SendOptions;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steps of the quickstart as HTTP endpoints: resolve a number, list templates, notify a customer about an order
 * with a template (image header, two variables), follow its status (fed by the webhook endpoint), find a contact,
 * send an active message from Desk as an agent and follow it, and read the day's ticket figures. Values of the SDK
 * ({@link SendReceipt}, {@link StatusReport}, {@link Contact}...) are returned as they are: the starter's Jackson module
 * writes identities and phone numbers as text.
 */
@RestController
class QuickstartController {
  static final String ORDER_TEMPLATE = "order_update";
  static final String WELCOME_TEMPLATE = "welcome";
  static final String LANGUAGE = "pt_BR";
  static final String ORDER_IMAGE = "https://cdn.example.com/orders/box.png";

  private final WhatsAppClient whatsApp;
  private final DeskClient desk;
  private final StatusTracker tracker;
  /** Desk active messages sent by this instance, by message id (a real service would keep them in its database). */
  private final Map<String, dev.blipsdk.desk.ActiveMessageSend> deskSends = new ConcurrentHashMap<>();

  QuickstartController(WhatsAppClient whatsApp, DeskClient desk, StatusTracker tracker) {
    this.whatsApp = whatsApp;
    this.desk = desk;
    this.tracker = tracker;
  }

  /** Order notification request: the number as the customer typed it (Brazilian if national) and their name. */
  record OrderNotification(String phone, String customerName) {}

  /** Desk active message request: the agent's e-mail, the customer's identity, their name. */
  record DeskMessage(String agentEmail, Identity customer, String customerName) {}

  @GetMapping("/customers/{phone}")
  Resolution resolve(@PathVariable String phone) {
    return whatsApp.resolve(PhoneNumber.parse(phone, "55"));
  }

  @GetMapping("/templates")
  List<Template> templates() {
    return whatsApp.templates().list();
  }

  @PostMapping("/orders/{orderId}/notify")
  ResponseEntity<?> notifyOrder(@PathVariable String orderId, @RequestBody OrderNotification request) {
    Resolution resolution = whatsApp.resolve(PhoneNumber.parse(request.phone(), "55"));
    if (!(resolution instanceof Resolution.Found found)) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(resolution);
    }
    Template definition = whatsApp.templates().find(ORDER_TEMPLATE, LANGUAGE).orElseThrow(
        () -> new IllegalStateException("the template " + ORDER_TEMPLATE + " is not in the catalog"));
    TemplateMessage message = TemplateMessage.of(ORDER_TEMPLATE, LANGUAGE).headerImage(ORDER_IMAGE)
        .body(request.customerName(), "#" + orderId);
    SendReceipt receipt = whatsApp.send(dev.blipsdk.whatsapp.Recipient.of(found.account()), message,
        SendOptions.builder().template(definition).build());
    tracker.track(receipt);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
  }

  @GetMapping("/messages/{messageId}")
  ResponseEntity<StatusReport> status(@PathVariable String messageId) {
    return ResponseEntity.of(tracker.status(messageId));
  }

  @GetMapping("/contacts")
  List<Contact> contacts(@RequestParam String name) {
    return desk.contacts().search(ContactFilter.byName(name)).stream().toList();
  }

  @PostMapping("/desk/active-messages")
  ResponseEntity<?> deskMessage(@RequestBody DeskMessage request) {
    ActiveMessageOutcome outcome = desk.activeMessages().send(ActiveMessageRequest.builder()
        .agent(Agents.identityOf(request.agentEmail()))
        .template(TemplateMessage.of(WELCOME_TEMPLATE, LANGUAGE).body(request.customerName()))
        .to(request.customer())
        .build());
    if (outcome instanceof ActiveMessageOutcome.Sent sent) {
      deskSends.put(sent.send().messageId(), sent.send());
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(sent.send());
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(outcome);
  }

  @GetMapping("/desk/active-messages/{messageId}")
  ResponseEntity<ActiveMessageStatus> deskMessageStatus(@PathVariable String messageId) {
    dev.blipsdk.desk.ActiveMessageSend send = deskSends.get(messageId);
    return send == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(desk.activeMessages().status(send));
  }

  @GetMapping("/monitoring/tickets")
  TicketsSummary monitoring() {
    return desk.monitoring().tickets();
  }
}
