package dev.blipsdk.desk.internal;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.observation.Operation;
import java.util.Objects;

/**
 * Sends the desk module's commands through a {@link BlipClient} to one extension address. Immutable and
 * thread-safe.
 */
public final class DeskCommands {
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
  public DeskCommands(BlipClient client, Node to) {
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
   * @param operation the call's name for the client's operation listener
   * @param uri the uri
   * @return the response
   */
  public Command get(Operation operation, String uri) {
    return client.execute(Command.get(uri).to(to).build(), options(operation, false));
  }

  /**
   * {@code get uri}, the resource decoded into {@code resultType} by the public typed
   * {@code BlipClient.execute(Command, Class)} (one pass over the response).
   *
   * @param operation the operation, for the listener
   * @param uri the uri
   * @param resultType the resource's type
   * @param <T> the resource's type
   * @return the resource
   */
  public <T> T get(Operation operation, String uri, Class<T> resultType) {
    return client.execute(Command.get(uri).to(to).build(), resultType, options(operation, false));
  }

  /**
   * {@code set uri} with a resource, the response's resource decoded into {@code resultType}.
   *
   * @param operation the operation, for the listener
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @param resultType the response resource's type
   * @param <T> the response resource's type
   * @return the response's resource
   */
  public <T> T set(Operation operation, String uri, String type, Object resource, Class<T> resultType) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build(), resultType,
        options(operation, false));
  }

  /**
   * {@code get uri} with per-call options (the rest of an operation's deadline, say), the resource decoded into
   * {@code resultType}; named {@code operation} unless the options name one.
   *
   * @param operation the operation, for the listener
   * @param uri the uri
   * @param resultType the resource's type
   * @param options the options
   * @param <T> the resource's type
   * @return the resource
   */
  public <T> T get(Operation operation, String uri, Class<T> resultType, RequestOptions options) {
    return client.execute(Command.get(uri).to(to).build(), resultType, CoreBridge.named(options, operation));
  }

  /**
   * {@code set uri} with a resource.
   *
   * @param operation the call's name for the client's operation listener
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @return the response
   */
  public Command set(Operation operation, String uri, String type, Object resource) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build(), options(operation, false));
  }

  /**
   * {@code set uri} marked idempotent (safe to retry: it writes a whole value).
   *
   * @param operation the call's name for the client's operation listener
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree or document
   * @return the response
   */
  public Command setIdempotent(Operation operation, String uri, String type, Object resource) {
    return client.execute(Command.set(uri, type, JsonDocument.of(resource)).to(to).build(), options(operation, true));
  }

  /**
   * {@code merge uri} with a resource.
   *
   * @param operation the call's name for the client's operation listener
   * @param uri the uri
   * @param type the resource type
   * @param resource the resource tree
   * @return the response
   */
  public Command merge(Operation operation, String uri, String type, Object resource) {
    return client.execute(Command.merge(uri, type, JsonDocument.of(resource)).to(to).build(), options(operation, true));
  }

  /**
   * {@code delete uri}; deleting twice leaves the same state, so it is retried like a read.
   *
   * @param operation the call's name for the client's operation listener
   * @param uri the uri
   * @return the response
   */
  public Command delete(Operation operation, String uri) {
    return client.execute(Command.delete(uri).to(to).build(), options(operation, true));
  }

  private static RequestOptions options(Operation operation, boolean idempotent) {
    RequestOptions.Builder b = RequestOptions.builder().operation(operation);
    return (idempotent ? b.idempotent(true) : b).build();
  }
}
