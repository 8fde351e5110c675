package dev.blipsdk.benchmarks;

import dev.blipsdk.core.envelope.CommandMethod;
import dev.blipsdk.core.internal.OperationTracker;
import dev.blipsdk.core.observation.AttemptOutcome;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Request.Builder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the observation hook adds to one call that succeeds on its first attempt, without the network: the
 * transport's four calls into {@link OperationTracker} (start, attempt start, attempt end, end) with no listener
 * (the null check a client without one pays) and with a listener whose observer does nothing, for a named
 * operation and for an unnamed command (whose template is derived from the uri). Compare with the CPU of a
 * loopback call ({@code InterleavedVariants}, about 60 us): see docs/benchmarks.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OperationListenerBenchmark {
  private static final Operation NAMED = Operation.of("crm.contacts.get", "/contacts/{identity}");
  private static final String URI = "/contacts/5531988889999%40wa.gw.msging.net";
  private final Request request = new Builder().url("http://127.0.0.1:8080/commands").build();
  private final OperationObserver ignoring = new OperationObserver() {};
  private final OperationListener noop = start -> ignoring;

  /**
   * No listener: what every call pays.
   *
   * @return the request sent
   */
  @Benchmark
  public Request noListener() {
    return run(null, NAMED);
  }

  /**
   * A no-op listener, named operation.
   *
   * @return the request sent
   */
  @Benchmark
  public Request noopListenerNamed() {
    return run(noop, NAMED);
  }

  /**
   * A no-op listener, unnamed command (template derived from the uri).
   *
   * @return the request sent
   */
  @Benchmark
  public Request noopListenerUnnamed() {
    return run(noop, Operation.command(URI));
  }

  private Request run(OperationListener listener, Operation operation) {
    OperationTracker tracker = listener == null ? null
        : OperationTracker.start(listener, operation, CommandMethod.GET, "/commands", "127.0.0.1", 8080, "http");
    if (tracker == null) {
      return request;
    }
    Request sent = tracker.attemptStarted(1, request);
    tracker.attemptEnded(AttemptOutcome.SUCCESS, 200, null);
    tracker.operationEnded(null);
    return sent;
  }
}
