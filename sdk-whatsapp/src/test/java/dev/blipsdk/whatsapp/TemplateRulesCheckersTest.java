package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks of every send agree with the regular expressions they replace. */
class TemplateRulesCheckersTest {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern MANY_SPACES = Pattern.compile(" {5,}");
  private static final String ALPHABET = "abcxyzABCXYZ019_ -\t\n\ré";

  @Test
  void agreeWithTheRegularExpressionsOnRandomStrings() {
    Random random = new Random(7L);
    String[] fixed = {"", "a", "pt", "pt_BR", "pt_", "pt_B", "en_USAB", "en_USABC", "abcd", "es_419", "_x", "9x",
        "order_shipped", "     ", "    ", "a     b", "PT_br"};
    for (int i = 0; i < 200_000; i++) {
      String s;
      if (i < fixed.length) {
        s = fixed[i];
      } else {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(9); k > 0; k--) {
          b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        s = b.toString();
      }
      assertEquals(NAME.matcher(s).matches(), TemplateRules.isName(s), "name '" + s + "'");
      assertEquals(LANGUAGE.matcher(s).matches(), TemplateRules.isLanguage(s), "language '" + s + "'");
      assertEquals(PARAMETER_NAME.matcher(s).matches(), TemplateRules.isParameterName(s), "parameter '" + s + "'");
      assertEquals(MANY_SPACES.matcher(s).find(), TemplateRules.hasManySpaces(s), "spaces '" + s + "'");
      assertEquals(s.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {5,}", "    "), TemplateRules.normalize(s),
          "normalize '" + s + "'");
    }
  }
}
