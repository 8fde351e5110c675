package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeBlipExtension.class)
class CommandsTest {
  static final String CRM = "postmaster@crm.msging.net";
  static final String WA = "postmaster@wa.gw.msging.net";

  @Test
  void responseEnvelopeEchoesIdMethodAndCarriesCommandUri(FakeBlip blip) throws Exception {
    blip.seedContact("5531999998888@wa.gw.msging.net", "John");
    Map<String, Object> r = new Wire(blip).command(CRM, "get", "/contacts/5531999998888%40wa.gw.msging.net");
    assertEquals("get", r.get("method"));
    assertEquals("success", r.get("status"));
    assertEquals("postmaster@crm.msging.net/#emu", r.get("from"));
    assertEquals("fakebot@msging.net", r.get("to"));
    assertEquals("lime://fakebot@msging.net/contacts/5531999998888%40wa.gw.msging.net",
        map(r.get("metadata")).get("#command.uri"));
    assertEquals("application/vnd.lime.contact+json", r.get("type"));
    assertEquals("John", map(r.get("resource")).get("name"));
    // raw identity works too; missing to means postmaster@msging.net
    Map<String, Object> raw = new Wire(blip).command(null, "get", "/contacts/5531999998888@wa.gw.msging.net");
    assertEquals("success", raw.get("status"));
    assertEquals("postmaster@msging.net/#emu", raw.get("from"));
  }

  @Test
  void authIsChecked(FakeBlip blip) throws Exception {
    assertEquals(401, new Wire(blip.baseUrl(), "Key d3Jvbmc6a2V5").post("/commands", "{}").code());
    assertEquals(401, new Wire(blip.baseUrl(), "Bearer x").post("/commands", "{}").code());
    assertEquals(400, new Wire(blip).post("/commands", "{not json").code());
    assertEquals(0, blip.receivedEnvelopes().size());
  }

  @Test
  void failuresComeInside200(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    Map<String, Object> unknown = w.command(null, "get", "/no-such-thing");
    assertEquals("failure", unknown.get("status"));
    assertEquals(Map.of("code", 62.0, "description", "The resource is not supported"), unknown.get("reason"));
    Map<String, Object> missing = w.command(CRM, "get", "/contacts/nobody%40wa.gw.msging.net");
    assertEquals(67.0, map(missing.get("reason")).get("code"));
    Map<String, Object> take = w.command("postmaster@desk.msging.net", "get", "/tickets?$take=101");
    assertEquals(Map.of("description", "The take parameter can not be greater than 100"), take.get("reason"));
  }

  @Test
  void contactsSetReplacesMergeUpdatesDeleteRemoves(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String type = "application/vnd.lime.contact+json";
    w.command(CRM, "set", "/contacts", type, Map.of("identity", "a@wa.gw.msging.net", "name", "A", "email", "a@x"));
    w.command(CRM, "set", "/contacts", type, Map.of("identity", "a@wa.gw.msging.net", "name", "A2"));
    assertNull(blip.bot().contact("a@wa.gw.msging.net").get("email"), "set replaces: fields not sent are deleted");
    w.command(CRM, "merge", "/contacts", type, Map.of("identity", "a@wa.gw.msging.net", "city", "BH"));
    Map<String, Object> c = blip.bot().contact("a@wa.gw.msging.net");
    assertEquals("A2", c.get("name"));
    assertEquals("BH", c.get("city"));
    Map<String, Object> setAnswer = w.command(CRM, "merge", "/contacts", type, Map.of("identity", "a@wa.gw.msging.net"));
    assertFalse(setAnswer.containsKey("resource"));
    w.command(CRM, "delete", "/contacts/a%40wa.gw.msging.net");
    assertTrue(blip.bot().contacts().isEmpty());
  }

  @Test
  void contactFiltersAndPaging(FakeBlip blip) throws Exception {
    FakeBot bot = blip.bot();
    bot.seedContact(Map.of("identity", "1@wa.gw.msging.net", "name", "John Doe", "lastMessageDate", "2021-09-02T10:00:00.000Z"));
    bot.seedContact(Map.of("identity", "2@wa.gw.msging.net", "name", "Johnny", "lastMessageDate", "2021-08-01T10:00:00.000Z"));
    bot.seedContact(Map.of("identity", "3@wa.gw.msging.net", "name", "Mary John", "lastMessageDate", "2021-09-05T10:00:00.000Z"));
    Wire w = new Wire(blip);
    assertEquals(List.of("1", "2"), names(w, "/contacts?$filter=(startswith(name%2C'John'))"));
    assertEquals(List.of("1"), names(w, "/contacts?$filter=(name%20eq%20'John Doe')"));
    assertEquals(List.of("2", "3"), names(w, "/contacts?$filter=(name%20ne%20'John Doe')"));
    assertEquals(List.of("1", "3"), names(w, "/contacts?$filter=(substringof('John '%2Cname))%20or%20(name%20eq%20'Mary John')"));
    assertEquals(List.of("1", "3"),
        names(w, "/contacts?$filter=(lastmessagedate%20ge%20datetimeoffset'2021-09-01T13%3A38%3A00.000Z')"));
    assertEquals(List.of("3"), names(w, "/contacts?$filter=(lastmessagedate%20ge%20datetimeoffset'2021-09-01T00%3A00%3A00.000Z')"
        + "%20and%20(startswith(name%2C'Mary'))"));
    Map<String, Object> page = w.command(CRM, "get", "/contacts?$skip=1&$take=1");
    Map<String, Object> res = map(page.get("resource"));
    assertEquals("application/vnd.lime.collection+json", page.get("type"));
    assertEquals("application/vnd.lime.contact+json", res.get("itemType"));
    assertEquals(3.0, res.get("total"));
    assertEquals(1, list(res.get("items")).size());
    assertEquals("failure", w.command(CRM, "get", "/contacts?$take=30001").get("status"));
    assertEquals("failure", w.command(CRM, "get", "/contacts?$skip=9990&$take=20&$filter=(name%20eq%20'x')").get("status"));
  }

  private static List<String> names(Wire w, String uri) throws Exception {
    Map<String, Object> r = w.command(CRM, "get", uri);
    assertEquals("success", r.get("status"), String.valueOf(r));
    return list(map(r.get("resource")).get("items")).stream()
        .map(i -> String.valueOf(map(i).get("identity")).split("@")[0]).toList();
  }

  @Test
  void accountLookupFollowsThePlusRule(FakeBlip blip) throws Exception {
    blip.bot().addWhatsAppAccount("+5531988889999", "John Doe").markNotOnWhatsApp("+5531900000000");
    Wire w = new Wire(blip);
    Map<String, Object> ok = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/+5531988889999");
    assertEquals("lime://wa.gw.msging.net/accounts/+5531988889999", map(ok.get("metadata")).get("#command.uri"));
    assertEquals("application/vnd.lime.account+json", ok.get("type"));
    Map<String, Object> acc = map(ok.get("resource"));
    assertEquals("5531988889999@wa.gw.msging.net", acc.get("alternativeAccount"));
    assertEquals("+5531988889999", acc.get("phoneNumber"));
    assertEquals("John Doe", acc.get("fullName"));
    Map<String, Object> no = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/+5531900000000");
    assertEquals("failure", no.get("status"));
    assertEquals(67.0, map(no.get("reason")).get("code"));
    assertEquals("success", w.command(WA, "get", "lime://wa.gw.msging.net/accounts/5531900000000").get("status"),
        "without + every lookup succeeds");
    Map<String, Object> bad = w.command(WA, "get", "lime://wa.gw.msging.net/accounts/+abc");
    assertEquals(Map.of("code", 61.0, "description", "The string supplied did not seem to be a phone number"),
        bad.get("reason"));
  }

  @Test
  void templatesListInMetaShape(FakeBlip blip) throws Exception {
    blip.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}"));
    blip.seedTemplate(FakeTemplate.builder("promo", "pt_BR").status("PENDING").body("x").build());
    Map<String, Object> r = new Wire(blip).command(WA, "get", "/message-templates?status=Approved");
    List<Object> data = list(map(r.get("resource")).get("data"));
    assertEquals(1, data.size());
    assertEquals("APPROVED", map(data.get(0)).get("status"));
    assertEquals("welcome", map(data.get(0)).get("name"));
    Map<String, Object> byName = new Wire(blip).command(WA, "get", "/message-templates?templateName=promo&$take=200");
    assertEquals(1, list(map(byName.get("resource")).get("data")).size());
  }

  @Test
  void contextsSetGetDeleteWithExpiration(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    w.command("postmaster@msging.net", "set", "/contexts/a%40wa.gw.msging.net/Master-State", "text/plain", "sub@msging.net");
    Map<String, Object> got = w.command(null, "get", "/contexts/a%40wa.gw.msging.net/master-state");
    assertEquals("sub@msging.net", got.get("resource"));
    assertEquals("text/plain", got.get("type"));
    w.command(null, "set", "/contexts/a%40wa.gw.msging.net/temp?expiration=60000", "text/plain", "v");
    Map<String, Object> names = w.command(null, "get", "/contexts/a%40wa.gw.msging.net");
    assertEquals(2, list(map(names.get("resource")).get("items")).size());
    blip.clock().advance(java.time.Duration.ofSeconds(61));
    assertEquals(67.0, map(w.command(null, "get", "/contexts/a%40wa.gw.msging.net/temp").get("reason")).get("code"));
    w.command(null, "delete", "/contexts/a%40wa.gw.msging.net/Master-State");
    assertNull(blip.bot().context("a@wa.gw.msging.net", "Master-State"));
  }
}
