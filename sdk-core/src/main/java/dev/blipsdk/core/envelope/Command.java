package dev.blipsdk.core.envelope;

import dev.blipsdk.core.internal.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A LIME command: a request ({@code get}, {@code set}, {@code merge}, {@code delete}...) on a resource
 * {@code uri}, or the response to one ({@link #status()} set). Sent with {@code POST /commands}; the
 * response command comes back in the body.
 *
 * <p>Build requests with {@link #builder()} or the shortcuts; {@link dev.blipsdk.core.CommandUri} builds
 * uris with percent-encoded query parameters.
 *
 * <pre>{@code
 * Command lookup = Command.get("lime://wa.gw.msging.net/accounts/+5531988889999")
 *     .to(Node.parse("postmaster@wa.gw.msging.net"))
 *     .build();
 * Command response = client.execute(lookup);
 * String account = response.resource().asMap().get("alternativeAccount").toString();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks identities in the uri and addresses and never
 * prints the resource.
 *
 * @param id the command id (the client generates one when it is {@code null})
 * @param from the sender, or {@code null}
 * @param to the extension to address, or {@code null} for the default ({@code postmaster@msging.net})
 * @param pp the delegate, or {@code null}
 * @param method the method
 * @param uri the resource uri, relative ({@code /contacts}) or absolute ({@code lime://...}); {@code null}
 *     only on responses that omit it
 * @param type the MIME type of the resource, or {@code null}
 * @param resource the resource document, or {@code null}
 * @param status the status of a response; {@code null} on a request
 * @param reason why a response failed, or {@code null}
 * @param metadata string metadata in order (a value may be {@code null} where the JSON said so), never
 *     {@code null}
 */
public record Command(
    @Nullable String id,
    @Nullable Node from,
    @Nullable Node to,
    @Nullable Node pp,
    CommandMethod method,
    @Nullable String uri,
    @Nullable String type,
    @Nullable JsonDocument resource,
    @Nullable CommandStatus status,
    @Nullable Reason reason,
    Map<String, @Nullable String> metadata)
    implements Envelope {

  /** Copies the metadata. */
  public Command {
    Objects.requireNonNull(method, "method");
    metadata = Metadata.copy(metadata);
  }

  /**
   * A new, empty command builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder for {@code get uri}.
   *
   * @param uri the resource uri
   * @return the builder
   */
  public static Builder get(String uri) {
    return builder().method(CommandMethod.GET).uri(uri);
  }

  /**
   * A builder for {@code set uri} with a typed resource.
   *
   * @param uri the resource uri
   * @param type the MIME type of the resource
   * @param resource the resource
   * @return the builder
   */
  public static Builder set(String uri, String type, JsonDocument resource) {
    return builder().method(CommandMethod.SET).uri(uri).resource(type, resource);
  }

  /**
   * A builder for {@code merge uri} with a typed resource.
   *
   * @param uri the resource uri
   * @param type the MIME type of the resource
   * @param resource the resource
   * @return the builder
   */
  public static Builder merge(String uri, String type, JsonDocument resource) {
    return builder().method(CommandMethod.MERGE).uri(uri).resource(type, resource);
  }

  /**
   * A builder for {@code delete uri}.
   *
   * @param uri the resource uri
   * @return the builder
   */
  public static Builder delete(String uri) {
    return builder().method(CommandMethod.DELETE).uri(uri);
  }

  /**
   * A builder that starts from this command.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.from = from;
    b.to = to;
    b.pp = pp;
    b.method = method;
    b.uri = uri;
    b.type = type;
    b.resource = resource;
    b.status = status;
    b.reason = reason;
    b.metadata = metadata.isEmpty() ? null : new LinkedHashMap<>(metadata);
    return b;
  }

  /**
   * Whether this is a response with status success.
   *
   * @return true on success
   */
  public boolean isSuccess() {
    return status == CommandStatus.SUCCESS;
  }

  /**
   * The resource, for callers that know the response carries one.
   *
   * @return the resource
   * @throws dev.blipsdk.core.exception.BlipProtocolException if the command has no resource
   */
  public JsonDocument requireResource() {
    if (resource == null) {
      throw new dev.blipsdk.core.exception.BlipProtocolException(
          "the response to " + method.wireValue() + " " + Redaction.uri(uri) + " has no resource");
    }
    return resource;
  }

  /** Masks identities and leaves out the resource. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Command{id=").append(id).append(", method=")
        .append(method.wireValue()).append(", uri=").append(Redaction.uri(uri));
    if (to != null) {
      sb.append(", to=").append(Redaction.address(to.value()));
    }
    if (status != null) {
      sb.append(", status=").append(status);
    }
    if (reason != null) {
      sb.append(", reason=").append(reason);
    }
    if (type != null) {
      sb.append(", type=").append(type);
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link Command}. Not thread-safe; the command it builds is. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable Node from;
    private @Nullable Node to;
    private @Nullable Node pp;
    private @Nullable CommandMethod method;
    private @Nullable String uri;
    private @Nullable String type;
    private @Nullable JsonDocument resource;
    private @Nullable CommandStatus status;
    private @Nullable Reason reason;
    /** Made by the first entry: most commands carry none. */
    private @Nullable Map<String, @Nullable String> metadata;

    private Builder() {}

    /**
     * Sets the id; leave it unset to let the client generate one.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the sender.
     *
     * @param from the sender
     * @return this builder
     */
    public Builder from(@Nullable Node from) {
      this.from = from;
      return this;
    }

    /**
     * Sets the extension to address, for example {@code postmaster@desk.msging.net}.
     *
     * @param to the recipient node
     * @return this builder
     */
    public Builder to(@Nullable Node to) {
      this.to = to;
      return this;
    }

    /**
     * Sets the extension to address, parsed from text.
     *
     * @param to the recipient node text
     * @return this builder
     * @throws IllegalArgumentException if the text is not a node
     */
    public Builder to(String to) {
      this.to = Node.parse(to);
      return this;
    }

    /**
     * Sets the delegate.
     *
     * @param pp the delegate
     * @return this builder
     */
    public Builder pp(@Nullable Node pp) {
      this.pp = pp;
      return this;
    }

    /**
     * Sets the method.
     *
     * @param method the method
     * @return this builder
     */
    public Builder method(CommandMethod method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * Sets the resource uri.
     *
     * @param uri the uri, relative or absolute
     * @return this builder
     */
    public Builder uri(@Nullable String uri) {
      this.uri = uri;
      return this;
    }

    /**
     * Sets the resource and its MIME type. The type may be null: Blip accepts a resource without one (its
     * Postman collection sends {@code set} commands that way), though sending the type is better practice.
     *
     * @param type the MIME type, or null
     * @param resource the resource
     * @return this builder
     */
    public Builder resource(@Nullable String type, @Nullable JsonDocument resource) {
      this.type = type;
      this.resource = resource;
      return this;
    }

    /**
     * Sets the status (for responses, or tests that build them).
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(@Nullable CommandStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the reason (for responses, or tests that build them).
     *
     * @param reason the reason
     * @return this builder
     */
    public Builder reason(@Nullable Reason reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Adds one metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder metadata(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * Builds the command.
     *
     * @return the command
     * @throws IllegalStateException if the method is not set, or if a uri is missing on a request
     */
    public Command build() {
      if (method == null) {
        throw new IllegalStateException("command method is not set");
      }
      if (status == null && uri == null) {
        throw new IllegalStateException("command uri is not set");
      }
      // a resource without a type is a request Blip accepts (its own Postman collection sends such sets), and
      // anything parsed must build again: toBuilder().build() round-trips every command
      return new Command(id, from, to, pp, method, uri, type, resource, status, reason,
          metadata == null ? Map.of() : metadata);
    }
  }
}
