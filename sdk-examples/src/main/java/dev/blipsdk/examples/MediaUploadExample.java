package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.whatsapp.MediaFile;
import dev.blipsdk.whatsapp.MediaUploader;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.Template;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.UploadedMedia;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Uploads an image to Blip's media store for a template's image header and sends the template with it: the file's
 * type, size and bytes are checked, and its kind against the template's header, before anything is uploaded; the
 * signed URL it gets lasts 30 minutes and is refreshed when needed.
 *
 * <p>On a real contract set {@code BLIP_TO_PHONE}, {@code BLIP_TEMPLATE} and {@code BLIP_TEMPLATE_LANGUAGE} (an
 * approved template with an IMAGE header and two body variables) and {@code BLIP_MEDIA_FILE} (a PNG); see
 * {@link ExampleEnvironment}. How Blip takes the bytes is not documented (API doc §8.1): the default
 * {@code MediaTransfer} POSTs them to the upload URL, as the fake accepts.
 * <pre>
 * mvn -q -pl sdk-examples -am compile exec:java -Dexec.mainClass=dev.blipsdk.examples.MediaUploadExample
 * </pre>
 */
public final class MediaUploadExample {
  /** A 1x1 transparent PNG, the demo file. */
  static final byte[] DEMO_PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private MediaUploadExample() {}

  /**
   * What the example did.
   *
   * @param media the uploaded media
   * @param receipt the send's receipt
   * @param url the URL to use after the example (refreshed if it had expired)
   */
  public record Outcome(UploadedMedia media, SendReceipt receipt, String url) {}

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
   * @return what it did
   */
  public static Outcome run(ExampleEnvironment env) {
    System.out.println("Media upload for a template header, on " + env.description());
    PhoneNumber phone = PhoneNumber.parse(env.setting("BLIP_TO_PHONE", ExampleEnvironment.DEMO_PHONE));
    String templateName = env.setting("BLIP_TEMPLATE", ExampleEnvironment.DEMO_TEMPLATE_ORDER_UPDATE);
    String language = env.setting("BLIP_TEMPLATE_LANGUAGE", ExampleEnvironment.DEMO_LANGUAGE);
    Path file = Path.of(env.setting("BLIP_MEDIA_FILE", demoFile().toString()));
    BlipClient blip = env.client();

    // [snippet:media-upload]
    WhatsAppClient whatsApp = WhatsAppClient.of(blip);
    Template definition = whatsApp.templates().find(templateName, language).orElseThrow();   // an IMAGE header
    MediaUploader uploader = MediaUploader.of(blip);
    UploadedMedia image = uploader.upload(MediaFile.of(file, "image/png"), definition);
    // refused before any request: another type, bytes that are not a PNG, over 5 MiB, a header of another kind
    TemplateMessage message = image.applyTo(TemplateMessage.of(templateName, language)).body("Ana", "#4411");
    SendReceipt receipt = whatsApp.send(phone, message);
    String url = uploader.refreshIfExpired(image.url());    // the signed URL lasts 30 minutes
    // [/snippet:media-upload]

    System.out.println("Uploaded " + image + ", expires " + image.expiresAt().map(Object::toString).orElse("never"));
    System.out.println("Sent to " + phone + ": envelope id " + receipt.envelopeId());
    return new Outcome(image, receipt, url);
  }

  private static Path demoFile() {
    try {
      Path p = Files.createTempFile("blip-demo-", ".png");
      p.toFile().deleteOnExit();
      return Files.write(p, DEMO_PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
