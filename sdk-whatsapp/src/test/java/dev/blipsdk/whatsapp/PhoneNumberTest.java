package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.exception.BlipValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "+55 (31) 99999-8888|+5531999998888",
      "0055 31 99999.8888|+5531999998888",
      "+1 415-555-0100|+14155550100",
      "tel:+44 20 7946 0958|+442079460958",
      "  +55-31-9999-8888  |+553199998888"})
  void normalisesInternationalForms(String typed, String e164) {
    assertEquals(e164, PhoneNumber.parse(typed).e164());
  }

  @Test
  void usesTheDefaultCountryForNationalNumbersAndDropsTheTrunkZero() {
    assertEquals("+5531999998888", PhoneNumber.parse("(31) 99999-8888", "55").e164());
    assertEquals("+5531999998888", PhoneNumber.parse("031 99999 8888", "+55").e164());
    assertEquals("+447911123456", PhoneNumber.parse("07911 123456", "44").e164());
    assertEquals("+390612345678", PhoneNumber.parse("06 1234 5678", "39").e164(), "Italy keeps its 0");
    assertEquals("+5531999998888", PhoneNumber.parse("+55 31 99999-8888", "1").e164(), "+ wins over default");
  }

  @Test
  void neverGuessesBrazilsNinthDigit() {
    assertEquals("+553199998888", PhoneNumber.parse("(31) 9999-8888", "55").e164());
    assertEquals("+5531999998888", PhoneNumber.parse("(31) 99999-8888", "55").e164());
  }

  @Test
  void neverAddsTheDefaultCountryCodeTwice() {
    // 13 digits cannot be a Brazilian national number (10 or 11): the 55 is the country code
    assertEquals("+5531999998888", PhoneNumber.parse("5531999998888", "55").e164());
    assertEquals("+553199998888", PhoneNumber.parse("55 31 9999-8888", "55").e164());
    // area code 55 (Santa Maria): 10 or 11 digits are national
    assertEquals("+5555999998888", PhoneNumber.parse("(55) 99999-8888", "55").e164());
    assertEquals("+555532221234", PhoneNumber.parse("(55) 3222-1234", "55").e164());
    // NANP: 11 digits starting with 1 already carry the country code
    assertEquals("+14155550100", PhoneNumber.parse("1 415 555 0100", "1").e164());
    assertEquals("+14155550100", PhoneNumber.parse("(415) 555-0100", "1").e164());
    // a typed trunk 0 says national even when the next digits equal the code
    assertEquals("+5555999998888", PhoneNumber.parse("0 55 99999-8888", "55").e164());
  }

  @Test
  void refusesWhatItCannotReadWithoutGuessing() {
    BlipValidationException ambiguous = assertThrows(BlipValidationException.class,
        () -> PhoneNumber.parse("447911123456", "44"));
    assertEquals("ambiguous-country-code", ambiguous.rule());
    assertTrue(ambiguous.getMessage().contains("leading +") && ambiguous.getMessage().contains("trunk prefix 0"),
        ambiguous.getMessage());
    assertFalse(ambiguous.getMessage().contains("7911123456"), "no full number in messages");
    assertEquals("+447911123456", PhoneNumber.parse("07911 123456", "44").e164());
    BlipValidationException shortBr = assertThrows(BlipValidationException.class,
        () -> PhoneNumber.parse("(31) 9999-888", "55"));
    assertEquals("national-length", shortBr.rule());
    assertTrue(shortBr.getMessage().contains("10 or 11 digits"), shortBr.getMessage());
    assertEquals("national-length", assertThrows(BlipValidationException.class,
        () -> PhoneNumber.parse("55319999988889", "55")).rule(), "neither national nor international length");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|empty",
      "'   '|empty",
      "+55 31 CALL-NOW|letters",
      "31 99999-8888|no-country-code",
      "+0 555 123 4567|country-code",
      "+55 31|too-short",
      "+55 31 99999 8888 12345|too-long",
      "+55 31 9999#8888|characters",
      "55+31999998888|characters"})
  void rejectsWithTheRuleBroken(String typed, String rule) {
    BlipValidationException e = assertThrows(BlipValidationException.class, () -> PhoneNumber.parse(typed));
    assertEquals("phoneNumber", e.field());
    assertEquals(rule, e.rule(), e.getMessage());
  }

  @Test
  void sixteenDigitsIsTooLongButFifteenIsFine() {
    assertEquals(16, PhoneNumber.parse("+123456789012345").e164().length());
    BlipValidationException e = assertThrows(BlipValidationException.class,
        () -> PhoneNumber.parse("+1234567890123456"));
    assertTrue(e.getMessage().contains("at most 15"), e.getMessage());
  }

  @Test
  void rejectsABadDefaultCallingCode() {
    assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse("31 99999 8888", "0055"));
    assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse("31 99999 8888", "BR"));
  }

  @Test
  void toStringMasksAndEqualityIsByNumber() {
    PhoneNumber p = PhoneNumber.parse("+55 31 99999-8888");
    assertEquals("+55*********88", p.toString());
    assertFalse(p.toString().contains("99999"));
    assertEquals(p, PhoneNumber.ofE164("+5531999998888"));
    assertEquals(p.hashCode(), PhoneNumber.ofE164("+5531999998888").hashCode());
    assertEquals("5531999998888", p.digits());
    assertThrows(BlipValidationException.class, () -> PhoneNumber.ofE164("5531999998888"));
  }
}
