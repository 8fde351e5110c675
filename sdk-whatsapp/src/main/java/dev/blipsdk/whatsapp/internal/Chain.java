package dev.blipsdk.whatsapp.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The end of a chain of async stages, as one future: cancelling it cancels the stage in flight (and no later
 * stage starts), a stage's failure fails it with the stage's own exception (not wrapped), and a stage that
 * completes hands its value to the next only while the chain is not done. The one helper behind every async
 * operation of the module that takes more than one step (a send: media check, resolution, the message; a
 * status await: poll, wait, poll).
 *
 * <pre>{@code
 * Chain<Receipt> chain = new Chain<>();
 * chain.then(first(), a -> chain.then(second(a), b -> chain.complete(receipt(b))));
 * return chain;
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @param <T> the chain's result
 */
public final class Chain<T> extends CompletableFuture<T> {
  /** What cancels the stage in flight. */
  private final AtomicReference<@Nullable Runnable> inFlight = new AtomicReference<>();

  /**
   * Runs a stage: it becomes the one in flight; when it fails the chain fails; when it succeeds {@code next}
   * gets its value, unless the chain is done by then. A stage started after the chain was cancelled is
   * cancelled at once.
   *
   * @param stage the stage
   * @param next what follows, on the thread that completed the stage
   * @param <S> the stage's result
   */
  public <S> void then(CompletableFuture<S> stage, Consumer<? super S> next) {
    track(() -> stage.cancel(true));
    stage.whenComplete((value, error) -> {
      if (isDone()) {
        return;
      }
      if (error != null) {
        completeExceptionally(unwrap(error));
        return;
      }
      try {
        next.accept(value);
      } catch (RuntimeException e) {
        completeExceptionally(e);
      }
    });
  }

  /**
   * Makes {@code cancel} the way to stop the stage in flight (a stage that is not a future, such as an HTTP
   * call); runs it at once if the chain is already cancelled.
   *
   * @param cancel what cancels the stage
   */
  public void track(Runnable cancel) {
    inFlight.set(cancel);
    if (isCancelled()) {
      cancel.run();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Runnable current = inFlight.get();
    if (current != null) {
      current.run();
    }
    return cancelled;
  }

  /**
   * The exception inside {@link CompletionException} and {@link ExecutionException} wrappers.
   *
   * @param t a failure
   * @return the innermost cause that is not a wrapper
   */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * Waits for a future on a blocking path, throwing its own unchecked exception.
   *
   * @param f the future
   * @param <R> its result
   * @return its value
   */
  public static <R> R join(CompletableFuture<R> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = unwrap(e);
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
