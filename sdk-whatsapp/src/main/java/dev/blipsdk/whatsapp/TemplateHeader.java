package dev.blipsdk.whatsapp;

import dev.blipsdk.whatsapp.internal.Placeholders;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The header of a template definition.
 *
 * @param format the format
 * @param rawFormat the format as the server sent it
 * @param text the text of a {@link HeaderFormat#TEXT} header, or {@code null}
 */
public record TemplateHeader(HeaderFormat format, String rawFormat, @Nullable String text) {
  /** Checks the parts. */
  public TemplateHeader {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(rawFormat, "rawFormat");
  }

  /**
   * The header's placeholders (at most one for a text header).
   *
   * @return the placeholder names, for example {@code ["1"]}
   */
  public List<String> placeholders() {
    return Placeholders.of(text);
  }

  /**
   * How many variables a message must give for this header: the text placeholders, or one media URL for
   * an image, video or document header.
   *
   * @return the count
   */
  public int variableCount() {
    return format.mediaKind() != null ? 1 : placeholders().size();
  }
}
