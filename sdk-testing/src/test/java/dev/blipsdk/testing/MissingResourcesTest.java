package dev.blipsdk.testing;

import static dev.blipsdk.testing.Wire.list;
import static dev.blipsdk.testing.Wire.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resources a third-party npm client of Blip's HTTP API found missing ({@code 62 The resource is not supported}):
 * buckets, media, attendance hours, event tracking; driven over the raw wire, nothing from the SDK.
 */
@ExtendWith(FakeBlipExtension.class)
class MissingResourcesTest {
  static final String MSGING = "postmaster@msging.net";
  static final String MEDIA = "postmaster@media.msging.net";
  static final String DESK = "postmaster@desk.msging.net";
  static final String ANALYTICS = "postmaster@analytics.msging.net";

  @Test
  void bucketsStoreReadListDeleteAndExpireInFakeTime(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    // the documented example: any type; the id is URI-escaped ("abcdé 1234") and decoded once
    assertEquals("success", w.command(MSGING, "set", "/buckets/abcd%c3%a9%201234", "application/json",
        Map.of("key1", "value1", "key2", 2)).get("status"));
    assertEquals("success", w.command(null, "set", "/buckets/session?expiration=30000",
        "application/x-my-type+json", Map.of("step", "welcome")).get("status"));
    Map<String, Object> read = w.command(MSGING, "get", "/buckets/abcd%C3%A9%201234");
    assertEquals("application/json", read.get("type"));
    assertEquals(2.0, map(read.get("resource")).get("key2"));
    Map<String, Object> keys = map(w.command(MSGING, "get", "/buckets?$skip=0&$take=100").get("resource"));
    assertEquals("text/plain", keys.get("itemType"));
    assertEquals(List.of("abcdé 1234", "session"), keys.get("items"));
    assertEquals("application/x-my-type+json", w.command(null, "get", "/buckets/session").get("type"));

    blip.clock().advance(Duration.ofSeconds(30));
    Map<String, Object> expired = w.command(MSGING, "get", "/buckets/session");
    assertEquals("failure", expired.get("status"));
    assertEquals(67.0, map(expired.get("reason")).get("code"));
    assertNull(blip.bot().bucket("session"));
    assertEquals("success", w.command(MSGING, "delete", "/buckets/abcd%C3%A9%201234").get("status"));
    assertEquals(0.0, map(w.command(MSGING, "get", "/buckets").get("resource")).get("total"));
    assertEquals(64.0, map(w.command(MSGING, "set", "/buckets/x?expiration=soon", "text/plain", "v")
        .get("reason")).get("code"));
  }

  @Test
  void mediaIsUploadedServedBackAndRefreshedInBothShapes(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    Map<String, Object> uri = w.command(MEDIA, "get", "/upload-media-uri?secure=true");
    assertEquals("text/plain", uri.get("type"));
    String upload = (String) uri.get("resource");
    assertTrue(upload.startsWith(blip.baseUrl()), upload);
    byte[] bytes = "%PDF-1.4 fake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String url;
    try (Response r = Wire.HTTP.newCall(new Request.Builder().url(upload)
        .post(RequestBody.create(bytes, MediaType.get("application/pdf"))).build()).execute()) {
      assertEquals(200, r.code());
      url = (String) new Wire(blip).readJson(r.body().string()).get("mediaUri");
    }
    try (Response again = Wire.HTTP.newCall(new Request.Builder().url(upload)
        .post(RequestBody.create(bytes, MediaType.get("application/pdf"))).build()).execute()) {
      assertEquals(403, again.code(), "an upload URL is used once");
    }
    try (Response r = Wire.HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertEquals("application/pdf", r.header("Content-Type"));
      assertArrayEquals(bytes, r.body().bytes());
    }
    try (Response r = Wire.HTTP.newCall(new Request.Builder().url(url).head().build()).execute()) {
      assertEquals(200, r.code());
      assertEquals(String.valueOf(bytes.length), r.header("Content-Length"));
    }
    blip.clock().advance(Duration.ofMinutes(30));
    try (Response r = Wire.HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertEquals(403, r.code());
    }
    String refreshed = (String) w.command(MEDIA, "set", "/refresh-media-uri", "text/plain", url).get("resource");
    assertNotEquals(url, refreshed);
    String id = (String) blip.bot().uploadedMedia().get(0).get("id");
    String byId = (String) w.command(MEDIA, "get", "/refresh-media-uri/" + id + "?foo=bar").get("resource");
    for (String u : List.of(refreshed, byId)) {
      try (Response r = Wire.HTTP.newCall(new Request.Builder().url(u).build()).execute()) {
        assertEquals(200, r.code());
      }
    }
    assertEquals(67.0, map(w.command(MEDIA, "get", "/refresh-media-uri/Media_none").get("reason")).get("code"));
  }

  @Test
  void attendanceHoursAreSeededReadAndEdited(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    String id = blip.bot().putAttendanceHours(Map.of("attendanceHour", Map.of("title", "Regular", "isMain", true),
        "attendanceHourScheduleItems", List.of(Map.of("dayOfWeek", 1, "startTime", "8:00", "endTime", "18:00"))));
    Map<String, Object> got = w.command(DESK, "get", "/attendance-hour-container/" + id);
    assertEquals("application/vnd.iris.desk.attendance-hour-container+json", got.get("type"));
    Map<String, Object> c = map(got.get("resource"));
    assertEquals("E. South America Standard Time", map(c.get("attendanceHour")).get("timeZoneId"));
    Map<String, Object> item = map(list(c.get("attendanceHourScheduleItems")).get(0));
    assertEquals("Monday", item.get("dayOfWeek"));
    assertEquals("08:00:00", item.get("startTime"));
    // edit with set /attendance-hour, then list the headers
    Map<String, Object> edited = new java.util.LinkedHashMap<>(c);
    edited.put("attendanceHourScheduleItems", List.of(Map.of("dayOfWeek", "Tuesday", "startTime", "09:00:00",
        "endTime", "17:00:00")));
    assertEquals("success", w.command(DESK, "set", "/attendance-hour",
        "application/vnd.iris.desk.attendance-hour-container+json", edited).get("status"));
    assertEquals("Tuesday", map(list(blip.bot().attendanceHours().get(0).get("attendanceHourScheduleItems")).get(0))
        .get("dayOfWeek"));
    Map<String, Object> headers = map(w.command(DESK, "get", "/attendance-hour?$skip=0&$take=999").get("resource"));
    assertEquals("Regular", map(list(headers.get("items")).get(0)).get("title"));
    assertEquals(64.0, map(w.command(DESK, "set", "/attendance-hour", "application/json", Map.of("attendanceHour",
        Map.of("title", "X"), "attendanceHourScheduleItems", List.of(Map.of("dayOfWeek", "Funday",
            "startTime", "08:00", "endTime", "09:00")))).get("reason")).get("code"));
    assertEquals("success", w.command(DESK, "delete", "/attendance-hour/" + id).get("status"));
    assertEquals(67.0, map(w.command(DESK, "get", "/attendance-hour-container/" + id).get("reason")).get("code"));
  }

  @Test
  void eventTrackingIsRecordedAndInspectable(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    Map<String, Object> event = Map.of("category", "payments", "action", "success-order",
        "contact", Map.of("identity", "123456@messenger.gw.msging.net"), "extras", Map.of("orderId", "42"));
    Map<String, Object> r = w.command(ANALYTICS, "set", "/event-track", "application/vnd.iris.eventTrack+json", event);
    assertEquals("success", r.get("status"));
    assertNull(r.get("resource"));
    w.command(ANALYTICS, "set", "/event-track", "application/vnd.iris.eventTrack+json",
        Map.of("category", "payments", "action", "success-order"));
    List<Map<String, Object>> tracked = blip.bot().trackedEvents();
    assertEquals(2, tracked.size());
    assertEquals("42", map(tracked.get(0).get("extras")).get("orderId"));
    assertTrue(tracked.get(0).containsKey("storageDate"));
    Map<String, Object> counts = map(w.command(ANALYTICS, "get", "/event-track/payments").get("resource"));
    assertEquals("2", map(list(counts.get("items")).get(0)).get("count"), "count is a string, as documented");
    assertEquals(1, list(map(w.command(ANALYTICS, "get", "/event-track").get("resource")).get("items")).size());
    assertEquals(64.0, map(w.command(ANALYTICS, "set", "/event-track", "application/vnd.iris.eventTrack+json",
        Map.of("category", "payments")).get("reason")).get("code"));
  }

  @Test
  void readyRepliesAndTheThreadList(FakeBlip blip) throws Exception {
    Wire w = new Wire(blip);
    w.command(DESK, "set", "/replies/greetings", "application/vnd.lime.collection+json", Map.of(
        "itemType", "application/vnd.iris.desk.custom-reply+json", "items", List.of(Map.of("category", "Greetings",
            "name", "Hi friend", "document", "Some text", "type", "text/plain", "isDynamicContent", false))));
    Map<String, Object> all = map(w.command(DESK, "get", "/replies").get("resource"));
    assertEquals(Map.of("id", "greetings", "category", "Greetings", "isDynamicContent", false),
        list(all.get("items")).get(0));
    assertEquals("Hi friend", map(list(map(w.command(DESK, "get", "/replies/greetings").get("resource"))
        .get("items")).get(0)).get("name"));
    blip.simulateCustomerReply("5531999998888@wa.gw.msging.net", "Oi");
    blip.clock().advance(Duration.ofMinutes(1));
    blip.simulateCustomerReply("5511988887777@wa.gw.msging.net", "Olá");
    Map<String, Object> threads = map(w.command(null, "get", "/threads").get("resource"));
    List<Object> items = list(threads.get("items"));
    assertEquals("5511988887777@wa.gw.msging.net", map(items.get(0)).get("identity"), "most recent first");
    assertEquals("received", map(map(items.get(0)).get("lastMessage")).get("direction"));
  }

  @Test
  void theDemoContactsCarryWhatRealContactsCarry() throws Exception {
    try (FakeBlip blip = FakeBlipMain.start(0, RateLimits.none())) {
      Map<String, Object> ana = blip.bot().contact("5531999998888@wa.gw.msging.net");
      for (String field : List.of("lastMessageDate", "lastUpdateDate", "phoneNumber", "source")) {
        assertTrue(ana.containsKey(field), field);
      }
      assertEquals("+5531999998888", ana.get("phoneNumber"));
      assertEquals("WhatsApp", ana.get("source"));
      assertTrue(String.valueOf(ana.get("lastMessageDate")).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z"));
      assertEquals(2, blip.bot().attendanceHours().size());
      assertEquals(2, blip.bot().readyReplies("saudacoes").size());
    }
  }
}
