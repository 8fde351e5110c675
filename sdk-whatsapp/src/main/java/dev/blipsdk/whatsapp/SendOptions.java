package dev.blipsdk.whatsapp;

import dev.blipsdk.core.RequestOptions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Per-send options: the envelope id to use, a template definition to validate against, and the core
 * request options (deadline, retry policy, idempotence).
 *
 * <pre>{@code
 * SendOptions opts = SendOptions.builder()
 *     .envelopeId(orderId + "-shipped")            // your own id: notifications will carry it
 *     .template(catalog.find("order_shipped", "pt_BR").orElseThrow())
 *     .build();
 * }</pre>
 *
 * <p>A message send is never repeated once its bytes may have reached Blip, unless
 * {@link RequestOptions.Builder#idempotent(boolean)} says a duplicate is acceptable.
 *
 * <p>Immutable and thread-safe.
 */
public final class SendOptions {
  private static final SendOptions NONE = builder().build();

  private final @Nullable String envelopeId;
  private final @Nullable Template template;
  private final RequestOptions requestOptions;

  private SendOptions(Builder b) {
    this.envelopeId = b.envelopeId;
    this.template = b.template;
    this.requestOptions = b.requestOptions;
  }

  /**
   * No options: a generated id, validation without a definition, the client's request settings.
   *
   * @return the options
   */
  public static SendOptions none() {
    return NONE;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The envelope id to send with.
   *
   * @return the id, or {@code null} to generate one
   */
  public @Nullable String envelopeId() {
    return envelopeId;
  }

  /**
   * The template definition to validate against.
   *
   * @return the definition, or {@code null}
   */
  public @Nullable Template template() {
    return template;
  }

  /**
   * The core request options.
   *
   * @return the options
   */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  @Override
  public String toString() {
    return "SendOptions{envelopeId=" + envelopeId + ", template=" + (template == null ? null : template.name())
        + ", requestOptions=" + requestOptions + "}";
  }

  /** Builds {@link SendOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String envelopeId;
    private @Nullable Template template;
    private RequestOptions requestOptions = RequestOptions.none();

    private Builder() {}

    /**
     * Sends with this envelope id instead of a generated one (make it unique).
     *
     * @param id the id
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder envelopeId(String id) {
      Objects.requireNonNull(id, "envelopeId");
      if (id.isBlank()) {
        throw new IllegalArgumentException("envelopeId must not be blank");
      }
      this.envelopeId = id;
      return this;
    }

    /**
     * Validates the message against this definition before sending (variable counts per component,
     * header kind).
     *
     * @param definition the definition, usually from {@link TemplateCatalog#find(String, String)}
     * @return this builder
     */
    public Builder template(Template definition) {
      this.template = Objects.requireNonNull(definition, "template");
      return this;
    }

    /**
     * Sets the core request options.
     *
     * @param options the options
     * @return this builder
     */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "requestOptions");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public SendOptions build() {
      return new SendOptions(this);
    }
  }
}
