package dev.blipsdk.testing.internal;

import java.util.Set;

/**
 * One resource family of {@code POST /commands} (contacts, tickets, accounts...). To add a family, implement
 * this and register it in {@link CommandRouter}: routing is by the extension the command is addressed to
 * ({@code to}) and the uri.
 */
public interface CommandHandler {
  /** Extension domains this family answers on, e.g. {@code desk.msging.net} or {@code msging.net}. */
  Set<String> extensions();

  /** Whether this family owns the uri (usually decided by the first path segment). */
  boolean handles(LimeUri uri);

  /** Runs the command with the bot's state locked; throws {@link CommandFailure} to answer a failure. */
  CommandResult handle(CommandContext ctx) throws CommandFailure;
}
