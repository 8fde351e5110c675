package dev.blipsdk.core;

import dev.blipsdk.core.observation.Operation;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides of the client's defaults. Every field is optional: an unset field means "use the
 * client's setting".
 *
 * <pre>{@code
 * RequestOptions opts = RequestOptions.builder().deadline(Duration.ofSeconds(5)).idempotent(true).build();
 * client.execute(command, opts);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final @Nullable Duration deadline;
  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable Boolean idempotent;
  private final @Nullable Operation operation;

  private RequestOptions(Builder b) {
    this.deadline = b.deadline;
    this.retryPolicy = b.retryPolicy;
    this.idempotent = b.idempotent;
    this.operation = b.operation;
  }

  /**
   * Options that override nothing.
   *
   * @return the empty options
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The overall deadline of this call, retries included.
   *
   * @return the deadline, or {@code null} for the client's
   */
  public @Nullable Duration deadline() {
    return deadline;
  }

  /**
   * The retry policy of this call.
   *
   * @return the policy, or {@code null} for the client's
   */
  public @Nullable RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Whether the caller declared this request safe to repeat even when it may already have reached Blip.
   *
   * @return the declaration, or {@code null} when not declared (then only {@code get} commands are)
   */
  public @Nullable Boolean idempotent() {
    return idempotent;
  }

  /**
   * The operation an {@link dev.blipsdk.core.observation.OperationListener} sees this call as.
   *
   * @return the operation, or {@code null} to let the client name it
   *     ({@link Operation#command(String)}, {@link Operation#MESSAGE_SEND}, {@link Operation#NOTIFICATION_SEND})
   */
  public @Nullable Operation operation() {
    return operation;
  }

  /**
   * A builder holding these options, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.deadline = deadline;
    b.retryPolicy = retryPolicy;
    b.idempotent = idempotent;
    b.operation = operation;
    return b;
  }

  @Override
  public String toString() {
    return "RequestOptions{deadline=" + deadline + ", retryPolicy=" + retryPolicy + ", idempotent="
        + idempotent + ", operation=" + operation + "}";
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Duration deadline;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Boolean idempotent;
    private @Nullable Operation operation;

    private Builder() {}

    /**
     * Sets the overall deadline of the call, retries and waits included.
     *
     * @param deadline a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * Sets the retry policy of the call.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Declares whether the request is safe to repeat even when it may have reached Blip. For a message
     * send, {@code true} means the caller accepts a possible duplicate delivery (the same envelope id
     * makes it recognisable). For a command, it means repeating it has the same effect as doing it once
     * (a {@code set} that replaces a whole resource, for example).
     *
     * @param idempotent the declaration
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Names the call for the client's {@link dev.blipsdk.core.observation.OperationListener}: metrics and spans
     * are tagged with the operation's name and uri template instead of the client's generic ones. Pass a
     * constant: an operation is a kind of call, never one call.
     *
     * @param operation the operation
     * @return this builder
     */
    public Builder operation(Operation operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
