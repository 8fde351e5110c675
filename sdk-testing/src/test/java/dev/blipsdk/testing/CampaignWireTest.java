package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * §3.5/§3.6 Active Campaign over raw HTTP: the fake answers with the shapes public clients of the live API show.
 * The flat campaign document follows a third-party TypeScript type and Jest mock modelled on a real
 * {@code /campaign/full} answer (index files 66229600252 and 65723985212) and {@code Andrevlopess/blip-api-client}
 * {@code src/interfaces/Campaigns.ts} @1d341df5; the audience/summary fields follow the latter.
 */
@ExtendWith(FakeBlipExtension.class)
class CampaignWireTest {
  static final String AC = "postmaster@activecampaign.msging.net";
  static final String FULL = "application/vnd.iris.activecampaign.full-campaign+json";
  static final String CAMPAIGN = "application/vnd.iris.activecampaign.campaign+json";
  static final String C1 = "5531999998888@wa.gw.msging.net";

  static Map<String, Object> campaign(String name, String type, Object... extra) {
    Map<String, Object> c = new java.util.LinkedHashMap<>(Map.of("name", name, "campaignType", type,
        "channelType", "WhatsApp"));
    for (int i = 0; i + 1 < extra.length; i += 2) {
      c.put((String) extra[i], extra[i + 1]);
    }
    return c;
  }

  static Map<String, Object> message(String template, String... keys) {
    return Map.of("messageTemplate", template, "messageParams", List.of((Object[]) keys), "channelType", "WhatsApp",
        "messageTemplateLanguage", "pt_BR");
  }

  static Map<String, Object> audience(String phone, String... values) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      params.put(String.valueOf(i + 1), values[i]);
    }
    return Map.of("recipient", phone, "messageParams", params);
  }

  static Map<String, Object> resource(Map<String, Object> r) {
    assertEquals("success", r.get("status"), String.valueOf(r));
    return map(r.get("resource"));
  }

  @Test
  void fullIndividualAnswersTheFlatCampaignDocumentAndSendsWithNotifications(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("promo", "pt_BR", "Olá {{1}}"));
    // nothing listens there: the fake records each attempt all the same
    blip.bot().notificationWebhook("http://127.0.0.1:1/notifications");
    Wire w = new Wire(blip);
    Map<String, Object> r = w.command(AC, "set", "/campaign/full", FULL, Map.of(
        "campaign", campaign("c1", "Individual", "flowId", "f1", "stateId", "s1", "masterState", "router@msging.net"),
        "audience", audience("+5531999998888", "Ana"), "message", message("promo", "1")));
    assertEquals(CAMPAIGN, r.get("type"));
    assertEquals("postmaster@activecampaign.msging.net/#emu", r.get("from"));
    Map<String, Object> doc = resource(r);
    // the flat shape, field for field with the 3P type (upper-case enums in the answer)
    assertEquals(List.of("id", "name", "campaignType", "masterState", "flowId", "stateId", "status", "created", "tags",
        "isToUseLiteApi", "channelType", "canSendWithOpenTicket"), new ArrayList<>(doc.keySet()));
    assertEquals("INDIVIDUAL", doc.get("campaignType"));
    assertEquals("WHATSAPP", doc.get("channelType"));
    assertEquals("processing", doc.get("status"));
    String id = (String) doc.get("id");
    assertEquals(doc, resource(w.command(AC, "get", "/campaigns/" + id)));

    Map<String, Object> item = map(list(resource(w.command(AC, "get", "/audiences/" + id)).get("items")).get(0));
    assertEquals("+5531999998888", item.get("recipient"));
    assertEquals(id, item.get("CampaignId"));
    assertEquals("READ", item.get("status"));
    assertEquals("VALID", item.get("validatedAccount"));
    String messageId = (String) item.get("messageId");
    List<Object> events = new ArrayList<>();
    for (Object n : list(resource(w.command("postmaster@msging.net", "get", "/notifications?id=" + messageId))
        .get("items"))) {
      events.add(map(n).get("event"));
    }
    assertEquals(List.of("accepted", "dispatched", "received", "consumed"), events);
    blip.awaitIdle();
    List<Object> posted = new ArrayList<>();
    for (WebhookDelivery d : blip.webhookDeliveries()) {
      assertEquals("notification", d.kind());
      assertTrue(d.body().contains(messageId), d.body());
      posted.add(map(Wire.JSON.fromJson(d.body())).get("event"));
    }
    assertEquals(events, posted);
    assertEquals("router@msging.net", blip.bot().context(C1, "Master-State"));
    assertEquals("s1", blip.bot().context(C1, "stateid@f1"));
    blip.clock().advance(Duration.ofMillis(1));
    assertEquals("finished", blip.bot().campaigns().get(0).get("status"));
  }

  @Test
  void campaignLevelFailuresLeaveNothingBehind(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("promo", "pt_BR", "Olá {{1}}"));
    Wire w = new Wire(blip);
    // an audience item without recipient refuses the whole batch
    Map<String, Object> bad = w.command(AC, "set", "/campaign/full", FULL, Map.of(
        "campaign", campaign("c2", "Batch"), "message", message("promo", "1"),
        "audiences", List.of(audience("+5511988887777", "Bia"), Map.of("messageParams", Map.of()))));
    assertEquals(64.0, map(bad.get("reason")).get("code"));
    assertTrue(blip.bot().campaigns().isEmpty());
    // unknown template, wrong parameter count, schedule in the past
    assertEquals("failure", w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of(
        "campaign", campaign("c3", "Batch"), "message", message("nope", "1"))).get("status"));
    assertEquals("failure", w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of(
        "campaign", campaign("c3", "Batch"), "message", message("promo", "1", "2"))).get("status"));
    String past = blip.clock().instant().minusSeconds(60).toString();
    assertEquals("failure", w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of(
        "campaign", campaign("c3", "Batch", "scheduled", past), "message", message("promo", "1"))).get("status"));
    assertTrue(blip.bot().campaigns().isEmpty());
    // a duplicate name
    resource(w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of("campaign", campaign("c3", "Batch"),
        "message", message("promo", "1"))));
    Map<String, Object> dup = w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of("campaign", campaign("C3", "Batch"),
        "message", message("promo", "1")));
    assertTrue(String.valueOf(map(dup.get("reason")).get("description")).contains("already exists"));
    assertEquals(1, blip.bot().campaigns().size());
    assertEquals(62.0, map(w.command(AC, "set", "/campaign/other", CAMPAIGN, Map.of()).get("reason")).get("code"));
  }

  @Test
  void threeStepsUpsertAudienceScheduleAtPlanRateAndFinish() throws Exception {
    try (FakeBlip blip = FakeBlip.builder().rateLimits(RateLimits.of(2, 0, 0)).start()) {
      blip.seedTemplate(FakeTemplate.of("promo", "pt_BR", "Olá {{1}}"));
      blip.bot().script("+5531900000003", MessageScript.failed(81, "(#131049) not delivered"));
      blip.bot().markNotOnWhatsApp("+5531900000004");
      Wire w = new Wire(blip);
      Instant start = blip.clock().instant().plus(Duration.ofHours(1));
      String id = (String) resource(w.command(AC, "set", "/campaign/v2", CAMPAIGN, Map.of(
          "campaign", campaign("night", "Batch", "scheduled", start.toString()), "message", message("promo", "1"))))
          .get("id");
      assertEquals("created", resource(w.command(AC, "get", "/campaigns/" + id)).get("status"));
      Map<String, Object> batch = Map.of("itemType", "application/vnd.iris.activecampaign.audience+json", "items",
          List.of(audience("+5531900000001", "A"), audience("+5531900000002", "B"), audience("+5531900000003", "C")));
      String coll = "application/vnd.lime.collection+json";
      assertEquals("success", w.command(AC, "set", "/audiences/v2/" + id, coll, batch).get("status"));
      // the same batch again (a retry after a lost answer) keeps one entry per recipient
      assertEquals("success", w.command(AC, "set", "/audiences/v2/" + id, coll, batch).get("status"));
      w.command(AC, "set", "/audiences/v2/" + id, coll, Map.of("items", List.of(audience("+5531900000004", "D"),
          audience("+5531900000005", "E"))));
      assertEquals(5.0, resource(w.command(AC, "get", "/audiences/" + id)).get("total"));
      assertEquals("scheduled", resource(w.command(AC, "set", "/dispatch/v2", CAMPAIGN, Map.of("id", id)))
          .get("status"));
      assertEquals("failure", w.command(AC, "set", "/dispatch/v2", CAMPAIGN, Map.of("id", id)).get("status"));

      blip.clock().advance(Duration.ofHours(1));
      // 4 valid recipients at 2 messages per second: two in this second, two in the next
      assertEquals("processing", resource(w.command(AC, "get", "/campaigns/" + id)).get("status"));
      assertEquals("failure", w.command(AC, "delete", "/campaigns/" + id).get("status"));
      blip.clock().advance(Duration.ofSeconds(2));
      assertEquals("finished", resource(w.command(AC, "get", "/campaigns/" + id)).get("status"));
      List<Object> processed = new ArrayList<>();
      for (Object o : list(resource(w.command(AC, "get", "/audiences/" + id + "?$skip=0&$take=10")).get("items"))) {
        processed.add(map(o).get("processed"));
      }
      assertEquals(processed.get(0), processed.get(1));
      assertFalse(processed.get(1).equals(processed.get(4)));
      Map<String, Object> report =
          resource(w.command(AC, "get", "/campaigns/" + id + "/reports?shouldHaveStateName=true"));
      List<Object> statuses = new ArrayList<>();
      for (Object o : list(report.get("statusAudience"))) {
        statuses.add(map(o).get("Status"));
      }
      assertEquals(List.of("READ", "READ", "FAILED", "FAILED", "READ"), statuses);
      assertEquals("(#131049) not delivered", map(list(report.get("statusAudience")).get(2)).get("ReasonDescription"));
      assertEquals("promo", report.get("messageTemplate"));
      assertEquals("promo", map(list(resource(w.command(AC, "get", "/messages/" + id)).get("items")).get(0))
          .get("messageTemplate"));
    }
  }

  @Test
  void cancelBeforeStartTemplateGoneFailsAndReplyOpensTicket(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("promo", "pt_BR", "Olá {{1}}"));
    blip.bot().attendanceBlock("f1", "human", "Vendas");
    blip.bot().script(C1, MessageScript.read().withReply("Quero saber mais", Duration.ofMinutes(5)));
    Wire w = new Wire(blip);
    Instant later = blip.clock().instant().plus(Duration.ofHours(2));
    String canceled = (String) resource(w.command(AC, "set", "/campaign/full", FULL, Map.of(
        "campaign", campaign("later", "Batch", "scheduled", later.toString()), "message", message("promo", "1"),
        "audiences", List.of(audience("+5531999998888", "Ana"))))).get("id");
    assertEquals("success", w.command(AC, "delete", "/campaigns/" + canceled).get("status"));
    assertEquals("canceled", resource(w.command(AC, "get", "/campaigns/" + canceled)).get("status"));

    String failing = (String) resource(w.command(AC, "set", "/campaign/full", FULL, Map.of(
        "campaign", campaign("failing", "Batch", "scheduled", later.toString()), "message", message("promo", "1"),
        "audiences", List.of(audience("+5531999998888", "Ana"))))).get("id");
    blip.seedTemplate(FakeTemplate.builder("promo", "pt_BR").body("Olá {{1}}").status("PAUSED").build());
    blip.clock().advance(Duration.ofHours(2));
    Map<String, Object> failed = resource(w.command(AC, "get", "/campaigns/" + failing));
    assertEquals("failed", failed.get("status"));
    assertNotNull(failed.get("failedReason"));
    blip.seedTemplate(FakeTemplate.of("promo", "pt_BR", "Olá {{1}}"));

    String routed = (String) resource(w.command(AC, "set", "/campaign/full", FULL, Map.of(
        "campaign", campaign("routed", "Individual", "flowId", "f1", "stateId", "human"),
        "message", message("promo", "1"), "audience", audience("+5531999998888", "Ana")))).get("id");
    assertTrue(blip.bot().tickets().isEmpty());
    blip.clock().advance(Duration.ofMinutes(5));
    blip.awaitIdle();
    Map<String, Object> ticket = blip.bot().tickets().get(0);
    assertEquals("Vendas", ticket.get("team"));
    assertEquals(routed, ticket.get("CampaignId"));
    Map<String, Object> report = resource(w.command(AC, "get", "/campaigns/" + routed + "/reports"));
    assertEquals(Boolean.TRUE, map(list(report.get("statusAudience")).get(0)).get("Replied"));
    assertEquals("Vendas", report.get("stateName"));
  }
}
