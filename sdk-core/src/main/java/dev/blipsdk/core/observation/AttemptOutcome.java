package dev.blipsdk.core.observation;

import java.util.Locale;

/**
 * How one HTTP attempt of an operation ended. The retryable kinds are the retry reasons: an attempt that ends
 * {@link #RATE_LIMITED}, {@link #SERVER_ERROR}, {@link #CONNECT_FAILURE}, {@link #TIMEOUT} or
 * {@link #CONNECTION_LOST} is followed by another when the retry policy and deadline allow (see
 * {@link AttemptResult#retryWait()}).
 */
public enum AttemptOutcome {
  /** Blip answered 2xx and the response was read (for a command: {@code status} success). */
  SUCCESS,
  /** Blip answered HTTP 200 with a command {@code status} of failure. Never retried. */
  COMMAND_FAILURE,
  /** HTTP 429: the plan's throughput limit; retried after the wait Blip asked for or the backoff. */
  RATE_LIMITED,
  /** HTTP 5xx (502, 503, 504 and others); retried only for requests safe to repeat. */
  SERVER_ERROR,
  /** HTTP 4xx other than 429 (400 bad request, 401 bad credentials...). Never retried. */
  CLIENT_ERROR,
  /** No connection could be made (refused, unknown host, connect timeout): nothing was sent. */
  CONNECT_FAILURE,
  /** The response did not come within the read timeout. */
  TIMEOUT,
  /** The connection broke while the request or response was under way. */
  CONNECTION_LOST,
  /** The operation's overall deadline passed during the attempt. */
  DEADLINE_EXCEEDED,
  /** The caller cancelled the operation (its future). */
  CANCELLED,
  /** The response was not the JSON expected. */
  PROTOCOL_ERROR;

  private final String tag = name().toLowerCase(Locale.ROOT);

  /**
   * The lower-case name, for a tag value ({@code rate_limited}).
   *
   * @return the tag value
   */
  public String tagValue() {
    return tag;
  }
}
