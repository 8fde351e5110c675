package dev.blipsdk.desk.internal;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Node;
import java.util.Objects;

/**
 * Sends the desk module's commands through a {@link BlipClient} to one extension address. Immutable and
 * thread-safe.
 */
public final class DeskTransport {
  /** The Desk extension. */
  public static final Node DESK = Node.parse("postmaster@desk.msging.net");
  /** The CRM (contacts) extension, as documented. */
  public static final Node CRM = Node.parse("postmaster@crm.msging.net");
  /** The bot's own postmaster (contexts, threads, notifications). */
  public static final Node MSGING = Node.parse("postmaster@msging.net");

  private final BlipClient client;
  private final Node to;

  /**
   * Creates the transport.
   *
   * @param client the client
   * @param to the extension every command goes to
   */
  public DeskTransport(BlipClient client, Node to) {
    this.client = Objects.requireNonNull(client, "client");
    this.to = Objects.requireNonNull(to, "to");
  }

  /**
   * The client.
   *
   * @return the client
   */
  public BlipClient client() {
    return client;
  }

  /**
   * {@code get uri}.
   *
   * @param uri the uri
   * @return the response
   */
  public Command get(String uri) {
    return client.execute(Command.get(uri).to(to).build());
  }

  /**
   * {@code get uri}, the resource decoded into {@code resultType} by the public typed
   * {@code BlipClient.execute(Command, Class)} (one pass over the response).
   *
   * @param uri the uri
   * @param resultType the resource's type
   * @param <T> the resource's type
   * @return the resource
   */
  public <T> T get(String uri, Class<T> resultType) {
    return client.execute(Command.get(uri).to(to).build(), resultType);
  }

  /**
   * {@code set uri} with a resource, the response's resource decoded into {@code resultType}.
   *
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @param resultType the response resource's type
   * @param <T> the response resource's type
   * @return the response's resource
   */
  public <T> T set(String uri, String type, Object resource, Class<T> resultType) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build(), resultType);
  }

  /**
   * {@code set uri} with a resource.
   *
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @return the response
   */
  public Command set(String uri, String type, Object resource) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build());
  }

  /**
   * {@code set uri} marked idempotent (safe to retry: it writes a whole value).
   *
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @return the response
   */
  public Command setIdempotent(String uri, String type, Object resource) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build(),
        RequestOptions.builder().idempotent(true).build());
  }

  /**
   * {@code merge uri} with a resource.
   *
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree
   * @return the response
   */
  public Command merge(String uri, String type, Object resource) {
    return client.execute(Command.merge(uri, type, JsonDocument.of(resource)).to(to).build(),
        RequestOptions.builder().idempotent(true).build());
  }

  /**
   * {@code delete uri}; deleting twice leaves the same state, so it is retried like a read.
   *
   * @param uri the uri
   * @return the response
   */
  public Command delete(String uri) {
    return client.execute(Command.delete(uri).to(to).build(), RequestOptions.builder().idempotent(true).build());
  }
}
