package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.internal.json.EnvelopeReader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a delivery notification (the body of a webhook call) into a typed envelope: the SDK's
 * {@code Notification} (event enum, nodes parsed, metadata) against raw Moshi binding the same fields.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NotificationBenchmark {
  private JsonAdapter<MoshiModels.NotificationEnvelope> adapter;
  private JsonAdapter<Object> treeAdapter;

  /** Builds the Moshi adapters once. */
  @Setup
  public void setUp() {
    Moshi moshi = new Moshi.Builder().build();
    adapter = moshi.adapter(MoshiModels.NotificationEnvelope.class);
    treeAdapter = moshi.adapter(Object.class);
  }

  /**
   * SDK: notification bytes to a {@code Notification}.
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope sdkNotification() {
    return EnvelopeReader.read(Payloads.NOTIFICATION_BYTES);
  }

  /**
   * Raw Moshi: notification bytes to a class.
   *
   * @return the notification
   * @throws IOException never
   */
  @Benchmark
  public MoshiModels.NotificationEnvelope moshiNotificationTyped() throws IOException {
    return adapter.fromJson(new Buffer().write(Payloads.NOTIFICATION_BYTES));
  }

  /**
   * Raw Moshi: notification bytes to a Map tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public Object moshiNotificationMap() throws IOException {
    return treeAdapter.fromJson(new Buffer().write(Payloads.NOTIFICATION_BYTES));
  }
}
