package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §3.1 accounts, §3.3 templates, §4 contacts and comments, §3.4 notifications, §5.7 contexts, over raw HTTP. */
@ExtendWith(FakeBlipExtension.class)
class CrmAndWhatsAppTest {
  static final String CRM = "postmaster@crm.msging.net";
  static final String WA = "postmaster@wa.gw.msging.net";
  static final String CONTACT = "application/vnd.lime.contact+json";

  @Test
  void accountLookupRules(FakeBlip blip) throws Exception {
    blip.bot().markNotOnWhatsApp("5531900000000");
    Wire w = new Wire(blip);
    Map<String, Object> no = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/+5531900000000");
    assertEquals(Map.of("code", 67.0, "description", "The requested resource was not found"), no.get("reason"));
    Map<String, Object> noPlus = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/5531900000000");
    assertEquals("success", noPlus.get("status"), "without + every lookup succeeds");
    assertEquals("5531900000000@wa.gw.msging.net", map(noPlus.get("resource")).get("alternativeAccount"));
    Map<String, Object> encoded = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/%2B5531900000000");
    assertEquals("failure", encoded.get("status"), "a percent-encoded + is still a +");
    for (String bad : new String[] {"+abc", "+55 31", "hello", "+123"}) {
      Map<String, Object> r = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/" + bad.replace(" ", "%20"));
      assertEquals(61.0, map(r.get("reason")).get("code"), bad);
    }
    Map<String, Object> any = map(w.command(WA, "get", "lime://wa.gw.msging.net/accounts/+5511988887777").get("resource"));
    assertEquals("WhatsApp", any.get("source"));
    assertEquals("5511988887777@wa.gw.msging.net", any.get("identity"));
  }

  @Test
  void notOnWhatsAppReasonIsConfigurable() throws Exception {
    try (FakeBlip blip = FakeBlip.builder().notOnWhatsAppReason(83, "Destination not found").start()) {
      blip.bot().markNotOnWhatsApp("+5531900000000");
      Map<String, Object> r = new Wire(blip).command(WA, "get", "lime://wa.gw.msging.net/accounts/+5531900000000");
      assertEquals(Map.of("code", 83.0, "description", "Destination not found"), r.get("reason"));
      blip.bot().addWhatsAppAccount("+5531900000000", "Back");
      assertEquals("Back", map(new Wire(blip).command(WA, "get", "lime://wa.gw.msging.net/accounts/+5531900000000")
          .get("resource")).get("fullName"));
    }
  }

  @Test
  void templateListParameters(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}"));
    blip.seedTemplate(FakeTemplate.of("welcome", "en_US", "Hi {{1}}"));
    blip.seedTemplate(FakeTemplate.builder("promo", "pt_BR").status("paused").body("x").build());
    blip.seedTemplate(FakeTemplate.builder("order", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE).body("{{1}} {{2}}")
        .build());
    Wire w = new Wire(blip);
    assertEquals(List.of("welcome", "welcome", "promo", "order"), names(w, "/message-templates"));
    assertEquals(List.of("welcome", "welcome"), names(w, "/message-templates?templateName=welcome"));
    assertEquals(List.of("promo"), names(w, "/message-templates?status=PAUSED"));
    assertEquals(List.of("welcome", "welcome", "order"), names(w, "/message-templates?status=approved"));
    assertEquals(List.of("welcome", "welcome"), names(w, "/message-templates?$take=2"));
    Map<String, Object> order = map(list(map(w.command(WA, "get", "/message-templates?templateName=order")
        .get("resource")).get("data")).get(0));
    Map<String, Object> header = map(list(order.get("components")).get(0));
    assertEquals("HEADER", header.get("type"));
    assertEquals("IMAGE", header.get("format"));
    assertEquals("BODY", map(list(order.get("components")).get(1)).get("type"));
    assertEquals("pt_BR", order.get("language"));
    assertEquals("[[example1, example2]]", String.valueOf(map(map(list(order.get("components")).get(1)).get("example"))
        .get("body_text")));
  }

  private static List<Object> names(Wire w, String uri) throws Exception {
    Map<String, Object> r = w.command(WA, "get", uri);
    assertEquals("success", r.get("status"), String.valueOf(r));
    return list(map(r.get("resource")).get("data")).stream().map(t -> map(t).get("name")).toList();
  }

  @Test
  void templateListShapesAndStatusCasing() throws Exception {
    for (TemplateListShape shape : TemplateListShape.values()) {
      for (boolean upper : new boolean[] {true, false}) {
        try (FakeBlip blip = FakeBlip.builder().templateListShape(shape).templateStatusUpperCase(upper).start()) {
          blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}"));
          Map<String, Object> res = map(new Wire(blip).command(WA, "get", "/message-templates").get("resource"));
          String key = switch (shape) {
            case DATA -> "data";
            case DOCUMENTS -> "documents";
            case ITEMS -> "items";
          };
          assertEquals(Map.of(TemplateListShape.DATA, "[data, paging]", TemplateListShape.DOCUMENTS, "[documents]",
              TemplateListShape.ITEMS, "[total, items]").get(shape), res.keySet().toString());
          List<Object> items = list(res.get(key));
          assertEquals(upper ? "APPROVED" : "Approved", map(items.get(0)).get("status"), shape + "/" + upper);
        }
      }
    }
  }

  @Test
  void contactGetAcceptsRawAndEncodedIdentity(FakeBlip blip) throws Exception {
    blip.seedContact("5531999998888@wa.gw.msging.net", "Ana");
    Wire w = new Wire(blip);
    for (String uri : new String[] {"/contacts/5531999998888@wa.gw.msging.net",
        "/contacts/5531999998888%40wa.gw.msging.net", "/contacts/5531999998888%40WA.gw.msging.net"}) {
      Map<String, Object> r = w.command(CRM, "get", uri);
      assertEquals(CONTACT, r.get("type"), uri);
      assertEquals("Ana", map(r.get("resource")).get("name"));
    }
    assertEquals("success", w.command("postmaster@msging.net", "get", "/contacts/5531999998888%40wa.gw.msging.net")
        .get("status"), "postmaster@msging.net reaches contacts too");
    assertEquals(67.0, map(w.command(CRM, "get", "/contacts/5531999998888%2540wa.gw.msging.net").get("reason"))
        .get("code"), "decoded once only");
  }

  @Test
  void setReplacesMergeKeepsDeleteRemoves(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String id = "a@wa.gw.msging.net";
    w.command(CRM, "set", "/contacts", CONTACT, Map.of("identity", id, "name", "A", "email", "a@x",
        "extras", Map.of("plan", "Gold", "code", "1")));
    w.command(CRM, "merge", "/contacts", CONTACT, Map.of("identity", id, "city", "BH"));
    Map<String, Object> merged = blip.bot().contact(id);
    assertEquals("A", merged.get("name"));
    assertEquals("a@x", merged.get("email"));
    assertEquals("BH", merged.get("city"));
    assertEquals(Map.of("plan", "Gold", "code", "1"), merged.get("extras"));
    w.command(CRM, "set", "/contacts", CONTACT, Map.of("identity", "A@WA.gw.msging.net", "name", "A2"));
    assertEquals(1, blip.bot().contacts().size(), "one contact per identity, whatever the case");
    Map<String, Object> replaced = map(w.command(CRM, "get", "/contacts/a%40wa.gw.msging.net").get("resource"));
    assertEquals(Map.of("identity", "A@WA.gw.msging.net", "name", "A2"), replaced, "set deletes fields not sent");
    w.command(CRM, "merge", "/contacts", CONTACT, Map.of("identity", "new@wa.gw.msging.net", "name", "N"));
    assertEquals("N", blip.bot().contact("new@wa.gw.msging.net").get("name"), "merge creates a missing contact");
    assertEquals(64.0, map(w.command(CRM, "set", "/contacts", CONTACT, Map.of("name", "no identity")).get("reason"))
        .get("code"));
    assertEquals(64.0, map(w.command(CRM, "set", "/contacts", "text/plain", "text").get("reason")).get("code"));
    w.command(CRM, "delete", "/contacts/a%40wa.gw.msging.net");
    w.command(CRM, "delete", "/contacts/new@wa.gw.msging.net");
    assertTrue(blip.bot().contacts().isEmpty());
    assertEquals(67.0, map(w.command(CRM, "get", "/contacts/a%40wa.gw.msging.net").get("reason")).get("code"));
  }

  @Test
  void listLimits(FakeBlip blip) throws Exception {
    for (int i = 0; i < 5; i++) {
      blip.seedContact(i + "@wa.gw.msging.net", "C" + i);
    }
    Wire w = new Wire(blip);
    Map<String, Object> all = map(w.command(CRM, "get", "/contacts").get("resource"));
    assertEquals(5.0, all.get("total"));
    assertEquals(5, list(all.get("items")).size());
    assertEquals("success", w.command(CRM, "get", "/contacts?$take=30000").get("status"));
    Map<String, Object> tooMany = w.command(CRM, "get", "/contacts?$take=30001");
    assertEquals("failure", tooMany.get("status"));
    assertEquals("The take parameter can not be greater than 30000", map(tooMany.get("reason")).get("description"));
    String f = "&$filter=(startswith(name%2C'C'))";
    assertEquals("success", w.command(CRM, "get", "/contacts?$skip=9000&$take=1000" + f).get("status"));
    Map<String, Object> sum = w.command(CRM, "get", "/contacts?$skip=9001&$take=1000" + f);
    assertEquals("failure", sum.get("status"), "with a filter skip + take must stay within 10000");
    assertEquals("failure", w.command(CRM, "get", "/contacts?$take=10001" + f).get("status"));
    assertEquals(64.0, map(w.command(CRM, "get", "/contacts?$take=abc").get("reason")).get("code"));
    Map<String, Object> page = map(w.command(CRM, "get", "/contacts?$skip=4&$take=10").get("resource"));
    assertEquals(5.0, page.get("total"));
    assertEquals("4@wa.gw.msging.net", map(list(page.get("items")).get(0)).get("identity"));
  }

  @Test
  void everyFilterForm(FakeBlip blip) throws Exception {
    FakeBot bot = blip.bot();
    bot.seedContact(Map.of("identity", "1@wa.gw.msging.net", "name", "John Doe",
        "lastMessageDate", "2021-09-02T10:00:00.000Z", "extras", Map.of("plan", "Gold")));
    bot.seedContact(Map.of("identity", "2@wa.gw.msging.net", "name", "Johnny",
        "lastMessageDate", "2021-08-01T10:00:00.000Z", "extras", Map.of("plan", "Free")));
    bot.seedContact(Map.of("identity", "3@wa.gw.msging.net", "name", "Mary O'Brien",
        "lastMessageDate", "2021-09-05T10:00:00.000Z"));
    Wire w = new Wire(blip);
    assertEquals(List.of("1", "2"), ids(w, "(startswith(name%2C'John'))"));
    assertEquals(List.of("1", "2"), ids(w, "(startswith(name%2C'john'))"), "text ignores case");
    assertEquals(List.of("1"), ids(w, "(name%20eq%20'John Doe')"));
    assertEquals(List.of("1"), ids(w, "(name%20eq%20'John%20Doe')"));
    assertEquals(List.of("2", "3"), ids(w, "(name%20ne%20'John Doe')"));
    assertEquals(List.of("1"), ids(w, "(substringof('n D'%2Cname))"));
    assertEquals(List.of("3"), ids(w, "(name%20eq%20'Mary O''Brien')"), "'' is a quote inside a string");
    assertEquals(List.of("3"), ids(w, "(substringof('O''B'%2Cname))"));
    assertEquals(List.of("1", "3"), ids(w, "(lastmessagedate%20ge%20datetimeoffset'2021-09-01T13%3A38%3A00.000Z')"));
    assertEquals(List.of("2"), ids(w, "(lastmessagedate%20le%20datetimeoffset'2021-09-01T13%3A38%3A00.000Z')"));
    assertEquals(List.of("1"), ids(w, "(startswith(name%2C'John'))%20and%20(lastmessagedate%20ge%20"
        + "datetimeoffset'2021-09-01T00%3A00%3A00.000Z')"));
    assertEquals(List.of("2", "3"), ids(w, "(name%20eq%20'Johnny')%20or%20(name%20eq%20'Mary O''Brien')"));
    assertEquals(List.of("1", "3"), ids(w, "name%20eq%20'John Doe'%20or%20name%20eq%20'Johnny'%20and%20"
        + "name%20eq%20'x'%20or%20startswith(name%2C'Mary')"), "and binds tighter than or");
    assertEquals(List.of("1"), ids(w, "(extras.plan%20eq%20'Gold')"));
    Map<String, Object> bad = w.command(CRM, "get", "/contacts?$filter=(name%20eq%20'unterminated)");
    assertEquals(64.0, map(bad.get("reason")).get("code"));
    assertEquals(64.0, map(w.command(CRM, "get", "/contacts?$filter=(name%20like%20'x')").get("reason")).get("code"));
  }

  private static List<String> ids(Wire w, String filter) throws Exception {
    Map<String, Object> r = w.command(CRM, "get", "/contacts?$filter=" + filter);
    assertEquals("success", r.get("status"), filter + " -> " + r);
    return list(map(r.get("resource")).get("items")).stream()
        .map(i -> String.valueOf(map(i).get("identity")).split("@")[0]).toList();
  }

  @Test
  void comments(FakeBlip blip) throws Exception {
    blip.clock().advance(Duration.ofSeconds(1));
    Wire w = new Wire(blip);
    String type = "application/vnd.iris.crm.comment+json";
    Map<String, Object> created = w.command(CRM, "set", "/contacts/a%40wa.gw.msging.net/comments", type,
        Map.of("content", "VIP"));
    assertEquals(type, created.get("type"));
    Map<String, Object> c = map(created.get("resource"));
    assertEquals("VIP", c.get("content"));
    assertEquals(blip.clock().instant().toString(), java.time.Instant.parse((String) c.get("storageDate")).toString());
    w.command(CRM, "set", "/contacts/a@wa.gw.msging.net/comments", type, Map.of("content", "second"));
    Map<String, Object> listed = map(w.command(CRM, "get", "/contacts/a%40wa.gw.msging.net/comments").get("resource"));
    assertEquals(type, listed.get("itemType"));
    assertEquals(2, list(listed.get("items")).size());
    assertEquals("success", w.command(CRM, "delete", "/contacts/a%40wa.gw.msging.net/comments/" + c.get("id"))
        .get("status"));
    assertEquals(1, list(map(w.command(CRM, "get", "/contacts/a%40wa.gw.msging.net/comments").get("resource"))
        .get("items")).size());
    assertEquals(67.0, map(w.command(CRM, "delete", "/contacts/a%40wa.gw.msging.net/comments/" + c.get("id"))
        .get("reason")).get("code"));
    assertEquals(64.0, map(w.command(CRM, "set", "/contacts/a%40wa.gw.msging.net/comments", type, Map.of("x", 1))
        .get("reason")).get("code"));
  }

  @Test
  void notificationsByIdAreKeptThreeDays(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá"));
    Wire w = new Wire(blip);
    assertEquals(202, w.message("m1", "5531999998888@wa.gw.msging.net", "application/json", Map.of("type", "template",
        "template", Map.of("name", "welcome", "language", Map.of("code", "pt_BR"),
            "components", List.of(Map.of("type", "body", "parameters", List.of())))), Map.of()).code());
    blip.awaitIdle();
    assertEquals(List.of("accepted", "dispatched", "received", "consumed"), events(w, "m1"));
    Map<String, Object> r = w.command("postmaster@msging.net", "get", "/notifications?id=m1");
    Map<String, Object> first = map(list(map(r.get("resource")).get("items")).get(0));
    assertEquals("m1", first.get("id"));
    assertEquals("fakebot@msging.net/#emu", first.get("to"));
    assertEquals(String.valueOf(blip.clock().millis()), map(first.get("metadata")).get("#envelope.timestamp"));
    assertEquals(List.of(), events(w, "other"));
    // the bot's own notifications (POST /notifications) are stored too
    assertEquals(202, w.post("/notifications", Map.of("id", "in1", "from", "x@wa.gw.msging.net", "event", "consumed"))
        .code());
    assertEquals(List.of("consumed"), events(w, "in1"));
    blip.clock().advance(Duration.ofDays(3));
    assertEquals(4, events(w, "m1").size(), "kept 3 days");
    blip.clock().advance(Duration.ofMillis(1));
    assertEquals(List.of(), events(w, "m1"), "gone after 3 days");
    assertEquals(List.of(), events(w, "in1"));
    assertEquals("failure", w.command("postmaster@msging.net", "get", "/notifications?$take=101").get("status"));
  }

  static List<Object> events(Wire w, String id) throws Exception {
    Map<String, Object> r = w.command("postmaster@msging.net", "get", "/notifications?id=" + id);
    assertEquals("application/vnd.lime.notification+json", map(r.get("resource")).get("itemType"));
    return list(map(r.get("resource")).get("items")).stream().map(n -> map(n).get("event")).toList();
  }

  @Test
  void duplicateNotificationsOption() throws Exception {
    try (FakeBlip blip = FakeBlip.builder().duplicateNotifications(true).start()) {
      Wire w = new Wire(blip);
      blip.simulateCustomerReply("5531999998888@wa.gw.msging.net", "oi");
      w.message("m1", "5531999998888@wa.gw.msging.net", "text/plain", "hello", Map.of());
      blip.awaitIdle();
      assertEquals(List.of("accepted", "accepted", "dispatched", "dispatched", "received", "received", "consumed",
          "consumed"), events(w, "m1"));
      assertEquals(List.of("accepted", "dispatched", "received", "consumed"), blip.bot().events("m1"),
          "inspection shows each event once");
    }
  }

  @Test
  void contextsWithExpirationAndMasterState(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String ctx = "/contexts/5531999998888%40wa.gw.msging.net";
    Map<String, Object> set = w.command("postmaster@msging.net", "set", ctx + "/Master-State", "text/plain",
        "sub@msging.net");
    assertEquals("success", set.get("status"));
    assertEquals("sub@msging.net", blip.bot().context("5531999998888@wa.gw.msging.net", "Master-State"));
    assertEquals("sub@msging.net", w.command(null, "get", "/contexts/5531999998888@wa.gw.msging.net/master-state")
        .get("resource"), "names ignore case by default; raw identity works");
    w.command(null, "set", ctx + "/stateid%40flow-1?expiration=1000", "text/plain", "block-7");
    w.command(null, "set", ctx + "/cart", "application/json", Map.of("items", 2));
    assertEquals(Map.of("items", 2.0), w.command(null, "get", ctx + "/cart").get("resource"));
    assertEquals("application/json", w.command(null, "get", ctx + "/cart").get("type"));
    Map<String, Object> names = map(w.command(null, "get", ctx + "?$skip=0&$take=10").get("resource"));
    assertEquals(List.of("Master-State", "stateid@flow-1", "cart"), list(names.get("items")));
    blip.clock().advance(Duration.ofMillis(999));
    assertEquals("block-7", w.command(null, "get", ctx + "/stateid@flow-1").get("resource"));
    blip.clock().advance(Duration.ofMillis(1));
    assertEquals(67.0, map(w.command(null, "get", ctx + "/stateid@flow-1").get("reason")).get("code"), "expired");
    assertEquals(2, list(map(w.command(null, "get", ctx).get("resource")).get("items")).size());
    assertEquals(64.0, map(w.command(null, "set", ctx + "/x?expiration=soon", "text/plain", "v").get("reason"))
        .get("code"));
    w.command(null, "delete", ctx + "/MASTER-STATE");
    assertNull(blip.bot().context("5531999998888@wa.gw.msging.net", "Master-State"));
    assertEquals(67.0, map(w.command(null, "delete", ctx + "/Master-State").get("reason")).get("code"));
  }

  @Test
  void caseSensitiveContextNames() throws Exception {
    try (FakeBlip blip = FakeBlip.builder().contextNamesCaseSensitive(true).start()) {
      Wire w = new Wire(blip);
      w.command(null, "set", "/contexts/a%40wa.gw.msging.net/Master-State", "text/plain", "sub@msging.net");
      assertEquals("failure", w.command(null, "get", "/contexts/a%40wa.gw.msging.net/master-state").get("status"));
      assertFalse(blip.bot().context("a@wa.gw.msging.net", "Master-State") == null);
    }
  }
}
