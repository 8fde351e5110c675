package dev.blipsdk.whatsapp;

import dev.blipsdk.whatsapp.internal.Placeholders;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A button of a template definition.
 *
 * @param type the type
 * @param rawType the type as the server sent it
 * @param text the label
 * @param url the URL of a URL button (possibly ending with a {@code {{1}}} variable), or {@code null}
 * @param phoneNumber the number of a call button, or {@code null}
 */
public record TemplateButton(ButtonType type, String rawType, String text, @Nullable String url,
    @Nullable String phoneNumber) {
  /** Checks the parts. */
  public TemplateButton {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawType, "rawType");
    text = text == null ? "" : text;
  }

  /**
   * The variables of the button's URL (a URL button with a dynamic suffix has one).
   *
   * @return the placeholder names
   */
  public List<String> placeholders() {
    return type == ButtonType.URL ? Placeholders.of(url) : List.of();
  }
}
