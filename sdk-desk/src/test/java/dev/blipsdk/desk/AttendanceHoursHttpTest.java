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
