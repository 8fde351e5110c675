package dev.blipsdk.core.observation;

import dev.blipsdk.core.envelope.CommandMethod;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link OperationListener} learns when an operation starts: its name and template, the command method,
 * the HTTP path it is posted to and the server it goes to. Every field is a bounded, non-personal value.
 *
 * @param operation the operation
 * @param method the command method, or {@code null} for a message or notification
 * @param path the HTTP path: {@code /commands}, {@code /messages} or {@code /notifications}
 * @param serverAddress the host of the client's base URL, for example {@code my-contract.http.msging.net}
 * @param serverPort the port of the client's base URL
 * @param scheme the scheme of the client's base URL, {@code https} (or {@code http} for a local fake)
 */
public record OperationStart(Operation operation, @Nullable CommandMethod method, String path, String serverAddress,
    int serverPort, String scheme) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException if operation or path is null
   */
  public OperationStart {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(serverAddress, "serverAddress");
    Objects.requireNonNull(scheme, "scheme");
  }
}
