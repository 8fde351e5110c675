package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.envelope.DocumentCollection;
import dev.blipsdk.core.internal.EnvelopeCodec;
import dev.blipsdk.core.internal.json.EnvelopeReader;
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
    return EnvelopeReader.readResponse(Payloads.TICKETS_RESPONSE_BYTES, null).requireResource()
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
   * SDK, the Desk helper's path: response bytes to a page of 100 {@code dev.blipsdk.desk.Ticket} records (every
   * documented field, identities and dates parsed, {@code raw()} kept) in one pass, as
   * {@code desk.tickets().list(..)} reads a page through {@code execute(command, Pages.Tickets.class)} (a record of
   * the same shape).
   *
   * @return the page
   */
  @Benchmark
  public Object sdkDeskTickets() {
    return EnvelopeCodec.readCommandResource(Payloads.TICKETS_RESPONSE_BYTES,
        SdkModels.DeskTicketPage.class);
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
   * Raw Moshi, same shape as the Desk record: the class adapter, then each ticket made into a
   * {@code dev.blipsdk.desk.Ticket} as a developer would (identities with {@code Identity.parse}, dates with
   * {@code Instant.parse}, the status with {@code TicketStatus.fromWire}); no raw document kept.
   *
   * @return the tickets
   * @throws IOException never
   */
  @Benchmark
  public List<dev.blipsdk.desk.Ticket> moshiDeskTickets() throws IOException {
    List<MoshiModels.Ticket> items = adapter.fromJson(new Buffer().write(Payloads.TICKETS_RESPONSE_BYTES))
        .resource.items;
    List<dev.blipsdk.desk.Ticket> out = new java.util.ArrayList<>(items.size());
    for (MoshiModels.Ticket t : items) {
      out.add(new dev.blipsdk.desk.Ticket(t.id, (long) t.sequentialId, null, null, identity(t.ownerIdentity), null,
          identity(t.customerIdentity), t.customerDomain, identity(t.agentIdentity), t.team,
          dev.blipsdk.desk.TicketStatus.fromWire(t.status), t.status, t.closed, identity(t.closedBy), t.tags,
          t.provider, t.priority, instant(t.storageDate), null, instant(t.openDate), instant(t.statusDate),
          instant(t.closeDate), null, t.unreadMessages, null, t.rating, null, null, null, null));
    }
    return out;
  }

  private static dev.blipsdk.core.envelope.@org.jspecify.annotations.Nullable Identity identity(
      @org.jspecify.annotations.Nullable String s) {
    return s == null ? null : dev.blipsdk.core.envelope.Identity.parse(s);
  }

  private static java.time.@org.jspecify.annotations.Nullable Instant instant(
      @org.jspecify.annotations.Nullable String s) {
    return s == null ? null : java.time.Instant.parse(s);
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
