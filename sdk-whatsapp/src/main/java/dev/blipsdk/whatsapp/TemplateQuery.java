package dev.blipsdk.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Which templates to list. Immutable: each method returns a new query.
 *
 * <pre>{@code
 * catalog.list(TemplateQuery.all().name("order_shipped").status("APPROVED").language("pt_BR"));
 * }</pre>
 *
 * @param name only templates with this name (sent as {@code templateName}), or {@code null}
 * @param status only templates in this status, compared without regard to case (sent as {@code status}),
 *     or {@code null}
 * @param language only templates in this language (filtered by the SDK), or {@code null}
 * @param take the most templates to ask for (sent as {@code $take})
 */
public record TemplateQuery(@Nullable String name, @Nullable String status, @Nullable String language, int take) {
  /** The default {@code $take}. */
  public static final int DEFAULT_TAKE = 200;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if take is not positive
   */
  public TemplateQuery {
    if (take <= 0) {
      throw new IllegalArgumentException("take must be positive, was " + take);
    }
  }

  /**
   * Every template, up to {@value #DEFAULT_TAKE}.
   *
   * @return the query
   */
  public static TemplateQuery all() {
    return new TemplateQuery(null, null, null, DEFAULT_TAKE);
  }

  /**
   * Only this name.
   *
   * @param templateName the name
   * @return a new query
   */
  public TemplateQuery name(String templateName) {
    return new TemplateQuery(templateName, status, language, take);
  }

  /**
   * Only this status ({@code APPROVED}, {@code PENDING}, {@code REJECTED}...), any casing.
   *
   * @param templateStatus the status
   * @return a new query
   */
  public TemplateQuery status(String templateStatus) {
    return new TemplateQuery(name, templateStatus, language, take);
  }

  /**
   * Only this language.
   *
   * @param languageCode for example {@code pt_BR}
   * @return a new query
   */
  public TemplateQuery language(String languageCode) {
    return new TemplateQuery(name, status, languageCode, take);
  }

  /**
   * At most this many.
   *
   * @param count positive
   * @return a new query
   */
  public TemplateQuery take(int count) {
    return new TemplateQuery(name, status, language, count);
  }
}
