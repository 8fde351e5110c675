package dev.blipsdk.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal data (phone numbers, e-mail addresses, names in filters) and secrets before anything
 * reaches a log line or a {@code toString()}.
 */
public final class Redaction {
  private static final Pattern DIGITS = Pattern.compile("\\d{5,}");
  private static final Pattern EMAIL_LOCAL =
      Pattern.compile("[A-Za-z0-9._+\\-]+(?=(%40|%2540|@)[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})");
  private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");

  private Redaction() {}

  /**
   * Masks a node or identity: long digit runs keep their last two digits, e-mail local parts become
   * {@code ***}.
   *
   * @param address the address text
   * @return the masked text
   */
  public static String address(@Nullable String address) {
    if (address == null) {
      return "null";
    }
    int at = address.indexOf('@');
    if (at <= 0) {
      return digits(address);
    }
    String name = address.substring(0, at);
    String rest = address.substring(at);
    return maskName(name) + rest;
  }

  private static String maskName(String name) {
    // keep well-known technical names readable
    if (name.equals("postmaster") || name.length() <= 2) {
      return name;
    }
    String masked = EMAIL_LOCAL.matcher(name).replaceAll("***");
    masked = digits(masked);
    if (masked.equals(name) && looksPersonal(name)) {
      return name.substring(0, 1) + "***";
    }
    return masked;
  }

  private static boolean looksPersonal(String name) {
    return name.contains("%40") || name.chars().filter(Character::isDigit).count() >= 5;
  }

  /**
   * Masks a command uri: digit runs (phone numbers), e-mail local parts and quoted filter values.
   *
   * @param uri the uri, possibly {@code null}
   * @return the masked uri
   */
  public static String uri(@Nullable String uri) {
    if (uri == null) {
      return "null";
    }
    String masked = EMAIL_LOCAL.matcher(uri).replaceAll("***");
    masked = QUOTED.matcher(masked).replaceAll("'***'");
    masked = QUOTED_ENCODED.matcher(masked).replaceAll("%27***%27");
    return digits(masked);
  }

  private static final Pattern QUOTED_ENCODED = Pattern.compile("%27.*?%27");

  /**
   * Masks free text from the server (a failure's description): digit runs (phone numbers) and e-mail local parts;
   * quoted words, such as a template's name, stay readable.
   *
   * @param text the text
   * @return the masked text
   */
  public static String text(String text) {
    return digits(EMAIL_LOCAL.matcher(text).replaceAll("***"));
  }

  /**
   * Masks every run of five or more digits, keeping its last two.
   *
   * @param text any text
   * @return the masked text
   */
  public static String digits(String text) {
    Matcher m = DIGITS.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      String run = m.group();
      m.appendReplacement(sb, "***" + run.substring(run.length() - 2));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
