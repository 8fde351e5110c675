package dev.blipsdk.core.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a webhook request: an immutable multi-map whose names match without regard to case, as
 * HTTP requires ({@code X-Hub-Signature-256} and {@code x-hub-signature-256} are the same header).
 *
 * <p>Build it from whatever your HTTP server gives you:
 * <pre>{@code
 * // JDK HttpServer (Headers is a Map<String, List<String>>), OkHttp's headers.toMultimap()
 * WebhookHeaders headers = WebhookHeaders.fromMultiMap(exchange.getRequestHeaders());
 * // Spring's HttpHeaders (6.2 and 7, where HttpHeaders is no longer a Map)
 * WebhookHeaders headers = WebhookHeaders.fromEntries(httpHeaders.headerSet());
 * // a single-valued map
 * WebhookHeaders headers = WebhookHeaders.fromMap(Map.of("X-Blip-Token", token));
 * // a Servlet request
 * WebhookHeaders.Builder b = WebhookHeaders.builder();
 * request.getHeaderNames().asIterator().forEachRemaining(
 *     name -> request.getHeaders(name).asIterator().forEachRemaining(value -> b.add(name, value)));
 * }</pre>
 *
 * <p>{@code null} names and values (some server APIs use a {@code null} key for the status line) are
 * skipped. Immutable and thread-safe. {@link #toString()} lists the names only: values can be secrets.
 */
public final class WebhookHeaders {
  private static final WebhookHeaders EMPTY = new WebhookHeaders(Map.of());

  /** Lower-case name to values, in arrival order. */
  private final Map<String, List<String>> values;

  private WebhookHeaders(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * No headers.
   *
   * @return the empty headers
   */
  public static WebhookHeaders empty() {
    return EMPTY;
  }

  /**
   * Copies a multi-map of headers, for example the JDK {@code HttpServer}'s {@code Headers} or OkHttp's
   * {@code Headers.toMultimap()}. Names that differ only in case are merged.
   *
   * @param headers the headers; {@code null} keys and values are skipped
   * @return the headers
   */
  public static WebhookHeaders fromMultiMap(Map<String, ? extends @Nullable Collection<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return fromEntries(headers.entrySet());
  }

  /**
   * Copies name and values pairs, for header types that are iterable but not a {@link Map}: Spring's
   * {@code HttpHeaders.headerSet()} (Spring 6.2 and 7; since Spring 7 {@code HttpHeaders} is no longer a
   * {@code Map}), or any {@code map.entrySet()}. Names that differ only in case are merged.
   *
   * @param headers the entries; {@code null} entries, keys and values are skipped
   * @return the headers
   */
  public static WebhookHeaders fromEntries(
      Iterable<? extends Map.@Nullable Entry<String, ? extends @Nullable Collection<String>>> headers) {
    Objects.requireNonNull(headers, "headers");
    Builder b = builder();
    for (Map.Entry<String, ? extends @Nullable Collection<String>> e : headers) {
      if (e == null) {
        continue;
      }
      Collection<String> vs = e.getValue();
      if (e.getKey() == null || vs == null) {
        continue;
      }
      for (String v : vs) {
        b.addIfPresent(e.getKey(), v);
      }
    }
    return b.build();
  }

  /**
   * Copies a map with one value per header.
   *
   * @param headers the headers; {@code null} keys and values are skipped
   * @return the headers
   */
  public static WebhookHeaders fromMap(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers");
    Builder b = builder();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey() != null) {
        b.addIfPresent(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /**
   * Headers from name and value pairs: {@code of("X-Blip-Token", "abc", "Content-Type",
   * "application/json")}.
   *
   * @param namesAndValues alternating names and values
   * @return the headers
   * @throws IllegalArgumentException if the count is odd or an element is {@code null}
   */
  public static WebhookHeaders of(String... namesAndValues) {
    Objects.requireNonNull(namesAndValues, "namesAndValues");
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "namesAndValues: expected name, value pairs but got an odd count (" + namesAndValues.length + ")");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == null || namesAndValues[i + 1] == null) {
        throw new IllegalArgumentException("namesAndValues[" + i + "]: names and values must not be null");
      }
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /**
   * A builder, for servers that hand out headers one at a time.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the first value, or {@code null} when the header is absent
   */
  public @Nullable String first(String name) {
    List<String> vs = values.get(key(name));
    return vs == null ? null : vs.get(0);
  }

  /**
   * Every value of a header, in arrival order.
   *
   * @param name the header name, any case
   * @return the values, empty when the header is absent; unmodifiable
   */
  public List<String> all(String name) {
    List<String> vs = values.get(key(name));
    return vs == null ? List.of() : vs;
  }

  /**
   * Whether a header is present.
   *
   * @param name the header name, any case
   * @return true when it has at least one value
   */
  public boolean contains(String name) {
    return values.containsKey(key(name));
  }

  /**
   * The header names, lower-cased.
   *
   * @return the names; unmodifiable
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * The headers as a multi-map with lower-case names.
   *
   * @return the multi-map; unmodifiable
   */
  public Map<String, List<String>> asMap() {
    return values;
  }

  private static String key(String name) {
    Objects.requireNonNull(name, "name");
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WebhookHeaders other && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Lists the names only; values may be secrets. */
  @Override
  public String toString() {
    return "WebhookHeaders" + values.keySet();
  }

  /** Collects headers one at a time. Not thread-safe; the headers it builds are. */
  public static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a value to a header.
     *
     * @param name the header name, any case
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name is empty
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name: a header name must not be empty");
      }
      values.computeIfAbsent(key(name), k -> new ArrayList<>(1)).add(value);
      return this;
    }

    private void addIfPresent(String name, @Nullable String value) {
      if (value != null && !name.isEmpty()) {
        add(name, value);
      }
    }

    /**
     * Builds the immutable headers.
     *
     * @return the headers
     */
    public WebhookHeaders build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new WebhookHeaders(Collections.unmodifiableMap(copy));
    }
  }
}
