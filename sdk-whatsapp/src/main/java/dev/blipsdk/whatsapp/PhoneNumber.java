package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 form ({@code +<country code><national number>}, at most 15 digits), parsed
 * from what people type.
 *
 * <pre>{@code
 * PhoneNumber.parse("+55 (31) 99999-8888");          // +5531999998888
 * PhoneNumber.parse("0055 31 99999.8888");           // +5531999998888 (leading 00)
 * PhoneNumber.parse("(31) 99999-8888", "55");        // +5531999998888 (caller's default country)
 * }</pre>
 *
 * <p>Accepted decoration: spaces, dashes, dots, slashes, parentheses, a {@code tel:} prefix, a leading
 * {@code +} or {@code 00}. A number without {@code +} or {@code 00} is read as a national number of the
 * default country calling code, after dropping one national trunk prefix {@code 0} (except for Italy,
 * {@code 39}, where the 0 belongs to the number).
 *
 * <p>Digits typed without {@code +} that already start with the default calling code are never given
 * the code a second time. For Brazil ({@code 55}), the NANP ({@code 1}) and {@code 7}, whose national
 * numbers have fixed lengths, the length decides: {@code parse("5531999998888", "55")} is
 * {@code +5531999998888} (13 digits cannot be a Brazilian national number) while
 * {@code parse("(55) 99999-8888", "55")} is {@code +5555999998888} (area code 55); a national number of
 * another length is refused (rule {@code national-length}). For other countries such input is refused
 * as ambiguous (rule {@code ambiguous-country-code}): write it with {@code +}, or with the trunk
 * {@code 0} when it is national.
 *
 * <p>Nothing else is guessed: in particular Brazil's ninth
 * digit is never added or removed; the accounts lookup
 * ({@link WhatsAppClient#resolve(PhoneNumber)}) tells which identity WhatsApp really uses.
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks all but the country prefix and the last two
 * digits; {@link #e164()} gives the full number.
 */
public final class PhoneNumber {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern CALLING_CODE = Pattern.compile("\\+?[1-9][0-9]{0,2}");
  /** Fewest digits (country code included) accepted: shortest real numbers have 7. */
  private static final int MIN_DIGITS = 7;
  /** Most digits allowed by E.164, country code included. */
  private static final int MAX_DIGITS = 15;

  /**
   * National significant number lengths of the countries where they are fixed, used to read digits that
   * start with the default calling code: Brazil (area code + 8 or 9 digits), the NANP (10) and
   * Russia/Kazakhstan (10).
   */
  private static final Map<String, int[]> NATIONAL_LENGTHS = Map.of(
      "55", new int[] {10, 11},
      "1", new int[] {10},
      "7", new int[] {10});

  private final String e164;

  private PhoneNumber(String e164) {
    this.e164 = e164;
  }

  /**
   * Parses an international number: it must start with {@code +} or {@code 00}.
   *
   * @param input what the person typed, for example {@code "+55 31 99999-8888"}
   * @return the number
   * @throws BlipValidationException (field {@code phoneNumber}) saying why it is not a phone number:
   *     rule {@code empty}, {@code letters}, {@code characters}, {@code no-country-code},
   *     {@code country-code}, {@code too-short} or {@code too-long}
   */
  public static PhoneNumber parse(@Nullable String input) {
    return parse(input, null);
  }

  /**
   * Parses a number, reading one without {@code +} or {@code 00} as a national number of
   * {@code defaultCallingCode}.
   *
   * @param input what the person typed, for example {@code "(31) 99999-8888"}
   * @param defaultCallingCode the country calling code for national numbers, for example {@code "55"}
   *     or {@code "+55"}; {@code null} to require an international number
   * @return the number
   * @throws BlipValidationException (field {@code phoneNumber}) saying why it is not a phone number: the
   *     rules of {@link #parse(String)}, plus {@code national-length} and {@code ambiguous-country-code}
   *     (see the class comment)
   * @throws IllegalArgumentException if {@code defaultCallingCode} is not 1 to 3 digits
   */
  public static PhoneNumber parse(@Nullable String input, @Nullable String defaultCallingCode) {
    String cc = null;
    if (defaultCallingCode != null) {
      String trimmed = defaultCallingCode.trim();
      if (!CALLING_CODE.matcher(trimmed).matches()) {
        throw new IllegalArgumentException("defaultCallingCode must be a country calling code of 1 to 3 digits"
            + " not starting with 0, for example \"55\", was '" + defaultCallingCode + "'");
      }
      cc = trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    }
    if (input == null || input.isBlank()) {
      throw invalid("empty", "phone number is empty");
    }
    String s = input.strip();
    if (s.regionMatches(true, 0, "tel:", 0, 4)) {
      s = s.substring(4).strip();
    }
    StringBuilder digits = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+') {
        if (plus || digits.length() > 0) {
          throw invalid("characters", "phone number has a '+' that is not at its start");
        }
        plus = true;
      } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0'
          || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\t') {
        continue;
      } else if (Character.isLetter(c)) {
        throw invalid("letters", "phone number contains letters ('" + c + "'); type digits only"
            + " (vanity numbers such as 1-800-FLOWERS are not supported)");
      } else {
        throw invalid("characters", "phone number contains '" + c + "'; only digits, spaces, dashes, dots,"
            + " parentheses and a leading + are allowed");
      }
    }
    if (digits.length() == 0) {
      throw invalid("empty", "phone number has no digits");
    }
    String international;
    if (plus) {
      international = digits.toString();
    } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
      international = digits.substring(2);
    } else if (cc == null) {
      throw invalid("no-country-code", "phone number has no country code: start it with + or 00"
          + " (for example +55 31 99999-8888), or configure a default country calling code");
    } else {
      String national = digits.toString();
      boolean trunk = national.charAt(0) == '0' && !cc.equals("39");
      if (trunk) {
        national = national.substring(1);
      }
      if (national.isEmpty()) {
        throw invalid("too-short", "phone number has no digits after its trunk prefix 0");
      }
      international = trunk ? cc + national : withDefaultCountry(national, cc);
    }
    if (international.isEmpty() || international.charAt(0) == '0') {
      throw invalid("country-code", "phone number's country code cannot start with 0");
    }
    if (international.length() < MIN_DIGITS) {
      throw invalid("too-short", "phone number is too short: " + international.length()
          + " digits with the country code, at least " + MIN_DIGITS + " expected");
    }
    if (international.length() > MAX_DIGITS) {
      throw invalid("too-long", "phone number is too long: " + international.length()
          + " digits with the country code, E.164 allows at most " + MAX_DIGITS);
    }
    return new PhoneNumber("+" + international);
  }

  /**
   * Reads digits typed without {@code +}, {@code 00} or a trunk {@code 0} against the default calling
   * code. When they already start with that code they may be an international number written without its
   * {@code +} ({@code 5531999998888}) or a national number whose area code happens to equal the calling
   * code ({@code (55) 99999-8888}, Santa Maria in Brazil). Prepending the code blindly would double it
   * ({@code +555531999998888}, still 15 digits, so no length check would catch it). For the few countries
   * whose national numbers have fixed lengths ({@link #NATIONAL_LENGTHS}) the length tells which reading is
   * meant; otherwise the number is refused as ambiguous. For those countries a national number of any
   * other length is refused too.
   */
  private static String withDefaultCountry(String national, String cc) {
    int[] lengths = NATIONAL_LENGTHS.get(cc);
    boolean startsWithCode = national.startsWith(cc);
    if (lengths != null) {
      if (contains(lengths, national.length())) {
        return cc + national;
      }
      if (startsWithCode && contains(lengths, national.length() - cc.length())) {
        return national; // international digits typed without their +: nothing to add
      }
      throw invalid("national-length", "phone number has " + national.length() + " digits, but a national"
          + " number of +" + cc + " has " + describe(lengths) + " digits"
          + (startsWithCode ? " (and it is not a full +" + cc + " number either)" : "")
          + "; check it, or type it with + and its country code");
    }
    if (startsWithCode && cc.length() + national.length() <= MAX_DIGITS) {
      throw invalid("ambiguous-country-code", "phone number starts with " + cc + ", the default country"
          + " calling code: it may already include it (then write it with a leading +) or be a national number"
          + " (then write it with its trunk prefix 0); refused rather than guessed");
    }
    return cc + national;
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static String describe(int[] lengths) {
    return lengths.length == 1 ? Integer.toString(lengths[0]) : lengths[0] + " or " + lengths[1];
  }

  /**
   * Wraps a number already in strict E.164 form.
   *
   * @param e164 for example {@code +5531999998888}
   * @return the number
   * @throws BlipValidationException if it is not strict E.164
   */
  public static PhoneNumber ofE164(String e164) {
    if (e164 == null || !E164.matcher(e164).matches()) {
      throw invalid("e164", "phone number is not in E.164 form (+ then 7 to 15 digits, no spaces)");
    }
    return new PhoneNumber(e164);
  }

  private static BlipValidationException invalid(String rule, String message) {
    return new BlipValidationException("phoneNumber", rule, message);
  }

  /**
   * The number in E.164 form, with the leading {@code +}. Personal data: do not log it.
   *
   * @return for example {@code +5531999998888}
   */
  public String e164() {
    return e164;
  }

  /**
   * The digits without the {@code +}. Personal data: do not log it.
   *
   * @return for example {@code 5531999998888}
   */
  public String digits() {
    return e164.substring(1);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PhoneNumber p && p.e164.equals(e164);
  }

  @Override
  public int hashCode() {
    return e164.hashCode();
  }

  /** Masks the number: keeps the {@code +}, two leading and two trailing digits. */
  @Override
  public String toString() {
    int n = e164.length();
    return e164.substring(0, 3) + "*".repeat(n - 5) + e164.substring(n - 2);
  }
}
