package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipCommandException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Attendance hours read from (and written to) FakeBlip's Desk over HTTP, and the escalation decision. */
class AttendanceHoursHttpTest {
  private final DeskFixture f = new DeskFixture();   // clock: Monday 2024-05-06 12:00Z, 09:00 in São Paulo
  private final Identity customer = Identity.parse("5531999998888@wa.gw.msging.net");

  @AfterEach
  void close() {
    f.close();
  }

  static Map<String, Object> item(Object day, String start, String end) {
    return Map.of("dayOfWeek", day, "startTime", start, "endTime", end);
  }

  static Instant at(String text) {
    return BusinessHoursTest.at(text);
  }

  /** The logged live response of wave2-api-shapes.md §2.2 (third-party file 61984736073), ids shortened. */
  static final String LIVE = """
      {"attendanceHour":{"id":"0eba8147-5a1c-4c1f-9d55-6f0e2f3f7a10","title":"Horário Regular","description":"",
        "isMain":true,"ownerIdentity":"bot@msging.net","storageDate":"2026-04-15T12:52:17.114Z",
        "modifyDate":"2026-05-05T21:25:36.473Z","timeZoneId":"Central Standard Time (Mexico)"},
       "attendanceHourScheduleItems":[{"id":"f6e4c353-1","startTime":"11:00:00","endTime":"20:00:00",
        "dayOfWeek":"Monday"}],
       "attendanceHourOffItems":[],"queues":[],"attendants":[]}""";

  @Test
  void theLiveShapeDecodesThroughThePublicPathAndKeepsTheDocument() {
    JsonDocument doc = JsonDocument.parse(LIVE);
    AttendanceHourContainer c = AttendanceHours.read(doc);
    assertEquals("0eba8147-5a1c-4c1f-9d55-6f0e2f3f7a10", c.id());
    assertTrue(c.isMain());
    assertEquals("", c.attendanceHour().description(), "an empty string stays empty");
    assertEquals(ZoneId.of("America/Mexico_City"), c.zone().orElseThrow());
    assertEquals(doc, c.raw());
    BusinessHours h = c.businessHours();
    assertEquals("[11:00-20:00]", h.intervals(DayOfWeek.MONDAY).toString());
    assertTrue(h.isOpen(at("2026-05-04T12:00:00-06:00")));
    // the same document stored in the fake and read back with get /attendance-hour-container/{id}
    String id = f.fake.bot().putAttendanceHours(doc.asMap());
    assertEquals(h, f.desk.attendanceHours().get(id).businessHours());
  }

  /**
   * A rule as Desk's portal writes it: the container of the portal-bundle analysis (third-party file 69687273140,
   * §5.2 {@code setAttendanceHourContainer}: queues and attendants as {@code {id, description}}, schedule items with
   * {@code scheduleId}), schedule items with the portal's screen fields {@code danger} and {@code errorMessage}
   * (third-party file 28863237013, a C# {@code AttendanceHourItem} written to Desk) and a queue with the
   * {@code attendanceHourId} the analysis shows on queues (§5.7). Ids shortened.
   */
  static final String PORTAL = """
      {"attendanceHour":{"id":"4c1f0e2a-7d3b-4f7e-9a51-2b8c6d0e9f13","title":"Comercial","description":"",
        "isMain":false,"timeZoneId":"E. South America Standard Time"},
       "queues":[{"id":"b7e6a1f0-0c2d","description":"Vendas","attendanceHourId":"4c1f0e2a-7d3b-4f7e-9a51-2b8c6d0e9f13"}],
       "attendants":[{"id":"ana%40example.com@blip.ai","description":"ana@example.com"}],
       "attendanceHourScheduleItems":[{"id":"9d3e-1","dayOfWeek":"Monday","startTime":"08:00","endTime":"12:00",
        "danger":false,"errorMessage":"","scheduleId":1}],
       "attendanceHourOffItems":[{"id":"77aa-1","reason":"Feriado","startDate":"2026-12-25T00:00:00.000Z",
        "endDate":"2026-12-25T23:59:00.000Z"}]}""";

  /**
   * The same rule with the variations a client of Desk writes: {@code AttendanceHourOffItems} capitalised (the C#
   * {@code ServiceHourDocument} of third-party file 28453664672 has no {@code JsonProperty} on that list, so
   * Newtonsoft writes it so) and the {@code timeZoneMap} the live-response script of third-party file 61984736073
   * reads from the header, here a JSON null.
   */
  static final String CLIENT_WRITTEN = PORTAL.replace("\"attendanceHourOffItems\"", "\"AttendanceHourOffItems\"")
      .replace("\"isMain\":false,", "\"isMain\":false,\"timeZoneMap\":null,");

  @Test
  void everyPartKeepsItsDocumentAndACopyWritesBackWhatTheSdkDoesNotModel() {
    AttendanceHourContainer c = AttendanceHours.read(JsonDocument.parse(CLIENT_WRITTEN));
    assertEquals(1, c.attendanceHourOffItems().size(), "a capitalised member is read");
    assertEquals("Feriado", c.attendanceHourOffItems().get(0).reason());
    assertEquals("", c.attendanceHour().description(), "blank stays blank");
    assertTrue(c.attendanceHour().raw().member("timeZoneMap").orElseThrow().isNull(), "a JSON null is kept");
    AttendanceHourContainer.ScheduleItem item = c.attendanceHourScheduleItems().get(0);
    assertEquals("1", item.raw().member("scheduleId").orElseThrow().json());
    assertEquals("\"\"", item.raw().member("errorMessage").orElseThrow().json(), "blank stays blank");
    assertEquals("\"4c1f0e2a-7d3b-4f7e-9a51-2b8c6d0e9f13\"",
        c.queues().get(0).raw().member("attendanceHourId").orElseThrow().json());
    assertEquals("ana@example.com", c.attendants().get(0).description());

    // a copy with one more queue: every level keeps its unmodelled members, nothing is written twice
    JsonDocument wire = JsonDocument.of(c.withQueues(List.of(c.queues().get(0),
        new AttendanceHourContainer.Ref("suporte", "Suporte"))));
    assertEquals(List.of("attendanceHour", "attendanceHourScheduleItems", "attendanceHourOffItems", "queues",
        "attendants"), List.copyOf(wire.fields().keySet()), "AttendanceHourOffItems is written once, in Desk's case");
    JsonDocument header = wire.member("attendanceHour").orElseThrow();
    assertTrue(header.member("timeZoneMap").orElseThrow().isNull());
    assertEquals("\"\"", header.member("description").orElseThrow().json());
    Map<String, Object> written = item(wire, "attendanceHourScheduleItems");
    assertEquals(Map.of("id", "9d3e-1", "dayOfWeek", "Monday", "startTime", "08:00", "endTime", "12:00",
        "danger", false, "errorMessage", "", "scheduleId", 1.0), written);
    assertEquals("4c1f0e2a-7d3b-4f7e-9a51-2b8c6d0e9f13", item(wire, "queues").get("attendanceHourId"));
    assertEquals(List.of("Vendas", "Suporte"), wire.member("queues").orElseThrow().asCollection().items().stream()
        .map(q -> q.asMap().get("description")).toList());

    // new hours replace the schedule and the days off, and keep the header's and the rule's other members
    AttendanceHourContainer moved = c.withBusinessHours(BusinessHours.parse(ZoneId.of("Europe/London"),
        "seg-sex: 09:00-17:00"), LocalDate.of(2026, 5, 4));
    JsonDocument movedWire = JsonDocument.of(moved);
    JsonDocument movedHeader = movedWire.member("attendanceHour").orElseThrow();
    assertEquals("\"GMT Standard Time\"", movedHeader.member("timeZoneId").orElseThrow().json());
    assertTrue(movedHeader.member("timeZoneMap").orElseThrow().isNull());
    assertEquals(Map.of("dayOfWeek", "Monday", "startTime", "09:00:00", "endTime", "17:00:00"),
        item(movedWire, "attendanceHourScheduleItems"));
    assertEquals(0, movedWire.member("attendanceHourOffItems").orElseThrow().asCollection().items().size());
    assertEquals("Vendas", item(movedWire, "queues").get("description"));
  }

  /** The first item of a list member of a written rule, as a tree. */
  static Map<String, Object> item(JsonDocument wire, String list) {
    return wire.member(list).orElseThrow().asCollection().items().get(0).asMap();
  }

  @Test
  void aRuleReadFromDeskIsSavedBackWithEverythingItDoesNotModel() {
    String id = f.fake.bot().putAttendanceHours(JsonDocument.parse(PORTAL).asMap());
    AttendanceHours hours = f.desk.attendanceHours();
    AttendanceHourContainer.Header listed = hours.list().get(0);
    assertEquals("Comercial", listed.title());
    assertEquals("\"\"", listed.raw().member("description").orElseThrow().json(), "the header keeps the item listed");
    assertTrue(listed.raw().member("modifyDate").isPresent());
    AttendanceHourContainer read = hours.get(id);
    assertEquals("1", read.attendanceHourScheduleItems().get(0).raw().member("scheduleId").orElseThrow().json());

    hours.save(read.withQueues(List.of(read.queues().get(0), new AttendanceHourContainer.Ref("suporte", "Suporte"))));
    JsonDocument sent = JsonDocument.parse(f.fake.receivedEnvelopes().stream()
        .filter(e -> "/attendance-hour".equals(e.field("uri"))).reduce((a, b) -> b).orElseThrow().json())
        .member("resource").orElseThrow();
    assertEquals(Map.of("id", "9d3e-1", "dayOfWeek", "Monday", "startTime", "08:00:00", "endTime", "12:00:00",
        "danger", false, "errorMessage", "", "scheduleId", 1.0), item(sent, "attendanceHourScheduleItems"),
        "as read (the fake answers HH:mm:ss), the portal's members included");
    AttendanceHourContainer back = hours.get(id);
    assertEquals(List.of("Vendas", "Suporte"), back.queues().stream().map(AttendanceHourContainer.Ref::description)
        .toList());
    assertEquals("\"4c1f0e2a-7d3b-4f7e-9a51-2b8c6d0e9f13\"",
        back.queues().get(0).raw().member("attendanceHourId").orElseThrow().json());
    assertEquals("\"\"", back.attendanceHourScheduleItems().get(0).raw().member("errorMessage").orElseThrow().json());
  }

  /**
   * {@code get /attendance-hour} lists headers (third-party file 69687273140, §5.1); a whole rule in the list is
   * tolerated, its {@code attendanceHour} found without regard to case.
   */
  @Test
  void aListItemIsAHeaderOrAWholeRule() {
    JsonDocument header = JsonDocument.parse(LIVE).member("attendanceHour").orElseThrow();
    AttendanceHourContainer.Header h = AttendanceHours.header(header);
    assertEquals("Horário Regular", h.title());
    assertEquals(header, h.raw());
    JsonDocument rule = JsonDocument.parse(LIVE.replace("\"attendanceHour\":", "\"AttendanceHour\":"));
    AttendanceHourContainer.Header inRule = AttendanceHours.header(rule);
    assertEquals("0eba8147-5a1c-4c1f-9d55-6f0e2f3f7a10", inRule.id());
    assertTrue(inRule.isMain());
    assertEquals(rule.member("attendanceHour").orElseThrow(), inRule.raw(), "the header's own document");
  }

  @Test
  void aWeekAcrossTheSaoPauloDaylightSavingStartOf2018() {
    // Brasília time still had DST in 2018: on Sunday 2018-11-04 clocks jumped from 00:00 to 01:00
    List<Object> items = new ArrayList<>();
    for (String d : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")) {
      items.add(item(d, "08:00:00", "18:00:00"));
    }
    items.add(item("Saturday", "22:00:00", "23:59:00"));   // the portal's way of writing "until midnight"
    items.add(item("Sunday", "00:00:00", "02:00:00"));     // 00:00 does not exist that Sunday
    String id = f.fake.bot().putAttendanceHours(Map.of("attendanceHour", Map.of("title", "SP", "isMain", true,
        "timeZoneId", "E. South America Standard Time"), "attendanceHourScheduleItems", items));
    BusinessHours hours = f.desk.attendanceHours().get(id).businessHours();
    assertEquals(ZoneId.of("America/Sao_Paulo"), hours.zone());
    List<String> expected = List.of(
        "2018-10-29T11:00:00Z/2018-10-29T21:00:00Z", "2018-10-30T11:00:00Z/2018-10-30T21:00:00Z",
        "2018-10-31T11:00:00Z/2018-10-31T21:00:00Z", "2018-11-01T11:00:00Z/2018-11-01T21:00:00Z",
        "2018-11-02T11:00:00Z/2018-11-02T21:00:00Z",
        "2018-11-04T01:00:00Z/2018-11-04T04:00:00Z",   // Sat 22:00-03 to Sun 02:00-02, through the jump
        "2018-11-05T10:00:00Z/2018-11-05T20:00:00Z");  // Monday 08:00 is now -02:00
    assertEquals(expected, week(hours, at("2018-10-29T00:00:00-03:00"), 7));
    assertTrue(hours.isOpen(at("2018-11-04T03:30:00Z")));     // 01:30 -02:00
    assertTrue(hours.isOpen(at("2018-11-04T02:59:00Z")));     // 23:59 -03:00 on Saturday
  }

  @Test
  void aWeekAcrossTheLisbonDaylightSavingEndOf2024() {
    // Portugal: on Sunday 2024-10-27 clocks went back from 02:00 to 01:00
    List<Object> items = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      items.add(item(d, "09:00", "17:00"));                  // the legacy portal: .NET day numbers and HH:mm
    }
    items.add(item(6, "20:00", "24:00"));
    items.add(item(0, "00:00", "03:00"));                    // Sunday; 01:00-02:00 happens twice
    String id = f.fake.bot().putAttendanceHours(Map.of("attendanceHour", Map.of("title", "PT", "isMain", true,
        "timeZoneId", "GMT Standard Time"), "attendanceHourScheduleItems", items));
    AttendanceHourContainer rule = f.desk.attendanceHours().get(id);
    assertEquals("Monday", rule.attendanceHourScheduleItems().get(0).dayOfWeek(), "the fake emits day names");
    List<String> expected = List.of(
        "2024-10-21T08:00:00Z/2024-10-21T16:00:00Z", "2024-10-22T08:00:00Z/2024-10-22T16:00:00Z",
        "2024-10-23T08:00:00Z/2024-10-23T16:00:00Z", "2024-10-24T08:00:00Z/2024-10-24T16:00:00Z",
        "2024-10-25T08:00:00Z/2024-10-25T16:00:00Z",
        "2024-10-26T19:00:00Z/2024-10-27T03:00:00Z",   // Sat 20:00+01 to Sun 03:00+00: eight hours
        "2024-10-28T09:00:00Z/2024-10-28T17:00:00Z");  // Monday 09:00 is now +00:00
    Instant monday = at("2024-10-21T00:00:00+01:00");
    // "GMT Standard Time" stands for Europe/London in CLDR; Lisbon keeps the same rules
    assertEquals(expected, week(rule.businessHours(), monday, 7));
    assertEquals(expected, week(rule.businessHours(ZoneId.of("Europe/Lisbon")), monday, 7));
  }

  /** The open stretches from an instant: opening/closing pairs, walked with nextOpening and nextClosing. */
  static List<String> week(BusinessHours hours, Instant from, int stretches) {
    List<String> out = new ArrayList<>();
    Instant t = from;
    for (int i = 0; i < stretches; i++) {
      Instant open = hours.nextOpening(t).orElseThrow();
      Instant close = hours.nextClosing(open).orElseThrow();
      assertTrue(hours.isOpen(open) && !hours.isOpen(close) && hours.isOpen(close.minusSeconds(1)));
      assertTrue(!hours.isOpen(open.minusSeconds(1)));
      out.add(open + "/" + close);
      t = close;
    }
    return out;
  }

  @Test
  void aQueueWithItsOwnRuleOverridesTheMainOneInTheEscalation() {
    List<Object> main = new ArrayList<>();
    List<Object> support = new ArrayList<>();
    for (String d : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")) {
      main.add(item(d, "08:00:00", "18:00:00"));
      support.add(item(d, "07:00:00", "22:00:00"));
    }
    f.fake.bot().putAttendanceHours(Map.of("attendanceHour", Map.of("title", "Regular", "isMain", true,
        "timeZoneId", "E. South America Standard Time"), "attendanceHourScheduleItems", main));
    f.fake.bot().putAttendanceHours(Map.of("attendanceHour", Map.of("title", "Support", "isMain", false,
        "timeZoneId", "E. South America Standard Time"), "attendanceHourScheduleItems", support,
        "queues", List.of(Map.of("id", "support", "description", "Support"))));
    AttendanceHours hours = f.desk.attendanceHours();
    assertEquals(2, hours.list().size());
    assertEquals(new Escalation.TransferNow(customer, "Sales"), hours.decide(customer, "Sales"));   // 09:00

    f.clock.advance(Duration.ofHours(10));                                                          // 19:00
    Escalation.ClosedUntil sales = assertInstanceOf(Escalation.ClosedUntil.class, hours.decide(customer, "Sales"));
    assertEquals(at("2024-05-07T08:00:00-03:00"), sales.nextOpening());
    assertEquals(new Escalation.TransferNow(customer, "Support"), hours.decide(customer, "Support"));
    assertEquals(new Escalation.TransferNow(customer, "support"), hours.decide(customer, "support"));
    assertEquals(hours.forQueue("Support"), hours.byQueue().forQueue("SUPPORT"));
  }

  @Test
  void withoutAnyRuleThereIsNoRestriction() {
    assertEquals(new Escalation.TransferNow(customer, "Sales"), f.desk.attendanceHours().decide(customer, "Sales"));
    assertTrue(f.desk.attendanceHours().forQueue("Sales").isEmpty());
  }

  @Test
  void aRuleMadeInCodeIsSavedReadBackAndDeleted() {
    BusinessHours code = BusinessHours.parse(ZoneId.of("America/Sao_Paulo"), """
        seg-sex: 08:00-12:00, 13:00-18:00
        sab: 09:00-24:00
        25/12 - Natal
        """);
    AttendanceHours hours = f.desk.attendanceHours();
    AttendanceHourContainer saved = hours.save(AttendanceHourContainer.of("Plantão", code, LocalDate.of(2024, 5, 6))
        .withQueues(List.of(new AttendanceHourContainer.Ref("sales", "Sales"))));
    String id = saved.id();
    BusinessHours back = hours.get(id).businessHours();
    for (DayOfWeek d : DayOfWeek.values()) {
      assertEquals(code.intervals(d), back.intervals(d), d.name());
    }
    assertEquals(2, back.holidays().size(), "Natal 2024 and 2025, as days off");
    assertTrue(!back.isOpen(at("2025-12-25T10:00:00-03:00")) && back.isOpen(at("2025-12-26T10:00:00-03:00")));
    assertEquals(back, hours.forQueue("Sales").orElseThrow(), "the rule names the queue Sales");
    hours.delete(id);
    BlipCommandException gone = assertThrows(BlipCommandException.class, () -> hours.get(id));
    assertTrue(gone.isNotFound());
  }
}
