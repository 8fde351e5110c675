package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.whatsapp.internal.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
public record Template(@Nullable String id, String name, String language, String status,
    @Nullable String category, @Nullable TemplateHeader header, @Nullable String bodyText,
    @Nullable String footerText, List<TemplateButton> buttons) {

  /** Checks and copies. */
  public Template {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    status = status == null ? "" : status;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
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
    Object tree = json.tree();
    if (!(tree instanceof Map<?, ?> map)) {
      throw new BlipProtocolException("a message template must be a JSON object");
    }
    return fromMap(map);
  }

  static Template fromMap(Map<?, ?> map) {
    String name = string(get(map, "name"));
    if (name == null) {
      name = string(get(map, "elementName"));
    }
    if (name == null) {
      throw new BlipProtocolException("a message template has no name");
    }
    Object lang = get(map, "language");
    String language = lang instanceof Map<?, ?> lm ? string(get(lm, "code")) : string(lang);
    TemplateHeader header = null;
    String body = null;
    String footer = null;
    List<TemplateButton> buttons = new ArrayList<>();
    Object comps = get(map, "components");
    if (comps instanceof List<?> list) {
      for (Object c : list) {
        if (!(c instanceof Map<?, ?> comp)) {
          continue;
        }
        String type = string(get(comp, "type"));
        switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
          case "HEADER" -> {
            String format = string(get(comp, "format"));
            String raw = format == null ? "TEXT" : format;
            header = new TemplateHeader(HeaderFormat.fromWire(raw), raw, string(get(comp, "text")));
          }
          case "BODY" -> body = string(get(comp, "text"));
          case "FOOTER" -> footer = string(get(comp, "text"));
          case "BUTTONS" -> {
            if (get(comp, "buttons") instanceof List<?> bl) {
              for (Object b : bl) {
                if (b instanceof Map<?, ?> bm) {
                  String bt = string(get(bm, "type"));
                  String rawType = bt == null ? "" : bt;
                  String text = string(get(bm, "text"));
                  buttons.add(new TemplateButton(ButtonType.fromWire(rawType), rawType, text == null ? "" : text,
                      string(get(bm, "url")), string(get(bm, "phone_number"))));
                }
              }
            }
          }
          default -> { }
        }
      }
    }
    String status = string(get(map, "status"));
    return new Template(string(get(map, "id")), name, language == null ? "" : language,
        status == null ? "" : status, string(get(map, "category")), header, body, footer, buttons);
  }

  private static @Nullable Object get(Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v != null) {
      return v;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() instanceof String k && k.replace("_", "").equalsIgnoreCase(key.replace("_", ""))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static @Nullable String string(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }
}
