package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.SendOptions;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.TemplatePreview;
import dev.blipsdk.whatsapp.WhatsAppClient;

/**
 * Sends a WhatsApp template with an image header and text variables: finds the template's definition in the
 * catalog, validates the message against it, previews the final text, sends it and prints the envelope id.
 *
 * <p>On a real contract set {@code BLIP_TO_PHONE}, {@code BLIP_TEMPLATE} and {@code BLIP_TEMPLATE_LANGUAGE}
 * (an approved template with an IMAGE header and two body variables) and optionally {@code BLIP_IMAGE_URL}; see
 * {@link ExampleEnvironment}.
 * <pre>
 * mvn -q -pl sdk-examples -am compile exec:java -Dexec.mainClass=dev.blipsdk.examples.TemplateWithMediaExample
 * </pre>
 */
public final class TemplateWithMediaExample {
  private TemplateWithMediaExample() {}

  /**
   * What the example did.
   *
   * @param receipt the send's receipt (envelope id, recipient, time)
   * @param preview the rendered message
   */
  public record Outcome(SendReceipt receipt, TemplatePreview preview) {}

  /**
   * Runs the example on the environment the variables describe.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open()) {
      run(env);
    }
  }

  /**
   * Runs the example.
   *
   * @param env where to run
   * @return what was sent
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Template with an image header, on " + env.description());
    PhoneNumber phone = PhoneNumber.parse(env.setting("BLIP_TO_PHONE", ExampleEnvironment.DEMO_PHONE));
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_ORDER_UPDATE);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    String imageUrl = env.setting("BLIP_IMAGE_URL", ExampleEnvironment.DEMO_IMAGE_URL);
    BlipClient blip = env.client();

    // [snippet:template-media]
    WhatsAppClient whatsApp = WhatsAppClient.of(blip);
    Template definition = whatsApp.templates().find(templateName, language)
        .orElseThrow(() -> new IllegalStateException("no template " + templateName + " in " + language));
    TemplateMessage message = TemplateMessage.of(templateName, language)
        .headerImage(imageUrl)             // the header's {{image}}: checked to be a .jpg/.jpeg/.png URL
        .body("Ana", "#4411")              // {{1}}, {{2}}
        .validate(definition);             // variable counts and header kind, before any request
    TemplatePreview preview = message.preview(definition);
    SendReceipt receipt = whatsApp.send(Recipient.of(phone), message,
        SendOptions.builder().template(definition).build());
    // [/snippet:template-media]

    System.out.println("Template " + definition.name() + " (" + definition.language() + ", " + definition.status()
        + ", header " + (definition.header() == null ? "none" : definition.header().format()) + ", body variables "
        + definition.bodyPlaceholders() + ")");
    System.out.println("The customer will see:");
    preview.text().lines().forEach(line -> System.out.println("  | " + line));
    System.out.println("Sent to " + phone + " as " + receipt.recipient() + ": envelope id " + receipt.envelopeId());
    return new Outcome(receipt, preview);
  }
}
