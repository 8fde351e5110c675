package dev.blipsdk.core.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sees every operation a {@link dev.blipsdk.core.BlipClient} makes: register one with
 * {@link dev.blipsdk.core.BlipClient.Builder#operationListener(OperationListener)}. The
 * {@code blip-sdk-micrometer} and {@code blip-sdk-opentelemetry} modules implement it; so can an application.
 *
 * <p>For each operation the client calls {@link #operationStarted(OperationStart)} once, on the calling
 * thread, before anything is sent, and reports the rest to the {@link OperationObserver} it returns. Feature
 * modules report waits they impose before an operation (a bulk run's pacing and 429 pauses) to
 * {@link #waiting(Wait)}.
 *
 * <p><b>Thread safety:</b> implementations must be thread-safe: one listener serves every call of the client,
 * from any thread. Methods must return quickly and should not throw; an exception is logged (WARN) and
 * ignored.
 *
 * <p><b>Cost:</b> a client without a listener pays one null check per call. With one, the client allocates a
 * few small objects per call; the listener's own work is on top.
 */
public interface OperationListener {
  /**
   * An operation starts.
   *
   * @param start what it is
   * @return the observer of this one operation, or {@link OperationObserver#NONE} to ignore it
   */
  OperationObserver operationStarted(OperationStart start);

  /**
   * A send waits before it starts: pacing, or a pause after Blip answered 429. Called on the thread that waits,
   * before the wait.
   *
   * @param wait the operation, reason and duration
   */
  default void waiting(Wait wait) {}

  /**
   * A listener that passes everything to each of {@code listeners}, in order.
   *
   * @param listeners the listeners, at least one
   * @return the composite
   * @throws IllegalArgumentException if none is given
   */
  static OperationListener composite(OperationListener... listeners) {
    Objects.requireNonNull(listeners, "listeners");
    if (listeners.length == 0) {
      throw new IllegalArgumentException("composite needs at least one listener");
    }
    List<OperationListener> all = List.of(listeners);
    if (all.size() == 1) {
      return all.get(0);
    }
    return new OperationListener() {
      @Override
      public OperationObserver operationStarted(OperationStart start) {
        List<OperationObserver> observers = new ArrayList<>(all.size());
        for (OperationListener l : all) {
          observers.add(l.operationStarted(start));
        }
        return new OperationObserver() {
          @Override
          public void attemptStarted(int attempt, PropagationHeaders headers) {
            for (OperationObserver o : observers) {
              o.attemptStarted(attempt, headers);
            }
          }

          @Override
          public void attemptEnded(AttemptResult result) {
            for (OperationObserver o : observers) {
              o.attemptEnded(result);
            }
          }

          @Override
          public void operationEnded(OperationResult result) {
            for (OperationObserver o : observers) {
              o.operationEnded(result);
            }
          }
        };
      }

      @Override
      public void waiting(Wait wait) {
        for (OperationListener l : all) {
          l.waiting(wait);
        }
      }

      @Override
      public String toString() {
        return "OperationListener.composite" + all;
      }
    };
  }
}
