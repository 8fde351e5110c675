package dev.blipsdk.whatsapp;

import static dev.blipsdk.whatsapp.FakeBlipSupport.commands;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Campaigns} against FakeBlip over loopback HTTP, in virtual time. */
class CampaignsIntegrationTest {
  static final String IMG = "https://cdn.example.com/clinic.png";
  static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

  FakeBlip fake;
  VirtualTime time;
  WhatsAppClient whatsApp;
  Campaigns campaigns;

  @BeforeEach
  void start() {
    fake = FakeBlip.start();
    time = new VirtualTime(fake.clock());
    whatsApp = FakeBlipSupport.whatsApp(fake, time, b -> b);
    campaigns = whatsApp.campaigns();
    fake.seedTemplate(FakeTemplate.of("reminder", "pt_BR", "Olá {{1}}, sua consulta é às {{2}}."));
    fake.seedTemplate(FakeTemplate.builder("clinic", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE)
        .body("Olá {{1}}, sua consulta é às {{2}}.").build());
  }

  @AfterEach
  void stop() {
    whatsApp.blip().close();
    fake.close();
  }

  static TemplateMessage reminder() {
    return TemplateMessage.of("reminder", "pt_BR");
  }

  static Map<String, Object> resourceOf(ReceivedEnvelope e) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) e.tree().get("resource");
    return r;
  }

  @Test
  void individualWithMediaHeaderShiftsEveryBodyVariableByOne() {
    Campaign c = campaigns.send(CampaignRequest.of("one", TemplateMessage.of("clinic", "pt_BR").headerImage(IMG))
        .routing(ReplyRouting.toBlock("flow-1", "block-1").viaRouter("router@msging.net")),
        CampaignRecipient.of("+55 31 99999-8888", "Ana", "08:30"));

    assertEquals(CampaignType.INDIVIDUAL, c.type());
    assertEquals(CampaignStatus.PROCESSING, c.status());
    assertEquals("one", c.name());
    assertEquals("router@msging.net", c.masterState());
    assertEquals(c.id(), c.raw().asMap().get("id"));
    Map<String, Object> sent = resourceOf(commands(fake, "/campaign/full").get(0));
    assertEquals(Map.of("recipient", "+5531999998888", "messageParams", Map.of("1", IMG, "2", "Ana", "3", "08:30")),
        sent.get("audience"));
    assertEquals(List.of("1", "2", "3"), ((Map<?, ?>) sent.get("message")).get("messageParams"));
    assertEquals("Individual", ((Map<?, ?>) sent.get("campaign")).get("campaignType"));
    assertEquals("block-1", ((Map<?, ?>) sent.get("campaign")).get("stateId"));
    // the fake checked the parameters against the template as Blip would, and the message went out
    assertEquals(RecipientStatus.READ, campaigns.recipients(c.id()).findFirst().orElseThrow().status());
  }

  @Test
  void campaignValidationFailuresSendNothing() {
    ZonedDateTime past = ZonedDateTime.ofInstant(fake.clock().instant().minusSeconds(1), SAO_PAULO);
    Stream<CampaignRecipient> one = Stream.of(CampaignRecipient.of("+5531999998888", "Ana", "08:30"));
    assertEquals("unknown-template", assertThrows(BlipValidationException.class, () -> campaigns.launch(
        CampaignRequest.of("x", TemplateMessage.of("nope", "pt_BR")), one)).rule());
    assertEquals("in-the-past", assertThrows(BlipValidationException.class, () -> campaigns.launch(
        CampaignRequest.of("x", reminder()).scheduledAt(past), Stream.empty())).rule());
    assertEquals("campaign-unsupported", assertThrows(BlipValidationException.class, () -> campaigns.launch(
        CampaignRequest.of("x", reminder().quickReply(0, "yes")), Stream.empty())).rule());
    assertEquals("header-kind", assertThrows(BlipValidationException.class, () -> campaigns.send(
        CampaignRequest.of("x", TemplateMessage.of("clinic", "pt_BR").headerVideo("https://cdn.example.com/a.mp4")),
        CampaignRecipient.of("+5531999998888", "Ana", "08:30"))).rule());
    BlipValidationException count = assertThrows(BlipValidationException.class, () -> campaigns.send(
        CampaignRequest.of("x", reminder()), CampaignRecipient.of("+5531999998888", "Ana")));
    assertEquals("variable-count", count.rule());
    assertEquals("recipient.body", count.field());
    assertEquals("individual", assertThrows(BlipValidationException.class, () -> campaigns.send(
        CampaignRequest.of("x", reminder()).pace(CampaignPace.of(10, Duration.ofMinutes(5))),
        CampaignRecipient.of("+5531999998888", "Ana", "1"))).rule());
    CampaignAudienceException none = assertThrows(CampaignAudienceException.class, () -> campaigns.launch(
        CampaignRequest.of("x", reminder()), Stream.of(CampaignRecipient.of("12", "Ana", "08:30"))));
    assertEquals(1, none.rejected());
    assertTrue(fake.receivedEnvelopes().stream().noneMatch(e -> "postmaster@activecampaign.msging.net"
        .equals(e.field("to"))), "nothing reached the campaign engine");
  }

  @Test
  void badRecipientsAreReportedWithPositionAndRuleAndTheRestGoOn() {
    fake.bot().markNotOnWhatsApp("+5531900000009");
    List<CampaignRecipient> audience = List.of(
        CampaignRecipient.of("+5531900000000", "Ana", "08:00"),
        CampaignRecipient.of("+5531900000001", "Bia", "08:10"),
        CampaignRecipient.of("31 9000-0002", "Caio", "08:20"),             // no country code
        CampaignRecipient.of("+5531900000003", "Duda", "08:30"),
        CampaignRecipient.of("+5531900000004", "Edu"),                     // one variable short
        CampaignRecipient.of("+5531900000005", "Fê", null),                // an empty variable
        CampaignRecipient.of("+55 31 90000-0001", "Bia", "08:10"),         // position 1 again
        CampaignRecipient.of("+5531900000007", "Gil\nSilva", "08:40"),     // a line break
        CampaignRecipient.of("+5531900000008", "Hugo", "08:50"),
        CampaignRecipient.of("+5531900000009", "Ivo", "09:00"));           // not on WhatsApp: Blip fails it
    List<RecipientRejection> seen = new ArrayList<>();
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("mixed", reminder()).batchSize(2),
        audience.iterator(), seen::add);

    assertEquals(List.of("2:recipient:no-country-code", "4:body:variable-count", "5:body.{{2}}:empty",
        "6:recipient:duplicate-recipient", "7:body.{{1}}:whitespace"),
        seen.stream().map(r -> r.position() + ":" + r.field() + ":" + r.rule()).toList());
    assertEquals(seen, launch.rejections());
    assertEquals(5, launch.accepted());
    assertEquals(5, launch.rejected());
    assertFalse(seen.get(0).toString().contains("90000"), "rejections mask the number");
    CampaignCounts counts = campaigns.counts(launch);
    assertEquals(4, counts.of(RecipientStatus.READ));
    assertEquals(1, counts.failed());
    assertEquals(Map.of("(#131026) Message undeliverable", 1L), counts.failureReasons());
    CampaignRecipientResult ivo = campaigns.recipients(launch.campaigns().get(0).id())
        .filter(r -> r.recipient().endsWith("09")).findFirst().orElseThrow();
    assertEquals(Boolean.FALSE, ivo.validAccount());
    assertEquals(RecipientStatus.FAILED, ivo.status());
    assertEquals(81, ivo.failure().code());
    assertEquals(3, commands(fake, "/audiences/v2/").size(), "5 recipients in batches of 2");
  }

  @Test
  void aDuplicateNameIsRefusedAndLeavesNothing() {
    campaigns.launch(CampaignRequest.of("weekly", reminder()), Stream.of(CampaignRecipient.of("+5531900000001", "A",
        "1")));
    CampaignRejectedException e = assertThrows(CampaignRejectedException.class, () -> campaigns.launch(
        CampaignRequest.of("weekly", reminder()), Stream.of(CampaignRecipient.of("+5531900000002", "B", "2"))));
    assertEquals("duplicate-name", e.rule());
    assertEquals(1, fake.bot().campaigns().size());
    assertTrue(commands(fake, "/audiences/v2/").size() == 1 && commands(fake, "/dispatch/v2").size() == 1);
  }

  @Test
  void aLostUploadAnswerIsRetriedWithoutDuplicatingAnyone() {
    fake.inject(Fault.dropAfterRead().onCommandUri("/audiences/v2").once());
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("retry", reminder()).batchSize(3),
        Stream.of("+5531900000001", "+5531900000002", "+5531900000003", "+5531900000004")
            .map(p -> CampaignRecipient.of(p, "A", "1")));
    assertEquals(3, commands(fake, "/audiences/v2/").size(), "2 batches, the first sent twice");
    List<String> recipients = campaigns.recipients(launch.campaigns().get(0).id())
        .map(CampaignRecipientResult::recipient).toList();
    assertEquals(List.of("+5531900000001", "+5531900000002", "+5531900000003", "+5531900000004"), recipients);
  }

  @Test
  void anUploadThatKeepsFailingCancelsTheCampaignAndDispatchesNothing() {
    fake.inject(Fault.status(500).onCommandUri("/audiences/v2").always());
    CampaignLaunchException e = assertThrows(CampaignLaunchException.class, () -> campaigns.launch(
        CampaignRequest.of("broken", reminder()), Stream.of(CampaignRecipient.of("+5531900000001", "A", "1"))));
    assertTrue(e.leftRunning().isEmpty());
    fake.clearFaults();
    assertEquals("canceled", fake.bot().campaigns().get(0).get("status"));
    assertTrue(commands(fake, "/dispatch/v2").isEmpty());
    assertTrue(fake.bot().context("5531900000001@wa.gw.msging.net", "Master-State") == null);
  }

  @Test
  void scheduledInAZoneCancelledBeforeStartButNotAfter() {
    ZonedDateTime eight = ZonedDateTime.ofInstant(fake.clock().instant().plus(Duration.ofHours(3)), SAO_PAULO);
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("morning", reminder()).scheduledAt(eight),
        Stream.of(CampaignRecipient.of("+5531900000001", "A", "1")));
    Campaign c = launch.campaigns().get(0);
    assertEquals(CampaignStatus.SCHEDULED, c.status());
    assertEquals(eight.toInstant(), c.scheduled());
    String wire = String.valueOf(((Map<?, ?>) resourceOf(commands(fake, "/campaign/v2").get(0)).get("campaign"))
        .get("scheduled"));
    assertTrue(wire.endsWith("Z") && Instant.parse(wire).equals(eight.toInstant()), wire);

    Campaign moved = campaigns.reschedule(c.id(), eight.plusHours(1));
    assertEquals(eight.plusHours(1).toInstant(), moved.scheduled());
    assertEquals(CampaignStatus.CANCELED, campaigns.cancel(c.id()).status());

    CampaignLaunch now = campaigns.launch(CampaignRequest.of("now", reminder()),
        Stream.of(CampaignRecipient.of("+5531900000002", "B", "2")));
    CampaignNotCancellableException e = assertThrows(CampaignNotCancellableException.class,
        () -> campaigns.cancel(now.campaigns().get(0).id()));
    assertEquals(CampaignStatus.PROCESSING, e.status());
    assertTrue(fake.receivedEnvelopes().stream().noneMatch(x -> "delete".equals(x.field("method"))
        && String.valueOf(x.field("uri")).contains(now.campaigns().get(0).id())), "refused before asking Blip");
  }

  @Test
  void listPagesFiltersSummariesAndFind() {
    for (int i = 0; i < 5; i++) {
      campaigns.launch(CampaignRequest.of((i % 2 == 0 ? "promo-" : "reminder-") + i, reminder()),
          Stream.of(CampaignRecipient.of("+553190000000" + i, "A", "1")));
    }
    ZonedDateTime later = ZonedDateTime.ofInstant(fake.clock().instant().plus(Duration.ofDays(1)), SAO_PAULO);
    campaigns.launch(CampaignRequest.of("reminder-later", reminder()).scheduledAt(later),
        Stream.of(CampaignRecipient.of("+5531900000009", "A", "1")));
    time.sleep(Duration.ofSeconds(1));

    assertEquals(List.of("reminder-later", "reminder-3", "reminder-1"), campaigns.list(
        CampaignQuery.all().nameContains("REMINDER").pageSize(2)).map(Campaign::name).toList());
    assertEquals(List.of("reminder-later"), campaigns.list(CampaignQuery.all().status(CampaignStatus.SCHEDULED))
        .map(Campaign::name).toList());
    assertEquals(2, campaigns.list(CampaignQuery.all().limit(2)).count());
    assertEquals(List.of("promo-4", "reminder-3"), campaigns.page(1, 2).items().stream().map(Campaign::name)
        .toList());
    CampaignReport summary = campaigns.summaries(0, 10).items().get(5);
    assertEquals("promo-0", summary.name());
    assertEquals("reminder", summary.messageTemplate());
    assertEquals(1, summary.counts().of(RecipientStatus.READ));
    assertEquals(summary.id(), campaigns.summary(summary.id()).id());
    assertTrue(campaigns.find("00000000-0000-0000-0000-000000000000").isEmpty());
    assertEquals("promo-0", campaigns.find(summary.id()).orElseThrow().name());
  }

  @Test
  void eachRecipientsMessageIdFollowsWithTheStatusTracker() {
    fake.bot().script("+5531900000002", MessageScript.delivered().withStepDelay(Duration.ofSeconds(30)));
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("tracked", reminder()),
        Stream.of(CampaignRecipient.of("+5531900000001", "A", "1"), CampaignRecipient.of("+5531900000002", "B", "2")));
    time.sleep(Duration.ofMillis(1));
    // every message handed over, one still on its way: dispatched, not finished
    assertEquals(CampaignStatus.DISPATCHED, campaigns.get(launch.campaigns().get(0).id()).status());
    StatusTracker tracker = whatsApp.statusTracker();
    List<CampaignRecipientResult> results = campaigns.recipients(launch.campaigns().get(0).id()).toList();
    for (CampaignRecipientResult r : results) {
      tracker.track(r.receipt().orElseThrow());
    }
    SendReceipt second = results.get(1).receipt().orElseThrow();
    assertEquals("5531900000002@wa.gw.msging.net", second.recipient().value());
    StatusReport report =
        tracker.await(second.envelopeId(), EnumSet.of(MessageStatus.DELIVERED), Duration.ofMinutes(5));
    assertEquals(MessageStatus.DELIVERED, report.status());
    assertEquals(MessageStatus.READ, tracker.await(results.get(0).messageId(), EnumSet.of(MessageStatus.READ),
        Duration.ofMinutes(1)).status());
    assertFalse(results.get(0).toString().contains("900000"), "results mask the number");
  }

  @Test
  void aReplyIsRoutedToTheConfiguredBlockAndCounted() {
    fake.bot().attendanceBlock("flow-1", "human", "Vendas");
    fake.bot().script("+5531900000001", MessageScript.read().withReply("Quero remarcar", Duration.ofMinutes(3)));
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("routed", reminder())
        .routing(ReplyRouting.toBlock("flow-1", "human").viaRouter("router@msging.net")),
        Stream.of(CampaignRecipient.of("+5531900000001", "A", "1"), CampaignRecipient.of("+5531900000002", "B", "2")));
    String identity = "5531900000001@wa.gw.msging.net";
    assertEquals("router@msging.net", fake.bot().context(identity, "Master-State"));
    assertEquals("human", fake.bot().context(identity, "stateid@flow-1"));
    assertEquals(0L, campaigns.counts(launch).replied());
    time.sleep(Duration.ofMinutes(3));
    fake.awaitIdle();
    Map<String, Object> ticket = fake.bot().tickets().get(0);
    assertEquals("Vendas", ticket.get("team"));
    assertEquals(launch.campaigns().get(0).id(), ticket.get("CampaignId"));
    CampaignReport report = campaigns.report(launch.campaigns().get(0).id());
    assertEquals(1L, report.counts().replied());
    assertEquals("Vendas", report.stateName());
    assertNotNull(campaigns.recipients(report.id()).filter(r -> r.replied() != null).findFirst().orElse(null));
  }

  @Test
  void pacedLaunchSplitsIntoScheduledWaves() {
    ZonedDateTime start = ZonedDateTime.ofInstant(fake.clock().instant().plus(Duration.ofHours(1)), SAO_PAULO);
    CampaignLaunch launch = campaigns.launch(CampaignRequest.of("gradual", reminder()).scheduledAt(start)
        .pace(CampaignPace.of(4, Duration.ofMinutes(10))),
        Stream.iterate(1, i -> i + 1).limit(10).map(i -> CampaignRecipient.of("+55319000000" + (10 + i), "A", "1")));
    assertEquals(List.of("gradual", "gradual #2", "gradual #3"), launch.campaigns().stream().map(Campaign::name)
        .toList());
    assertEquals(List.of(start.toInstant(), start.plusMinutes(10).toInstant(), start.plusMinutes(20).toInstant()),
        launch.campaigns().stream().map(Campaign::scheduled).toList());
    time.sleep(Duration.ofHours(1).plusSeconds(1));
    assertEquals(List.of(CampaignStatus.FINISHED, CampaignStatus.SCHEDULED, CampaignStatus.SCHEDULED),
        launch.campaigns().stream().map(c -> campaigns.get(c.id()).status()).toList());
    time.sleep(Duration.ofMinutes(20));
    CampaignCounts counts = campaigns.counts(launch);
    assertEquals(10, counts.of(RecipientStatus.READ));
    assertEquals(10, counts.atLeast(RecipientStatus.SENT));
  }

  @Test
  void decodesTheThirdPartyCampaignDocument() {
    // the Jest mock modelled on a real /campaign/full answer (third-party index file 65723985212): a bare date
    Campaign c = Campaign.fromJson(JsonDocument.parse("{\"id\":\"test-id\",\"name\":\"test-campaign\","
        + "\"campaignType\":\"INDIVIDUAL\",\"masterState\":\"test-master\",\"flowId\":\"test-flow\","
        + "\"stateId\":\"test-state\",\"status\":\"processing\",\"created\":\"2025-11-27\",\"tags\":[],"
        + "\"isToUseLiteApi\":false,\"channelType\":\"WHATSAPP\",\"canSendWithOpenTicket\":false}"));
    assertEquals(CampaignStatus.PROCESSING, c.status());
    assertEquals(Instant.parse("2025-11-27T00:00:00Z"), c.created());
    assertEquals(CampaignType.INDIVIDUAL, c.type());
    // the lower-case masterstate some clients send, an unknown status kept raw, and "" kept as ""
    Campaign odd = Campaign.fromJson(JsonDocument.parse("{\"id\":\"x\",\"name\":\"\",\"masterstate\":\"r@msging.net\","
        + "\"status\":\"Paused\",\"campaignType\":\"Batch\",\"extra\":{\"a\":1}}"));
    assertEquals("r@msging.net", odd.masterState());
    assertEquals(CampaignStatus.UNKNOWN, odd.status());
    assertEquals("Paused", odd.rawStatus());
    assertEquals("", odd.name());
    assertEquals(CampaignType.BATCH, odd.type());
    assertTrue(odd.raw().json().contains("\"extra\""));
    // Andrevlopess/blip-api-client src/interfaces/Campaigns.ts @1d341df5: statusAudience is PascalCase
    CampaignReport r = CampaignReport.fromJson(JsonDocument.parse("{\"id\":\"x\",\"name\":\"n\",\"messageTemplate\":\"t\","
        + "\"sendDate\":\"2025-11-27T13:02:11Z\",\"statusAudience\":[{\"RecipientIdentity\":\"1@wa.gw.msging.net\","
        + "\"Status\":\"READ\"},{\"RecipientIdentity\":\"2@wa.gw.msging.net\",\"Status\":\"FAILED\",\"ReasonCode\":0,"
        + "\"ReasonDescription\":\"x\"}]}"));
    assertEquals(1, r.counts().of(RecipientStatus.READ));
    assertEquals(Map.of("x", 1L), r.counts().failureReasons());
    assertEquals(null, r.counts().replied());
    assertEquals(Map.of(RecipientStatus.READ, 1L, RecipientStatus.FAILED, 1L), r.counts().byStatus().entrySet()
        .stream().filter(e -> e.getValue() > 0).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
