package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Resolution;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers as people type them, normalised to E.164 and resolved to the WhatsApp identity to send to, with
 * "not on WhatsApp" as its own outcome. Runs on the embedded fake Blip unless {@code BLIP_CONTRACT} is set.
 */
public final class RecipientsExample {
  private RecipientsExample() {}

  /**
   * Resolves a few typed numbers and reports what happened to each.
   *
   * @param blip the client
   * @param typed numbers as typed
   * @return one line per number
   */
  static List<String> run(BlipClient blip, List<String> typed) {
    List<String> lines = new ArrayList<>();
    // [snippet:recipients]
    WhatsAppClient whatsApp = WhatsAppClient.builder(blip)
        .resolutionCache(10_000, Duration.ofDays(1))   // optional; WhatsApp validations last 7 days at most
        .build();
    for (String input : typed) {
      try {
        PhoneNumber number = PhoneNumber.parse(input, "55");   // "55" when the person left the country out
        Resolution resolution = whatsApp.resolve(number);
        if (resolution instanceof Resolution.Found found) {
          lines.add(number + " -> send to " + found.account());
        } else if (resolution instanceof Resolution.NotOnWhatsApp notOn) {
          lines.add(number + " is not on WhatsApp (" + notOn.reason().description() + ")");
        }
      } catch (BlipValidationException e) {                 // says why: letters, too short, ...
        lines.add("'" + input + "' refused: " + e.rule());
      }
    }
    // [/snippet:recipients]
    return lines;
  }

  /**
   * Runs the example.
   *
   * @param args numbers to resolve; demo numbers when none are given
   */
  public static void main(String[] args) {
    List<String> typed = args.length > 0 ? List.of(args)
        : List.of("(31) 99999-8888", "+55 31 90000-0000", "0055 31 9999 8888", "call me");
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      System.out.println("Connected to " + env.description());
      run(env.client(), typed).forEach(System.out::println);
    }
  }
}
