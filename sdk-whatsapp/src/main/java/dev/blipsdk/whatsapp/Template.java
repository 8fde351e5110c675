package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.whatsapp.internal.Placeholders;
import dev.blipsdk.whatsapp.internal.TemplateWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp message template definition, as the catalog lists it (Meta's shape, passed through by Blip).
 * Give it to {@link TemplateMessage#validate(Template)} or {@link SendOptions.Builder#template(Template)}
 * to check variable counts and the header kind before sending, and to
 * {@link TemplateMessage#preview(Template)} to see the final text.
 *
 * @param id the template id, or {@code null}
 * @param name the template name
 * @param language the language code, for example {@code pt_BR}
 * @param status the status as the server sent it ({@code APPROVED}, {@code Approved}, {@code PENDING}...)
 * @param category the category ({@code MARKETING}, {@code UTILITY}...), or {@code null}
 * @param header the header, or {@code null}
 * @param bodyText the body text with its placeholders, or {@code null}
 * @param footerText the footer text, or {@code null}
 * @param buttons the buttons, in index order
 * @param raw the whole template as it came (an empty object for a template built here): Meta's fields this
 *     SDK does not model, such as {@code quality_score} or {@code rejected_reason}
 */
public record Template(@Nullable String id, String name, String language, String status,
    @Nullable String category, @Nullable TemplateHeader header, @Nullable String bodyText,
    @Nullable String footerText, List<TemplateButton> buttons, JsonDocument raw) {

  private static final JsonDocument EMPTY = JsonDocument.parse("{}");

  /** Checks and copies. */
  public Template {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    status = status == null ? "" : status;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    raw = raw == null ? EMPTY : raw;
  }

  /**
   * A template built here, without a raw document (an empty object).
   *
   * @param id the template id, or {@code null}
   * @param name the template name
   * @param language the language code
   * @param status the status
   * @param category the category, or {@code null}
   * @param header the header, or {@code null}
   * @param bodyText the body text, or {@code null}
   * @param footerText the footer text, or {@code null}
   * @param buttons the buttons
   */
  public Template(@Nullable String id, String name, String language, String status, @Nullable String category,
      @Nullable TemplateHeader header, @Nullable String bodyText, @Nullable String footerText,
      List<TemplateButton> buttons) {
    this(id, name, language, status, category, header, bodyText, footerText, buttons, null);
  }

  /**
   * Whether the template is approved (status compared without regard to case).
   *
   * @return true if approved
   */
  public boolean isApproved() {
    return status.equalsIgnoreCase("APPROVED");
  }

  /**
   * The body's placeholders in order of first appearance: {@code ["1","2"]} or {@code ["first_name"]}.
   *
   * @return the names
   */
  public List<String> bodyPlaceholders() {
    return Placeholders.of(bodyText);
  }

  /**
   * Whether the body uses named placeholders ({@code {{first_name}}}) rather than positional ones.
   *
   * @return true if named
   */
  public boolean namedParameters() {
    List<String> all = new ArrayList<>(bodyPlaceholders());
    if (header != null) {
      all.addAll(header.placeholders());
    }
    return !all.isEmpty() && !Placeholders.positional(all);
  }

  /**
   * Whether the body is the template's only component (then body variables may be up to 32768 chars).
   *
   * @return true if there is no header, footer or button
   */
  public boolean bodyOnly() {
    return header == null && footerText == null && buttons.isEmpty();
  }

  /**
   * Reads a template from its JSON (Meta's shape: {@code name}, {@code language}, {@code status},
   * {@code components:[{type:"HEADER",format:"IMAGE"},{type:"BODY",text:"Hi {{1}}"},...]}). Tolerant of
   * casing and of unknown components, formats and button types, which are kept.
   *
   * @param json the template object
   * @return the template
   * @throws BlipProtocolException if it is not an object with a name
   */
  public static Template fromJson(JsonDocument json) {
    if (!json.isObject()) {
      throw new BlipProtocolException("a message template must be a JSON object");
    }
    TemplateWire wire = json.decode(TemplateWire.class);
    String name = wire.name() != null ? wire.name() : wire.elementName();
    if (name == null) {
      throw new BlipProtocolException("a message template has no name");
    }
    String language = wire.language().isString() ? wire.language().asString()
        : wire.language().isObject() ? wire.language().decode(TemplateWire.Language.class).code() : null;
    TemplateHeader header = null;
    String body = null;
    String footer = null;
    List<TemplateButton> buttons = new ArrayList<>();
    for (TemplateWire.Component comp : wire.components()) {
      String type = comp.type();
      switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
        case "HEADER" -> {
          String raw = comp.format() == null ? "TEXT" : comp.format();
          header = new TemplateHeader(HeaderFormat.fromWire(raw), raw, comp.text());
        }
        case "BODY" -> body = comp.text();
        case "FOOTER" -> footer = comp.text();
        case "BUTTONS" -> {
          for (TemplateWire.Button b : comp.buttons()) {
            String rawType = b.type() == null ? "" : b.type();
            buttons.add(new TemplateButton(ButtonType.fromWire(rawType), rawType, b.text() == null ? "" : b.text(),
                b.url(), b.phone_number()));
          }
        }
        default -> { }
      }
    }
    return new Template(wire.id(), name, language == null ? "" : language, wire.status(), wire.category(), header,
        body, footer, buttons, wire.raw());
  }
}
