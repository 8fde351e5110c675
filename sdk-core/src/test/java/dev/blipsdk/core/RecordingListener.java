package dev.blipsdk.core;

import dev.blipsdk.core.observation.AttemptResult;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationResult;
import dev.blipsdk.core.observation.OperationStart;
import dev.blipsdk.core.observation.PropagationHeaders;
import dev.blipsdk.core.observation.Wait;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Records every event a client reports, in order, as short strings and as the values themselves. */
final class RecordingListener implements OperationListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<OperationStart> starts = new CopyOnWriteArrayList<>();
  final List<AttemptResult> attempts = new CopyOnWriteArrayList<>();
  final List<OperationResult> results = new CopyOnWriteArrayList<>();
  final CompletableFuture<OperationResult> ended = new CompletableFuture<>();
  volatile BiConsumer<Integer, PropagationHeaders> onAttempt = (n, h) -> {};

  @Override
  public OperationObserver operationStarted(OperationStart start) {
    starts.add(start);
    events.add("start " + start.operation() + " " + start.method() + " " + start.path());
    return new OperationObserver() {
      @Override
      public void attemptStarted(int attempt, PropagationHeaders headers) {
        events.add("attempt " + attempt);
        onAttempt.accept(attempt, headers);
      }

      @Override
      public void attemptEnded(AttemptResult result) {
        attempts.add(result);
        events.add("attempt " + result.number() + " " + result.outcome().tagValue() + " " + result.statusCode()
            + (result.willRetry() ? " retry in " + result.retryWait() : ""));
      }

      @Override
      public void operationEnded(OperationResult result) {
        results.add(result);
        events.add("end " + result.attempts() + " " + result.errorType());
        ended.complete(result);
      }
    };
  }

  @Override
  public void waiting(Wait wait) {
    events.add("wait " + wait.operation().name() + " " + wait.reason().tagValue() + " " + wait.duration());
  }
}
