package dev.blipsdk.whatsapp;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template message rendered with its variables filled in, as the recipient will roughly see it.
 * Variables the message does not give stay as their placeholder ({@code {{2}}}).
 *
 * <p>The preview holds message text: do not log it.
 *
 * @param header the header text, or a media line such as {@code [image] https://...}, or {@code null}
 * @param body the body text
 * @param footer the footer text, or {@code null}
 * @param buttons one line per button: its label, with the final URL for URL buttons
 */
public record TemplatePreview(@Nullable String header, String body, @Nullable String footer,
    List<String> buttons) {

  /** Checks and copies. */
  public TemplatePreview {
    Objects.requireNonNull(body, "body");
    buttons = List.copyOf(buttons);
  }

  /**
   * The whole preview as text: header, body, footer and buttons on separate lines.
   *
   * @return the text
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    if (header != null) {
      sb.append(header).append('\n');
    }
    sb.append(body);
    if (footer != null) {
      sb.append('\n').append(footer);
    }
    for (String b : buttons) {
      sb.append("\n[").append(b).append(']');
    }
    return sb.toString();
  }

  /** Says only how long the parts are: the text is message content. */
  @Override
  public String toString() {
    return "TemplatePreview{bodyLength=" + body.length() + ", buttons=" + buttons.size() + "}";
  }
}
