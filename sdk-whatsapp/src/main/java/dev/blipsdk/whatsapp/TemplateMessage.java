package dev.blipsdk.whatsapp;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.whatsapp.internal.TemplateContent;
import dev.blipsdk.whatsapp.internal.Placeholders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp template message: which approved template, in which language, with which variables. Builds
 * exactly the {@code application/json} content Blip expects ({@code {"type":"template","template":{...}}}).
 *
 * <pre>{@code
 * TemplateMessage order = TemplateMessage.of("order_shipped", "pt_BR")
 *     .headerImage("https://cdn.example.com/box.png")
 *     .body("Ana", "#4411")                     // {{1}}, {{2}}
 *     .quickReply(0, "track")                   // payload of the first button
 *     .urlSuffix(1, "4411");                    // https://example.com/track/{{1}}
 * order.validate(catalog.find("order_shipped", "pt_BR").orElseThrow());
 * }</pre>
 *
 * <p><b>Immutable</b> and thread-safe: every method returns a new message and leaves this one as it was,
 * so a partly filled message can be shared as the base of many sends (bulk campaigns) and each recipient
 * adds its own variables.
 *
 * <p>Validation ({@link #validate()}, {@link #validate(Template)}, and always before sending) refuses,
 * with a {@link BlipValidationException} naming the component, the variable and the rule: a bad name
 * or language code; header text variables over 60 characters; body variables over 1024 characters
 * (32768 when the body is the template's only component); newlines, tabs or more than four spaces in a
 * row (unless {@link #whitespace(WhitespacePolicy)} normalises them); media URLs that are not absolute
 * http(s) or not of the header's kind; and, with a template definition at hand, variable counts per
 * component and a header of another kind than the template's.
 *
 * <p>{@link #toString()} shows the template and the variable counts, never their values.
 */
public final class TemplateMessage {
  /** The default language policy. */
  public static final String DEFAULT_POLICY = "deterministic";

  private final String name;
  private final String language;
  private final String policy;
  private final @Nullable String namespace;
  private final @Nullable HeaderValue header;
  private final List<String> positional;
  private final Map<String, String> named;
  private final Map<Integer, ButtonValue> buttons;
  private final WhitespacePolicy whitespace;
  private final MediaCheck mediaCheck;

  /**
   * A header variable: text, or media by URL.
   *
   * @param kind the media kind, or {@code null} for text
   * @param value the text or the URL
   * @param filename a document's file name, or {@code null}
   * @param parameterName the name of a named text variable, or {@code null}
   */
  record HeaderValue(@Nullable MediaKind kind, String value, @Nullable String filename,
      @Nullable String parameterName) {}

  /**
   * A button variable.
   *
   * @param type quick reply or URL
   * @param value the payload or the URL suffix
   */
  record ButtonValue(ButtonType type, String value) {}

  private TemplateMessage(String name, String language, String policy, @Nullable String namespace,
      @Nullable HeaderValue header, List<String> positional, Map<String, String> named,
      Map<Integer, ButtonValue> buttons, WhitespacePolicy whitespace, MediaCheck mediaCheck) {
    this.name = name;
    this.language = language;
    this.policy = policy;
    this.namespace = namespace;
    this.header = header;
    this.positional = positional;
    this.named = named;
    this.buttons = buttons;
    this.whitespace = whitespace;
    this.mediaCheck = mediaCheck;
  }

  /**
   * A message for a template, with no variables yet and the {@code deterministic} language policy.
   *
   * @param name the template name, for example {@code order_shipped} (lowercase, digits, {@code _})
   * @param languageCode the language code, for example {@code pt_BR}, {@code en} or {@code en_US}
   * @return the message
   */
  public static TemplateMessage of(String name, String languageCode) {
    return new TemplateMessage(required(name, "template.name"), required(languageCode, "template.language"),
        DEFAULT_POLICY, null, null, List.of(), Map.of(), Map.of(), WhitespacePolicy.REJECT, MediaCheck.EXTENSION);
  }

  private static String required(@Nullable String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  private TemplateMessage copy(@Nullable HeaderValue h, List<String> pos, Map<String, String> nam,
      Map<Integer, ButtonValue> btn) {
    return new TemplateMessage(name, language, policy, namespace, h, pos, nam, btn, whitespace, mediaCheck);
  }

  /**
   * Sets the WABA namespace ({@code message_template_namespace}); optional, Blip accepts the name alone.
   *
   * @param namespace the namespace
   * @return a new message
   */
  public TemplateMessage namespace(String namespace) {
    return new TemplateMessage(name, language, policy, required(namespace, "template.namespace"), header,
        positional, named, buttons, whitespace, mediaCheck);
  }

  /**
   * Sets the language policy (default {@code deterministic}, the only one WhatsApp still honours).
   *
   * @param policy the policy
   * @return a new message
   */
  public TemplateMessage policy(String policy) {
    return new TemplateMessage(name, language, required(policy, "template.language.policy"), namespace, header,
        positional, named, buttons, whitespace, mediaCheck);
  }

  /**
   * Chooses what to do with newlines, tabs and runs of spaces in text variables (default reject).
   *
   * @param policy the policy
   * @return a new message
   */
  public TemplateMessage whitespace(WhitespacePolicy policy) {
    return new TemplateMessage(name, language, this.policy, namespace, header, positional, named, buttons,
        Objects.requireNonNull(policy, "policy"), mediaCheck);
  }

  /**
   * Chooses how media URLs are checked to be of the header's kind (default by extension).
   *
   * @param check the check
   * @return a new message
   */
  public TemplateMessage mediaCheck(MediaCheck check) {
    return new TemplateMessage(name, language, policy, namespace, header, positional, named, buttons,
        whitespace, Objects.requireNonNull(check, "check"));
  }

  /**
   * Fills a text header's variable ({@code {{1}}}).
   *
   * @param text the value, at most 60 characters
   * @return a new message
   */
  public TemplateMessage headerText(String text) {
    return copy(new HeaderValue(null, required(text, "header.text"), null, null), positional, named, buttons);
  }

  /**
   * Fills a text header's named variable ({@code {{first_name}}}).
   *
   * @param parameterName the variable's name
   * @param text the value, at most 60 characters
   * @return a new message
   */
  public TemplateMessage headerText(String parameterName, String text) {
    return copy(new HeaderValue(null, required(text, "header.text"), null,
        required(parameterName, "header.parameter_name")), positional, named, buttons);
  }

  /**
   * Fills an image header with the URL of a JPEG or PNG image.
   *
   * @param url an absolute http(s) URL
   * @return a new message
   */
  public TemplateMessage headerImage(String url) {
    return headerMedia(MediaKind.IMAGE, url, null);
  }

  /**
   * Fills a video header with the URL of an MP4 or 3GPP video (not a YouTube page).
   *
   * @param url an absolute http(s) URL
   * @return a new message
   */
  public TemplateMessage headerVideo(String url) {
    return headerMedia(MediaKind.VIDEO, url, null);
  }

  /**
   * Fills a document header with the URL of a PDF and the file name the recipient sees.
   *
   * @param url an absolute http(s) URL of a PDF
   * @param filename the file name, for example {@code invoice-4411.pdf}
   * @return a new message
   */
  public TemplateMessage headerDocument(String url, String filename) {
    return headerMedia(MediaKind.DOCUMENT, url, required(filename, "header.document.filename"));
  }

  /**
   * Fills a media header.
   *
   * @param kind the kind
   * @param url an absolute http(s) URL of media of that kind
   * @param filename a document's file name, or {@code null}
   * @return a new message
   */
  public TemplateMessage headerMedia(MediaKind kind, String url, @Nullable String filename) {
    Objects.requireNonNull(kind, "kind");
    return copy(new HeaderValue(kind, required(url, "header." + kind.wireValue()), filename, null), positional,
        named, buttons);
  }

  /**
   * Sets the body's positional variables, {@code {{1}}} first. Replaces earlier body variables.
   *
   * @param values the values, in order
   * @return a new message
   */
  public TemplateMessage body(String... values) {
    Objects.requireNonNull(values, "values");
    return body(List.of(nonNull(values)));
  }

  private static String[] nonNull(String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new IllegalArgumentException("body variable {{" + (i + 1) + "}} must not be null");
      }
    }
    return values;
  }

  /**
   * Sets the body's positional variables, {@code {{1}}} first. Replaces earlier body variables.
   *
   * @param values the values, in order
   * @return a new message
   */
  public TemplateMessage body(List<String> values) {
    Objects.requireNonNull(values, "values");
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException("body variable {{" + (i + 1) + "}} must not be null");
      }
    }
    return copy(header, List.copyOf(values), Map.of(), buttons);
  }

  /**
   * Sets one named body variable ({@code {{first_name}}}), keeping the other named ones. Named and
   * positional variables do not mix: this drops positional ones.
   *
   * @param parameterName the variable's name, for example {@code first_name}
   * @param value the value
   * @return a new message
   */
  public TemplateMessage bodyVariable(String parameterName, String value) {
    required(parameterName, "body.parameter_name");
    required(value, "body.{{" + parameterName + "}}");
    Map<String, String> m = new LinkedHashMap<>(named);
    m.put(parameterName, value);
    return copy(header, List.of(), Collections.unmodifiableMap(m), buttons);
  }

  /**
   * Sets the named body variables, replacing earlier body variables.
   *
   * @param values name to value, in the order to send
   * @return a new message
   */
  public TemplateMessage body(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(required(k, "body.parameter_name"), required(v, "body.{{" + k + "}}")));
    return copy(header, List.of(), Collections.unmodifiableMap(m), buttons);
  }

  /**
   * Sets the payload of a quick-reply button (sent back to the bot when the customer taps it).
   *
   * @param index the button's index in the template, from 0
   * @param payload the payload
   * @return a new message
   */
  public TemplateMessage quickReply(int index, String payload) {
    return button(index, new ButtonValue(ButtonType.QUICK_REPLY, required(payload, "buttons[" + index + "].payload")));
  }

  /**
   * Sets the suffix of a URL button whose URL ends with a variable ({@code https://x.com/track/{{1}}}).
   *
   * @param index the button's index in the template, from 0
   * @param suffix the text appended to the URL
   * @return a new message
   */
  public TemplateMessage urlSuffix(int index, String suffix) {
    return button(index, new ButtonValue(ButtonType.URL, required(suffix, "buttons[" + index + "].url")));
  }

  private TemplateMessage button(int index, ButtonValue value) {
    if (index < 0 || index > 9) {
      throw new IllegalArgumentException("buttons[" + index + "]: index must be 0 to 9");
    }
    Map<Integer, ButtonValue> m = new TreeMap<>(buttons);
    m.put(index, value);
    return copy(header, positional, named, Collections.unmodifiableMap(m));
  }

  /**
   * The template name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The language code.
   *
   * @return for example {@code pt_BR}
   */
  public String language() {
    return language;
  }

  /**
   * The language policy.
   *
   * @return for example {@code deterministic}
   */
  public String policy() {
    return policy;
  }

  /**
   * The namespace.
   *
   * @return the namespace, or {@code null}
   */
  public @Nullable String namespace() {
    return namespace;
  }

  /**
   * The media kind of the header this message fills.
   *
   * @return the kind, or {@code null} when the header is text or absent
   */
  public @Nullable MediaKind headerMediaKind() {
    return header == null ? null : header.kind();
  }

  /**
   * The media URL of the header this message fills.
   *
   * @return the URL, or {@code null}
   */
  public @Nullable String headerMediaUrl() {
    return header == null || header.kind() == null ? null : header.value();
  }

  /**
   * The positional body variables.
   *
   * @return the values, {@code {{1}}} first; empty when named or none
   */
  public List<String> bodyValues() {
    return positional;
  }

  /**
   * The named body variables.
   *
   * @return name to value; empty when positional or none
   */
  public Map<String, String> bodyVariables() {
    return named;
  }

  /**
   * The whitespace policy.
   *
   * @return the policy
   */
  public WhitespacePolicy whitespacePolicy() {
    return whitespace;
  }

  /**
   * The media check.
   *
   * @return the check
   */
  public MediaCheck mediaCheckMode() {
    return mediaCheck;
  }

  /**
   * Validates what can be checked without a template definition (formats, limits, whitespace, media
   * URLs).
   *
   * @return this message
   * @throws BlipValidationException naming the component, the variable and the rule broken
   */
  public TemplateMessage validate() {
    return validate(null);
  }

  /**
   * Validates, and with a definition also checks that it is this template, that each component gets
   * exactly the variables it declares, and that the header is of the template's kind.
   *
   * @param definition the template definition, or {@code null}
   * @return this message
   * @throws BlipValidationException naming the component, the variable and the rule broken
   */
  public TemplateMessage validate(@Nullable Template definition) {
    TemplateRules.validate(this, definition);
    return this;
  }

  /**
   * The content of the message: {@code {"type":"template","template":{...}}}. Text variables are
   * normalised first when the whitespace policy says so. Does not validate.
   *
   * @return the content
   */
  public JsonDocument toContent() {
    List<TemplateContent.Component> components = new ArrayList<>(2 + buttons.size());
    if (header != null) {
      TemplateContent.Parameter p;
      if (header.kind() == null) {
        p = TemplateContent.Parameter.text(header.parameterName(), text(header.value()));
      } else {
        TemplateContent.Media media = new TemplateContent.Media(header.filename(), header.value());
        MediaKind kind = header.kind();
        p = new TemplateContent.Parameter(kind.wireValue(), null, null, kind == MediaKind.IMAGE ? media : null,
            kind == MediaKind.VIDEO ? media : null, kind == MediaKind.DOCUMENT ? media : null, null);
      }
      components.add(new TemplateContent.Component("header", null, null, List.of(p)));
    }
    TemplateContent.Parameter[] body = new TemplateContent.Parameter[positional.size() + named.size()];
    int i = 0;
    for (String v : positional) {
      body[i++] = TemplateContent.Parameter.text(null, text(v));
    }
    for (Map.Entry<String, String> e : named.entrySet()) {
      body[i++] = TemplateContent.Parameter.text(e.getKey(), text(e.getValue()));
    }
    components.add(new TemplateContent.Component("body", null, null, List.of(body)));
    for (Map.Entry<Integer, ButtonValue> e : buttons.entrySet()) {
      ButtonValue b = e.getValue();
      boolean url = b.type() == ButtonType.URL;
      components.add(new TemplateContent.Component("button", url ? "url" : "quick_reply", e.getKey(),
          List.of(url ? TemplateContent.Parameter.text(null, b.value()) : TemplateContent.Parameter.payload(b.value()))));
    }
    return JsonDocument.of(new TemplateContent("template", new TemplateContent.Template(namespace, name,
        new TemplateContent.Language(language, policy), components)));
  }

  private String text(String value) {
    return whitespace == WhitespacePolicy.NORMALIZE ? TemplateRules.normalize(value) : value;
  }

  /**
   * The message to send to an identity: type {@code application/json} with {@link #toContent()}. Does
   * not validate; {@link WhatsAppClient} validates before sending.
   *
   * @param to the WhatsApp identity
   * @return the message, without an id
   */
  public Message toMessage(Identity to) {
    Objects.requireNonNull(to, "to");
    return Message.of(to.toNode(), MediaTypes.APPLICATION_JSON, toContent());
  }

  /**
   * Renders the final text with the variables filled in. Variables not given stay as placeholders.
   *
   * @param definition the template definition (the text lives there)
   * @return the preview
   */
  public TemplatePreview preview(Template definition) {
    Objects.requireNonNull(definition, "definition");
    String h = null;
    TemplateHeader th = definition.header();
    if (th != null) {
      if (th.format().mediaKind() != null) {
        h = "[" + th.format().mediaKind().wireValue() + "] " + (header != null && header.kind() != null
            ? header.value() + (header.filename() == null ? "" : " (" + header.filename() + ")")
            : "{{media}}");
      } else if (th.text() != null) {
        String hv = header != null && header.kind() == null ? text(header.value()) : null;
        h = Placeholders.fill(th.text(), n -> hv);
      }
    }
    String body = definition.bodyText() == null ? "" : Placeholders.fill(definition.bodyText(), this::bodyValue);
    List<String> lines = new ArrayList<>();
    List<TemplateButton> defs = definition.buttons();
    for (int i = 0; i < defs.size(); i++) {
      TemplateButton b = defs.get(i);
      ButtonValue v = buttons.get(i);
      if (b.type() == ButtonType.URL && b.url() != null) {
        String suffix = v == null ? null : v.value();
        lines.add(b.text() + " -> " + Placeholders.fill(b.url(), n -> suffix));
      } else if (b.type() == ButtonType.PHONE_NUMBER && b.phoneNumber() != null) {
        lines.add(b.text() + " -> " + b.phoneNumber());
      } else {
        lines.add(b.text());
      }
    }
    return new TemplatePreview(h, body, definition.footerText(), lines);
  }

  private @Nullable String bodyValue(String placeholder) {
    String v = named.get(placeholder);
    if (v == null && !positional.isEmpty()) {
      try {
        int i = Integer.parseInt(placeholder);
        v = i >= 1 && i <= positional.size() ? positional.get(i - 1) : null;
      } catch (NumberFormatException e) {
        v = null;
      }
    }
    return v == null ? null : text(v);
  }

  // accessors for the validator, same package through TemplateRules' view
  /**
   * The header variable, for the validator.
   *
   * @return the header or null
   */
  @Nullable HeaderValue headerValue() {
    return header;
  }

  /**
   * The button variables, for the validator.
   *
   * @return index to button
   */
  Map<Integer, ButtonValue> buttonValues() {
    return buttons;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TemplateMessage t && t.name.equals(name) && t.language.equals(language)
        && t.policy.equals(policy) && Objects.equals(t.namespace, namespace) && Objects.equals(t.header, header)
        && t.positional.equals(positional) && t.named.equals(named) && t.buttons.equals(buttons)
        && t.whitespace == whitespace && t.mediaCheck == mediaCheck;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, language, policy, namespace, header, positional, named, buttons);
  }

  /** Shows the template and how many variables it carries, never their values. */
  @Override
  public String toString() {
    return "TemplateMessage{name=" + name + ", language=" + language + ", header="
        + (header == null ? "none" : header.kind() == null ? "text" : header.kind().wireValue())
        + ", bodyVariables=" + (positional.size() + named.size()) + ", buttons=" + buttons.keySet() + "}";
  }
}
