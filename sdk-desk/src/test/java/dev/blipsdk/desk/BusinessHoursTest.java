package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.desk.internal.WindowsTimeZones;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Business hours evaluated on their own: notation, errors, DST, midnight, holidays, 24-hour mode. */
class BusinessHoursTest {
  static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

  static Instant at(String offsetDateTime) {
    return java.time.OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void goPersonalNotationParsesDaysRangesHolidaysAndClosedDays() {
    BusinessHours h = BusinessHours.parse(SAO_PAULO, """
        # Horários
        seg-sex: 08:00-12:00, 13:00-18:00
        sáb: 09:00-13:00
        dom: fechado
        25/12 - Natal
        01/01/2027 - Ano novo
        """);
    assertEquals("[08:00-12:00, 13:00-18:00]", h.intervals(DayOfWeek.FRIDAY).toString());
    assertEquals("[09:00-13:00]", h.intervals(DayOfWeek.SATURDAY).toString());
    assertTrue(h.intervals(DayOfWeek.SUNDAY).isEmpty());
    assertEquals(Holiday.yearly(MonthDay.of(12, 25), "Natal"), h.holidays().get(0));
    assertEquals(Holiday.on(LocalDate.of(2027, 1, 1), "Ano novo"), h.holidays().get(1));
    // Monday 2024-05-06: open at 10:00 and 15:00 local, closed at lunch
    assertTrue(h.isOpen(at("2024-05-06T10:00:00-03:00")));
    assertFalse(h.isOpen(at("2024-05-06T12:30:00-03:00")));
    assertEquals(Optional.of(at("2024-05-06T13:00:00-03:00")), h.nextOpening(at("2024-05-06T12:30:00-03:00")));
    assertEquals(Optional.of(at("2024-05-06T12:00:00-03:00")), h.nextClosing(at("2024-05-06T10:00:00-03:00")));
    // the same text in English, and 24:00 as midnight
    BusinessHours en = BusinessHours.parse(SAO_PAULO, "mon-fri: 08:00-12:00, 13:00-18:00\nsat: 09:00-13:00\n"
        + "sun: closed\n25/12 - Natal\n01/01/2027 - Ano novo");
    assertEquals(h, en);
    assertEquals("[18:00-24:00]", BusinessHours.parse(SAO_PAULO, "thu: 18:00-24:00").intervals(DayOfWeek.THURSDAY)
        .toString());
    assertTrue(BusinessHours.parse(SAO_PAULO, "24h").isAlwaysOpen());
  }

  @Test
  void malformedHoursAreTypedErrorsNamingTheFieldAndTheRule() {
    InvalidBusinessHoursException hour = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.builder(SAO_PAULO).open(DayOfWeek.MONDAY, "08:00-25:00"));
    assertEquals("monday[0].end", hour.field());
    assertEquals("a closing time is 00:00 to 24:00", hour.rule());
    InvalidBusinessHoursException start = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.parse(SAO_PAULO, "ter: 25:00-26:00"));
    assertEquals("line 1 (tuesday)[0].start", start.field());
    InvalidBusinessHoursException backwards = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.builder(SAO_PAULO).open(DayOfWeek.MONDAY, "18:00-09:00"));
    assertEquals("monday[0]", backwards.field());
    assertTrue(backwards.rule().startsWith("an interval must end after it starts"), backwards.rule());
    assertThrows(InvalidBusinessHoursException.class, () -> BusinessHours.builder(SAO_PAULO)
        .open(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(2, 0)));
    InvalidBusinessHoursException fourth = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.parse(SAO_PAULO, "seg: 06:00-07:00, 08:00-09:00, 10:00-11:00, 12:00-13:00"));
    assertEquals("line 1 (monday)[3]", fourth.field());
    assertEquals("at most 3 intervals per day", fourth.rule());
    InvalidBusinessHoursException overlap = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.builder(SAO_PAULO).open(DayOfWeek.MONDAY, "08:00-12:00", "11:00-13:00"));
    assertEquals("the intervals of a day must not overlap", overlap.rule());
    InvalidBusinessHoursException feb31 = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.builder(SAO_PAULO).holiday("31/02 - X"));
    assertEquals("holidays[0]", feb31.field());
    assertEquals("DD/MM must be a date that exists", feb31.rule());
    assertEquals("a holiday needs a name after the dash",
        assertThrows(InvalidBusinessHoursException.class, () -> Holiday.parse("25/12 - ")).rule());
    InvalidBusinessHoursException mode = assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.parse(SAO_PAULO, "24h\n25/12 - Natal"));
    assertEquals("holidays", mode.field());
    assertEquals("holidays cannot be set in 24-hour mode", mode.rule());
    assertEquals("line 1", assertThrows(InvalidBusinessHoursException.class,
        () -> BusinessHours.parse(SAO_PAULO, "funday: 08:00-09:00")).field());
  }

  @Test
  void midnightCrossingIntervalsJoinIntoOneOpenStretch() {
    BusinessHours h = BusinessHours.builder(SAO_PAULO)
        .open(DayOfWeek.FRIDAY, "22:00-24:00").open(DayOfWeek.SATURDAY, "00:00-02:00")   // two touching days
        .openOvernight(DayOfWeek.SATURDAY, LocalTime.of(23, 0), LocalTime.of(3, 0))        // one overnight interval
        .build();
    Instant friday23 = at("2024-05-10T23:00:00-03:00");
    assertTrue(h.isOpen(friday23));
    assertEquals(Optional.of(at("2024-05-11T02:00:00-03:00")), h.nextClosing(friday23));
    assertTrue(h.isOpen(at("2024-05-12T02:59:00-03:00")));
    assertFalse(h.isOpen(at("2024-05-12T03:00:00-03:00")));
    assertEquals(Optional.of(at("2024-05-11T23:00:00-03:00")), h.nextOpening(at("2024-05-11T02:00:00-03:00")));
    assertEquals(Optional.of(at("2024-05-17T22:00:00-03:00")), h.nextOpening(at("2024-05-12T03:00:00-03:00")));
  }

  @Test
  void holidaysFixedOneOffWithHoursAndClosedStretches() {
    BusinessHours h = BusinessHours.builder(SAO_PAULO).openWeekdays("08:00-18:00")
        .holiday("25/12 - Natal")
        .holiday(new Holiday.OnDate(LocalDate.of(2024, 12, 24), "Véspera", java.util.List.of(
            OpeningInterval.parse("08:00-12:00"))))
        .holiday(Holiday.closed(LocalDateTime.of(2024, 12, 30, 14, 0), LocalDateTime.of(2025, 1, 2, 0, 0), "Férias"))
        .build();
    assertFalse(h.isOpen(at("2024-12-25T10:00:00-03:00")));   // Wednesday, yearly holiday
    assertFalse(h.isOpen(at("2025-12-25T10:00:00-03:00")));   // and the next year
    assertTrue(h.isOpen(at("2024-12-24T10:00:00-03:00")));    // one-off with its own hours
    assertFalse(h.isOpen(at("2024-12-24T13:00:00-03:00")));
    assertEquals(Optional.of(at("2024-12-26T08:00:00-03:00")), h.nextOpening(at("2024-12-24T13:00:00-03:00")));
    assertTrue(h.isOpen(at("2024-12-30T13:00:00-03:00")));    // the closed stretch starts at 14:00
    assertEquals(Optional.of(at("2024-12-30T14:00:00-03:00")), h.nextClosing(at("2024-12-30T13:00:00-03:00")));
    assertEquals(Optional.of(at("2025-01-02T08:00:00-03:00")), h.nextOpening(at("2024-12-30T14:00:00-03:00")));
    // 29 February every year: only in leap years
    BusinessHours leap = BusinessHours.builder(SAO_PAULO).open(DayOfWeek.THURSDAY, "08:00-18:00")
        .open(DayOfWeek.SATURDAY, "08:00-18:00").holiday("29/02 - Bissexto").build();
    assertFalse(leap.isOpen(at("2024-02-29T10:00:00-03:00")));
    assertTrue(leap.isOpen(at("2025-03-01T10:00:00-03:00")));
  }

  @Test
  void alwaysOpenAndNeverOpen() {
    BusinessHours always = BusinessHours.alwaysOpen(LISBON);
    assertTrue(always.isOpen(Instant.EPOCH));
    assertEquals(Optional.empty(), always.nextClosing(Instant.EPOCH));
    assertEquals(Optional.empty(), always.nextOpening(Instant.EPOCH));
    BusinessHours everyMinute = BusinessHours.parse(LISBON, "mon-sun: 00:00-24:00");
    assertEquals(Optional.empty(), everyMinute.nextClosing(Instant.EPOCH));
    BusinessHours never = BusinessHours.builder(LISBON).build();
    assertFalse(never.isOpen(Instant.EPOCH));
    assertEquals(Optional.empty(), never.nextOpening(Instant.EPOCH));
  }

  @Test
  void daylightSavingInSaoPauloHistoryAndLisbon() {
    // São Paulo, 2018-11-04: clocks jumped from 00:00 to 01:00 (-03:00 to -02:00); Sunday 00:00-04:00 opens at 01:00
    BusinessHours sp = BusinessHours.builder(SAO_PAULO).open(DayOfWeek.SUNDAY, "00:00-04:00")
        .open(DayOfWeek.SATURDAY, "20:00-24:00").build();
    assertEquals(Optional.of(at("2018-11-03T20:00:00-03:00")), sp.nextOpening(at("2018-11-03T12:00:00-03:00")));
    assertEquals(Optional.of(at("2018-11-04T04:00:00-02:00")), sp.nextClosing(at("2018-11-03T21:00:00-03:00")));
    assertTrue(sp.isOpen(at("2018-11-04T02:59:00Z")));          // 23:59 on Saturday
    assertTrue(sp.isOpen(at("2018-11-04T03:00:00Z")));          // the jump: 01:00 -02:00
    // São Paulo, 2019-02-17: clocks went back from 00:00 to 23:00 on the 16th; 23:00-23:59 happens twice
    BusinessHours back = BusinessHours.builder(SAO_PAULO).open(DayOfWeek.SATURDAY, "22:00-23:30").build();
    assertEquals(Optional.of(at("2019-02-16T23:30:00-02:00")), back.nextClosing(at("2019-02-16T22:10:00-02:00")));
    // Lisbon, 2024-03-31: 01:00 -> 02:00; an interval 01:30-03:00 opens at the end of the gap
    BusinessHours lx = BusinessHours.builder(LISBON).open(DayOfWeek.SUNDAY, "01:30-03:00")
        .open(DayOfWeek.MONDAY, "09:00-17:00").build();
    assertEquals(Optional.of(at("2024-03-31T02:30:00+01:00")), lx.nextOpening(at("2024-03-30T12:00:00Z")));
    assertEquals(Optional.of(at("2024-04-01T09:00:00+01:00")), lx.nextOpening(at("2024-03-31T03:00:00+01:00")));
    // Lisbon, 2024-10-27: 02:00 -> 01:00; Monday 09:00 is 08:00 UTC again
    assertEquals(Optional.of(at("2024-10-28T09:00:00Z")), lx.nextOpening(at("2024-10-27T12:00:00Z")));
    assertEquals(Optional.of(at("2024-10-27T03:00:00Z")), lx.nextClosing(at("2024-10-27T01:45:00Z")));
  }

  @Test
  void escalationIsTransferInHoursAndClosedUntilTheNextOpeningOutside() {
    BusinessHours h = BusinessHours.parse(SAO_PAULO, "seg-sex: 08:00-18:00");
    Identity ana = Identity.parse("5531999998888@wa.gw.msging.net");
    assertEquals(new Escalation.TransferNow(ana, "Sales"), Escalation.decide(ana, "Sales", h,
        at("2024-05-06T09:00:00-03:00")));
    Escalation.ClosedUntil closed = (Escalation.ClosedUntil) Escalation.decide(ana, "Sales", h,
        at("2024-05-10T19:00:00-03:00"));
    assertEquals(at("2024-05-13T08:00:00-03:00"), closed.nextOpening());
    assertEquals(LocalDateTime.of(2024, 5, 13, 8, 0), closed.localNextOpening().orElseThrow().toLocalDateTime());
    String content = closed.unavailableMessage("pt_BR").toContent().json();
    assertTrue(content.contains("\"name\":\"atendimento_esta_disponivel\""), content);
    assertTrue(content.contains("\"payload\":\"Sim\"") && content.contains("\"payload\":\"Não\""), content);
  }

  @Test
  void windowsZonesMapToIanaAndBack() {
    assertEquals(SAO_PAULO, WindowsTimeZones.toZoneId("E. South America Standard Time"));
    assertEquals(ZoneId.of("America/Mexico_City"), WindowsTimeZones.toZoneId("Central Standard Time (Mexico)"));
    assertEquals(LISBON, WindowsTimeZones.toZoneId("Europe/Lisbon"));     // an IANA id passes as is
    assertEquals(null, WindowsTimeZones.toZoneId("Mars Standard Time"));
    assertEquals("E. South America Standard Time", WindowsTimeZones.toWindowsId(SAO_PAULO));
    for (Map.Entry<String, String> e : WindowsTimeZones.table().entrySet()) {
      assertEquals(ZoneId.of(e.getValue()), WindowsTimeZones.toZoneId(e.getKey()), e.getKey());
    }
  }
}
