package dev.blipsdk.core.observation;

/**
 * Where an {@link OperationObserver} puts trace-context headers ({@code traceparent}, {@code tracestate},
 * {@code baggage}, {@code b3}...) on the HTTP request of one attempt. Use it only during
 * {@link OperationObserver#attemptStarted}.
 *
 * <p>Headers the SDK sets itself ({@code Authorization}, {@code User-Agent}, {@code Accept}, {@code Content-*},
 * {@code Host}, {@code Cookie} and the like) cannot be set or replaced. Not thread-safe: one instance serves one
 * attempt, on the thread that starts it.
 */
public interface PropagationHeaders {
  /**
   * Sets a header on this attempt's request, replacing one of the same name set before.
   *
   * @param name the header name, an HTTP token
   * @param value the value, printable ASCII
   * @throws IllegalArgumentException if the name is reserved by the SDK or either part is malformed
   */
  void put(String name, String value);
}
