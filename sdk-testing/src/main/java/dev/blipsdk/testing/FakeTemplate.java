package dev.blipsdk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp message template seeded into the fake with {@link FakeBot#seedTemplate(FakeTemplate)}. It is listed
 * by {@code get /message-templates} in Meta's shape and checked when a template message is sent: name and
 * language must match an {@code APPROVED} template, the body and a text header must get as many parameters as
 * they have {@code {{n}}} variables, and a media header must get a parameter of its media kind.
 *
 * <pre>{@code
 * FakeTemplate t = FakeTemplate.builder("order_update", "pt_BR")
 *     .header(FakeTemplate.HeaderFormat.IMAGE)
 *     .body("Olá {{1}}, seu pedido {{2}} saiu para entrega")
 *     .quickReplies("Sim", "Não")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeTemplate {
  /** The header of a template. */
  public enum HeaderFormat {
    /** No header. */
    NONE,
    /** A text header, possibly with variables. */
    TEXT,
    /** An image header. */
    IMAGE,
    /** A video header. */
    VIDEO,
    /** A document header. */
    DOCUMENT,
    /** A location header. */
    LOCATION
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

  private final String id;
  private final String name;
  private final String language;
  private final String category;
  private final String status;
  private final HeaderFormat headerFormat;
  private final @Nullable String headerText;
  private final String body;
  private final @Nullable String footer;
  private final List<String> quickReplies;

  private FakeTemplate(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.language = b.language;
    this.category = b.category;
    this.status = b.status;
    this.headerFormat = b.headerFormat;
    this.headerText = b.headerText;
    this.body = b.body;
    this.footer = b.footer;
    this.quickReplies = List.copyOf(b.quickReplies);
  }

  /**
   * An approved marketing template with only a body.
   *
   * @param name the template name
   * @param language the language code, e.g. {@code pt_BR}
   * @param body the body text, with {@code {{1}}}-style variables
   * @return the template
   */
  public static FakeTemplate of(String name, String language, String body) {
    return builder(name, language).body(body).build();
  }

  /**
   * Starts a template.
   *
   * @param name the template name
   * @param language the language code
   * @return a builder
   */
  public static Builder builder(String name, String language) {
    return new Builder(name, language);
  }

  /** Builds a {@link FakeTemplate}. Not thread-safe. */
  public static final class Builder {
    private String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final String name;
    private final String language;
    private String category = "MARKETING";
    private String status = "APPROVED";
    private HeaderFormat headerFormat = HeaderFormat.NONE;
    private @Nullable String headerText;
    private String body = "";
    private @Nullable String footer;
    private final List<String> quickReplies = new ArrayList<>();

    private Builder(String name, String language) {
      this.name = Objects.requireNonNull(name, "name");
      this.language = Objects.requireNonNull(language, "language");
    }

    /**
     * The Meta template id (random by default).
     *
     * @param id the id
     * @return this
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id);
      return this;
    }

    /**
     * The category ({@code MARKETING} by default).
     *
     * @param category e.g. {@code UTILITY}
     * @return this
     */
    public Builder category(String category) {
      this.category = category.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * The status ({@code APPROVED} by default); only approved templates can be sent.
     *
     * @param status e.g. {@code PENDING}, {@code REJECTED}, {@code PAUSED}
     * @return this
     */
    public Builder status(String status) {
      this.status = status.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * A media header (or {@link HeaderFormat#NONE}).
     *
     * @param format the header format
     * @return this
     */
    public Builder header(HeaderFormat format) {
      this.headerFormat = Objects.requireNonNull(format);
      return this;
    }

    /**
     * A text header, with {@code {{1}}}-style variables.
     *
     * @param text the header text
     * @return this
     */
    public Builder headerText(String text) {
      this.headerFormat = HeaderFormat.TEXT;
      this.headerText = Objects.requireNonNull(text);
      return this;
    }

    /**
     * The body text, with {@code {{1}}}-style variables.
     *
     * @param text the body
     * @return this
     */
    public Builder body(String text) {
      this.body = Objects.requireNonNull(text);
      return this;
    }

    /**
     * A footer.
     *
     * @param text the footer
     * @return this
     */
    public Builder footer(String text) {
      this.footer = text;
      return this;
    }

    /**
     * Quick-reply buttons.
     *
     * @param labels the button labels
     * @return this
     */
    public Builder quickReplies(String... labels) {
      quickReplies.addAll(List.of(labels));
      return this;
    }

    /**
     * Builds the template.
     *
     * @return the template
     */
    public FakeTemplate build() {
      return new FakeTemplate(this);
    }
  }

  /**
   * The Meta template id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The language code.
   *
   * @return the language
   */
  public String language() {
    return language;
  }

  /**
   * The category, upper case.
   *
   * @return the category
   */
  public String category() {
    return category;
  }

  /**
   * The status, upper case.
   *
   * @return the status
   */
  public String status() {
    return status;
  }

  /**
   * The header format.
   *
   * @return the format
   */
  public HeaderFormat headerFormat() {
    return headerFormat;
  }

  /**
   * The header text of a {@link HeaderFormat#TEXT} header.
   *
   * @return the text or null
   */
  public @Nullable String headerText() {
    return headerText;
  }

  /**
   * The body text.
   *
   * @return the body
   */
  public String body() {
    return body;
  }

  /**
   * The footer.
   *
   * @return the footer or null
   */
  public @Nullable String footer() {
    return footer;
  }

  /**
   * The quick-reply button labels.
   *
   * @return the labels
   */
  public List<String> quickReplies() {
    return quickReplies;
  }

  /**
   * How many distinct {@code {{n}}} variables the body has.
   *
   * @return the count
   */
  public int bodyVariables() {
    return countVariables(body);
  }

  /**
   * How many distinct {@code {{n}}} variables a text header has.
   *
   * @return the count
   */
  public int headerVariables() {
    return headerText == null ? 0 : countVariables(headerText);
  }

  private static int countVariables(String text) {
    Matcher m = VARIABLE.matcher(text);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (m.find()) {
      seen.add(m.group(1));
    }
    return seen.size();
  }

  @Override
  public String toString() {
    return "FakeTemplate[" + name + "/" + language + ", " + status + "]";
  }
}
