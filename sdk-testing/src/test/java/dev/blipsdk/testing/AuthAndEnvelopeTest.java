package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §1.2 headers and bots, §1.3 status codes, §1.4 response rules, §7.1 routing, over raw HTTP. */
class AuthAndEnvelopeTest {
  static final String GET_CONTACTS = "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}";
  FakeBlip blip;

  @BeforeEach
  void start() {
    blip = FakeBlip.builder().bot("alpha", "ka").routerBot("router", "kr").serviceBot("sub", "ks").start();
  }

  @AfterEach
  void stop() {
    blip.close();
  }

  static String key(String id, String secret) {
    return "Key " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void missingOrWrongAuthorizationIs401AndNothingIsRecorded() throws Exception {
    assertEquals(401, new Wire(blip.baseUrl(), null).post("/commands", GET_CONTACTS).code());
    assertEquals(401, new Wire(blip.baseUrl(), key("alpha", "wrong")).post("/commands", GET_CONTACTS).code());
    assertEquals(401, new Wire(blip.baseUrl(), key("nobody", "ka")).post("/messages", GET_CONTACTS).code());
    assertEquals(401, new Wire(blip.baseUrl(), "Bearer " + key("alpha", "ka").substring(4))
        .post("/commands", GET_CONTACTS).code(), "only the Key scheme");
    assertEquals(401, new Wire(blip.baseUrl(), "Key").post("/notifications", GET_CONTACTS).code());
    assertEquals(200, new Wire(blip.baseUrl(), key("alpha", "ka")).post("/commands", GET_CONTACTS).code());
    assertEquals(200, new Wire(blip.baseUrl(), "key " + key("alpha", "ka").substring(4))
        .post("/commands", GET_CONTACTS).code(), "scheme name ignores case");
    assertEquals(2, blip.receivedEnvelopes().size(), "the 401s are not recorded");
    assertEquals(7, blip.httpRequestCount());
  }

  @Test
  void eachBotHasItsOwnKeyAndItsOwnState() throws Exception {
    assertEquals("alpha", blip.identifier(), "the first bot is the default");
    Wire alpha = Wire.of(blip.bot("alpha"), blip);
    Wire router = Wire.of(blip.bot("router"), blip);
    alpha.command("postmaster@crm.msging.net", "set", "/contacts", "application/vnd.lime.contact+json",
        Map.of("identity", "a@wa.gw.msging.net", "name", "A"));
    assertEquals(1, blip.bot("alpha").contacts().size());
    assertTrue(blip.bot("router").contacts().isEmpty());
    Map<String, Object> fromRouter = router.command("postmaster@crm.msging.net", "get", "/contacts/a%40wa.gw.msging.net");
    assertEquals(67.0, map(fromRouter.get("reason")).get("code"), "the router does not see alpha's contact");
    assertEquals("router@msging.net", fromRouter.get("to"));
    assertEquals("lime://router@msging.net/contacts/a%40wa.gw.msging.net",
        map(fromRouter.get("metadata")).get("#command.uri"));
    assertEquals("alpha", blip.receivedEnvelopes().get(0).bot());
    assertEquals("router", blip.receivedEnvelopes().get(1).bot());
  }

  @Test
  void routerKeyCannotReachAttendantsOrRules() throws Exception {
    Wire router = Wire.of(blip.bot("router"), blip);
    for (String uri : new String[] {"/attendants", "/rules"}) {
      Map<String, Object> r = router.command("postmaster@desk.msging.net", "get", uri);
      assertEquals("failure", r.get("status"));
      assertEquals("The requested resource was not found", map(r.get("reason")).get("description"));
    }
    Map<String, Object> asBot = Wire.of(blip.bot("alpha"), blip).command("postmaster@desk.msging.net", "get", "/attendants");
    assertEquals("success", asBot.get("status"));
    assertEquals("success", router.command("postmaster@wa.gw.msging.net", "get", "/message-templates").get("status"),
        "the router owns the WhatsApp number");
  }

  @Test
  void serviceBotKeyCannotListTemplates() throws Exception {
    Wire sub = Wire.of(blip.bot("sub"), blip);
    Map<String, Object> r = sub.command("postmaster@wa.gw.msging.net", "get", "/message-templates");
    assertEquals("failure", r.get("status"));
    assertEquals("Could not determine the WhatsApp WhatsAppBusinessAccountId for the specified sender.",
        map(r.get("reason")).get("description"));
    assertEquals("success", sub.command("postmaster@desk.msging.net", "get", "/attendants").get("status"),
        "the service bot owns Desk");
  }

  @Test
  void malformedEnvelopesAre400() throws Exception {
    Wire w = new Wire(blip);
    assertEquals(400, w.post("/commands", "{not json").code());
    assertEquals(400, w.post("/commands", "[1,2]").code());
    assertEquals(400, w.post("/commands", "{\"id\":\"1\",\"method\":\"get\"}").code(), "no uri");
    assertEquals(400, w.post("/commands", "{\"id\":\"1\",\"uri\":\"/contacts\"}").code(), "no method");
    assertEquals(400, w.post("/commands", "{\"method\":\"get\",\"uri\":\"/contacts\"}").code(), "no id");
    assertEquals(400, w.post("/messages", "{\"id\":\"m\",\"type\":\"text/plain\",\"content\":\"x\"}").code(), "no to");
    assertEquals(400, w.post("/notifications", "{\"id\":\"m\"}").code(), "no event");
    assertEquals(404, w.post("/nope", GET_CONTACTS).code());
    assertTrue(blip.receivedEnvelopes().isEmpty());
  }

  @Test
  void responseCommandFollowsTheRules() throws Exception {
    Wire w = new Wire(blip);
    Map<String, Object> unknown = w.command("postmaster@msging.net", "get", "/no-such-resource");
    assertEquals("failure", unknown.get("status"));
    assertEquals(Map.of("code", 62.0, "description", "The resource is not supported"), unknown.get("reason"));
    assertEquals("get", unknown.get("method"));
    assertEquals("postmaster@msging.net/#emu", unknown.get("from"));
    assertEquals("alpha@msging.net", unknown.get("to"));
    // a known uri on the wrong extension is unknown too (routing by to, §7.1)
    assertEquals(62.0, map(w.command("postmaster@desk.msging.net", "get", "/contacts").get("reason")).get("code"));
    // without to, an absolute uri's authority routes it, and from names that extension
    Map<String, Object> account = w.command(null, "get", "lime://wa.gw.msging.net/accounts/+5531988889999");
    assertEquals("success", account.get("status"));
    assertEquals("postmaster@wa.gw.msging.net/#emu", account.get("from"));
    Map<String, Object> missing = w.command("postmaster@desk.msging.net", "get", "/ticket/0000");
    assertEquals(Map.of("code", 67.0, "description", "The requested resource was not found"), missing.get("reason"));
    // set answers carry no resource; get answers carry type and resource
    Map<String, Object> set = w.command("postmaster@crm.msging.net", "set", "/contacts",
        "application/vnd.lime.contact+json", Map.of("identity", "x@wa.gw.msging.net"));
    assertNull(set.get("resource"));
    assertNull(set.get("type"));
    Map<String, Object> page = w.command("postmaster@crm.msging.net", "get", "/contacts?$skip=0&$take=3");
    assertEquals("lime://alpha@msging.net/contacts?$skip=0&$take=3", map(page.get("metadata")).get("#command.uri"));
    assertEquals(1, list(map(page.get("resource")).get("items")).size());
  }
}
