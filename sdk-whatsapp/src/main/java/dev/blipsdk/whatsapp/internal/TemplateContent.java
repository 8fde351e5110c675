package dev.blipsdk.whatsapp.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a WhatsApp template message as Blip's {@code application/json} message carries it
 * ({@code {"type":"template","template":{...}}}), as records written by core's encoder ({@code JsonDocument.of}):
 * members in component order, null components left out, no intermediate maps. The names with underscores are the
 * wire's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type always {@code template}
 * @param template the template
 */
public record TemplateContent(String type, Template template) {

  /**
   * The template part.
   *
   * @param namespace the WhatsApp namespace, or null when the message does not name one
   * @param name the template's name
   * @param language its language and policy
   * @param components header, body and buttons in that order
   */
  public record Template(@Nullable String namespace, String name, Language language, List<Component> components) {}

  /**
   * The language.
   *
   * @param code the language code, as {@code pt_BR}
   * @param policy the language policy, {@code deterministic}
   */
  public record Language(String code, String policy) {}

  /**
   * A component: header and body carry parameters; a button also its sub-type and index.
   *
   * @param type {@code header}, {@code body} or {@code button}
   * @param sub_type a button's {@code url} or {@code quick_reply}, else null
   * @param index a button's index, else null
   * @param parameters the parameters
   */
  @SuppressWarnings("checkstyle:RecordComponentName")
  public record Component(String type, @Nullable String sub_type, @Nullable Integer index,
      List<Parameter> parameters) {}

  /**
   * A parameter: text (with its name for named variables), a media header, or a quick reply's payload; exactly
   * the member its type names is set.
   *
   * @param type {@code text}, {@code image}, {@code video}, {@code document} or {@code payload}
   * @param parameter_name a named variable's name, else null
   * @param text the text, for {@code text}
   * @param image the image, for {@code image}
   * @param video the video, for {@code video}
   * @param document the document, for {@code document}
   * @param payload the payload, for {@code payload}
   */
  public record Parameter(String type, @Nullable String parameter_name, @Nullable String text,
      @Nullable Media image, @Nullable Media video, @Nullable Media document, @Nullable String payload) {

    /**
     * A text parameter.
     *
     * @param name the variable's name, or null for a positional one
     * @param text the text
     * @return the parameter
     */
    public static Parameter text(@Nullable String name, String text) {
      return new Parameter("text", name, text, null, null, null, null);
    }

    /**
     * A quick reply's payload.
     *
     * @param payload the payload
     * @return the parameter
     */
    public static Parameter payload(String payload) {
      return new Parameter("payload", null, null, null, null, null, payload);
    }
  }

  /**
   * A media header's file.
   *
   * @param filename the file name shown (documents), or null
   * @param link the media's public URL
   */
  public record Media(@Nullable String filename, String link) {}
}
