package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.envelope.DocumentCollection;
import dev.blipsdk.core.internal.EnvelopeCodec;
import java.io.IOException;
import java.util.List;
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
 * Parsing a page of 100 Desk tickets (§5.1 shape) into a list of typed tickets: the SDK's generic two-step path
 * ({@code readCommand} + {@code asCollection().map(d -> d.decode(TicketRecord.class))}) and its one-pass typed
 * read ({@code execute(command, TicketPage.class)}'s {@code EnvelopeCodec.readCommandResource}) against raw
 * Moshi binding the whole response to plain classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TicketCollectionBenchmark {
  private JsonAdapter<MoshiModels.TicketsResponse> adapter;
  private JsonAdapter<Object> treeAdapter;

  /** Builds the Moshi adapters once. */
  @Setup
  public void setUp() {
    Moshi moshi = new Moshi.Builder().build();
    adapter = moshi.adapter(MoshiModels.TicketsResponse.class);
    treeAdapter = moshi.adapter(Object.class);
  }

  /**
   * SDK: response bytes to 100 ticket records.
   *
   * @return the tickets
   */
  @Benchmark
  public DocumentCollection<SdkModels.TicketRecord> sdkTickets() {
    return EnvelopeCodec.readCommand(new Buffer().write(Payloads.TICKETS_RESPONSE_BYTES)).requireResource()
        .asCollection().map(d -> d.decode(SdkModels.TicketRecord.class));
  }

  /**
   * SDK: response bytes to a page record of 100 tickets in one pass, as {@code execute(command, TicketPage.class)}.
   *
   * @return the page
   */
  @Benchmark
  public Object sdkTicketsOnePass() {
    return EnvelopeCodec.readCommandResource(Payloads.TICKETS_RESPONSE_BYTES,
        SdkModels.TicketPage.class);
  }

  /**
   * Raw Moshi: response bytes to 100 ticket objects.
   *
   * @return the tickets
   * @throws IOException never
   */
  @Benchmark
  public List<MoshiModels.Ticket> moshiTicketsTyped() throws IOException {
    return adapter.fromJson(new Buffer().write(Payloads.TICKETS_RESPONSE_BYTES)).resource.items;
  }

  /**
   * Raw Moshi: response bytes to a Map tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public Object moshiTicketsMap() throws IOException {
    return treeAdapter.fromJson(new Buffer().write(Payloads.TICKETS_RESPONSE_BYTES));
  }
}
