package dev.blipsdk.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A webhook body could not be read as a LIME envelope: answer it with 400 (413 for
 * {@link Failure#BODY_TOO_LARGE}). This is the only exception {@link dev.blipsdk.core.webhook.WebhookParser#parse(byte[])} throws
 * for bad input, whatever the input.
 *
 * <p>The message says what was wrong and where (a JSON path), never the body's content. Not retryable.
 */
public final class WebhookParseException extends BlipException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the body. */
  public enum Failure {
    /** The body is empty or only white space. */
    EMPTY_BODY,
    /** The body is larger than the parser's limit; checked before anything is parsed. */
    BODY_TOO_LARGE,
    /** The body is not valid UTF-8. */
    INVALID_UTF8,
    /** The body is not well-formed JSON, or has data after the JSON value. */
    MALFORMED_JSON,
    /** Objects and arrays are nested deeper than the parser's limit. */
    NESTING_TOO_DEEP,
    /** Well-formed JSON, but not a LIME envelope (not an object, or a field of the wrong kind). */
    NOT_AN_ENVELOPE
  }

  private final Failure failure;

  /**
   * Creates the exception.
   *
   * @param failure what was wrong
   * @param message the details; never the body's content
   * @param cause the cause, or {@code null}
   */
  public WebhookParseException(Failure failure, String message, @Nullable Throwable cause) {
    super(message, cause, false, 0, null);
    this.failure = failure;
  }

  /**
   * What was wrong with the body.
   *
   * @return the failure
   */
  public Failure failure() {
    return failure;
  }

  @Override
  protected String details() {
    return "failure=" + failure + ", ";
  }
}
