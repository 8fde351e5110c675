package dev.blipsdk.whatsapp.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message template as Blip passes Meta's definition through, read by core's reader
 * ({@code JsonDocument.decode}); {@code Template} is made from it. Exported to core only, for the reader.
 *
 * @param id the id, or null
 * @param name the name, or null
 * @param elementName the name under Blip's older key, or null
 * @param language a language code, or an object with a {@code code}
 * @param status the status, or null
 * @param category the category, or null
 * @param components the components
 * @param raw the whole template as it came
 */
public record TemplateWire(@Nullable String id, @Nullable String name, @Nullable String elementName,
    JsonDocument language, @Nullable String status, @Nullable String category, List<Component> components,
    JsonDocument raw) {

  /**
   * One component.
   *
   * @param type HEADER, BODY, FOOTER, BUTTONS (any case), or null
   * @param format the header format, or null
   * @param text the text, or null
   * @param buttons the buttons of a BUTTONS component
   */
  public record Component(@Nullable String type, @Nullable String format, @Nullable String text,
      List<Button> buttons) {}

  /**
   * One button.
   *
   * @param type the type as sent, or null
   * @param text the label, or null
   * @param url the URL of a URL button, or null
   * @param phone_number the number of a call button, or null (Meta's name)
   */
  @SuppressWarnings("checkstyle:RecordComponentName")
  public record Button(@Nullable String type, @Nullable String text, @Nullable String url,
      @Nullable String phone_number) {}

  /**
   * A language given as an object.
   *
   * @param code the code, or null
   */
  public record Language(@Nullable String code) {}
}
