package dev.blipsdk.core.internal;

import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.observation.Operation;

/** How the SDK's feature modules name the calls they make, keeping an operation the caller already chose. */
public final class OperationOptions {
  private OperationOptions() {}

  /**
   * The caller's options, named {@code operation} unless they name one already.
   *
   * @param options the caller's options
   * @param operation the feature module's name for the call
   * @return the options to send with
   */
  public static RequestOptions named(RequestOptions options, Operation operation) {
    return options.operation() != null ? options : options.toBuilder().operation(operation).build();
  }
}
