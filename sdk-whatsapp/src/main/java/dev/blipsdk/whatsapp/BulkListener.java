package dev.blipsdk.whatsapp;

/**
 * Receives a bulk send's results and progress as they happen. Calls are serialised (never two at once),
 * on the SDK's threads: keep them quick; an exception thrown here is logged and ignored.
 */
public interface BulkListener {

  /**
   * One recipient's result; called exactly once per recipient taken from the source.
   *
   * @param result the result
   */
  void onResult(BulkResult result);

  /**
   * The progress, after each result: it counts exactly the results delivered to {@link #onResult} so
   * far, this one included.
   *
   * @param progress the progress
   */
  default void onProgress(BulkProgress progress) {}
}
