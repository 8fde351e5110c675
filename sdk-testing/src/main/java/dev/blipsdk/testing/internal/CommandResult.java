package dev.blipsdk.testing.internal;

import org.jspecify.annotations.Nullable;

/** A successful command outcome: optional {@code type} and {@code resource}. */
public record CommandResult(@Nullable String type, @Nullable Object resource) {
  public static CommandResult empty() {
    return new CommandResult(null, null);
  }

  public static CommandResult of(String type, Object resource) {
    return new CommandResult(type, resource);
  }
}
