package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.Reason;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one HTTP attempt, as plain data: the input of {@link Classifier}. Made by {@link Transport}
 * from OkHttp's answer; nothing here is interpreted yet.
 */
sealed interface Attempt {

  /**
   * No byte of the request left the machine: the connection could not be made, or the client's dispatcher
   * refused the call.
   *
   * @param cause the I/O failure
   * @param clientClosed true when the call was refused because the client's threads were shut down
   */
  record NotSent(IOException cause, boolean clientClosed) implements Attempt {}

  /**
   * The exchange broke before a status line arrived (dropped or reset connection, read timeout, a status line
   * that is not HTTP, the caller's cancel, the deadline): the request may have reached Blip.
   *
   * @param cause the I/O failure
   * @param deadlinePassed true when the deadline watchdog cancelled the call
   * @param cancelled true when the caller cancelled it
   */
  record Broken(IOException cause, boolean deadlinePassed, boolean cancelled) implements Attempt {}

  /**
   * A status line arrived.
   *
   * @param status the HTTP status
   * @param retryAfter the {@code Retry-After} header, or null
   * @param body what reading the body gave
   * @param deadlinePassed true when the deadline watchdog cancelled the call (while the body was read)
   */
  record Answered(int status, @Nullable String retryAfter, Body body, boolean deadlinePassed) implements Attempt {}

  /** What reading (and, for a command, decoding) the body of an answer gave. */
  sealed interface Body {
    /**
     * The start of an error response's body, kept for the exception.
     *
     * @param text at most {@code BlipHttpException.MAX_EXCERPT} characters; empty when none could be read
     */
    record Excerpt(String text) implements Body {}

    /**
     * The call's result: for a command the response command, or its resource decoded for a typed call; for a
     * message or notification (whose 2xx body means nothing and is not read) the envelope sent.
     *
     * @param value the result
     */
    record Decoded(Object value) implements Body {}

    /**
     * A response command with {@code "status":"failure"}.
     *
     * @param reason the reason it gave, or null
     * @param serverUri the uri the server reports ({@code #command.uri}, absolute), or null
     */
    record CommandFailed(@Nullable Reason reason, @Nullable String serverUri) implements Body {}

    /**
     * A response command whose resource is not what the typed call asked for: not an answer that changes when
     * asked again.
     *
     * @param message what is wrong, as the two-step path ({@code requireResource().decode(type)}) says it
     * @param cause the decoding failure
     */
    record WrongResource(String message, @Nullable Throwable cause) implements Body {}

    /**
     * The body is not a response command: empty, not strict JSON, not an envelope (a proxy's page, a cut
     * stream that happens to end cleanly).
     *
     * @param problem what is wrong, without the body's content
     * @param cause the parser's failure, or null
     */
    record Malformed(String problem, @Nullable Throwable cause) implements Body {}

    /**
     * Reading the body failed part-way (cut, reset, stalled until a timeout or the deadline).
     *
     * @param cause the I/O failure
     */
    record Cut(IOException cause) implements Body {}
  }
}
