package dev.blipsdk.testing.internal;

import org.jspecify.annotations.Nullable;

/** Thrown by a handler to answer {@code status: failure} inside HTTP 200. */
public final class CommandFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final @Nullable Integer code;

  public CommandFailure(@Nullable Integer code, String description) {
    super(description, null, false, false);
    this.code = code;
  }

  public @Nullable Integer code() {
    return code;
  }

  public static CommandFailure notSupported() {
    return new CommandFailure(62, "The resource is not supported");
  }

  public static CommandFailure notFound() {
    return new CommandFailure(67, "The requested resource was not found");
  }

  public static CommandFailure invalidArgument(String description) {
    return new CommandFailure(64, description);
  }

  public static CommandFailure methodNotSupported() {
    return new CommandFailure(63, "The method is not supported for the resource");
  }
}
