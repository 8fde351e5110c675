package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.internal.EnvelopeCodec;
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
 * Parsing a command response body, as the transport reads it from the socket, into what the caller uses.
 *
 * <ul>
 *   <li>{@code sdk*Envelope}: {@code EnvelopeReader.readResponse} only (the SDK's share of every call; the
 *       resource is kept as raw JSON, not parsed).
 *   <li>{@code sdk*Typed}: the envelope plus {@code resource().decode(Record.class)}: the typed result, in two
 *       steps ({@code execute(command)} then {@code decode}).
 *   <li>{@code sdk*OnePass}: the typed result in one pass over the bytes, as {@code execute(command, Record.class)}
 *       reads it ({@code EnvelopeCodec.readCommandResource}).
 *   <li>{@code moshi*Typed}: raw Moshi binding the whole response to plain classes (the floor for
 *       {@code sdk*Typed}).
 *   <li>{@code moshi*Map}: raw Moshi reading the whole response as a {@code Map} tree.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CommandResponseBenchmark {
  private JsonAdapter<MoshiModels.AccountResponse> accountAdapter;
  private JsonAdapter<MoshiModels.ContactResponse> contactAdapter;
  private JsonAdapter<Object> treeAdapter;

  /** Builds the Moshi adapters once, as an application would. */
  @Setup
  public void setUp() {
    Moshi moshi = new Moshi.Builder().build();
    accountAdapter = moshi.adapter(MoshiModels.AccountResponse.class);
    contactAdapter = moshi.adapter(MoshiModels.ContactResponse.class);
    treeAdapter = moshi.adapter(Object.class);
  }

  private static Buffer source(byte[] bytes) {
    return new Buffer().write(bytes);
  }

  /**
   * SDK: account lookup response to a {@link Command}.
   *
   * @return the command
   */
  @Benchmark
  public Command sdkAccountEnvelope() {
    return EnvelopeReader.readResponse(Payloads.ACCOUNT_RESPONSE_BYTES, null);
  }

  /**
   * SDK: account lookup response to a typed record.
   *
   * @return the account
   */
  @Benchmark
  public SdkModels.Account sdkAccountTyped() {
    return EnvelopeReader.readResponse(Payloads.ACCOUNT_RESPONSE_BYTES, null).requireResource()
        .decode(SdkModels.Account.class);
  }

  /**
   * Raw Moshi: account lookup response to classes.
   *
   * @return the account
   * @throws IOException never, the JSON is valid
   */
  @Benchmark
  public MoshiModels.Account moshiAccountTyped() throws IOException {
    return accountAdapter.fromJson(source(Payloads.ACCOUNT_RESPONSE_BYTES)).resource;
  }

  /**
   * Raw Moshi: account lookup response to a Map tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public Object moshiAccountMap() throws IOException {
    return treeAdapter.fromJson(source(Payloads.ACCOUNT_RESPONSE_BYTES));
  }

  /**
   * SDK: contact get response to a {@link Command}.
   *
   * @return the command
   */
  @Benchmark
  public Command sdkContactEnvelope() {
    return EnvelopeReader.readResponse(Payloads.CONTACT_RESPONSE_BYTES, null);
  }

  /**
   * SDK: contact get response to a typed record.
   *
   * @return the contact
   */
  @Benchmark
  public SdkModels.Contact sdkContactTyped() {
    return EnvelopeReader.readResponse(Payloads.CONTACT_RESPONSE_BYTES, null).requireResource()
        .decode(SdkModels.Contact.class);
  }

  /**
   * SDK: contact get response to a typed record in one pass, as {@code execute(command, Contact.class)}.
   *
   * @return the contact
   */
  @Benchmark
  public Object sdkContactOnePass() {
    return EnvelopeCodec.readCommandResource(Payloads.CONTACT_RESPONSE_BYTES, SdkModels.Contact.class);
  }

  /**
   * SDK: account lookup response to a typed record in one pass, as {@code execute(command, Account.class)}.
   *
   * @return the account
   */
  @Benchmark
  public Object sdkAccountOnePass() {
    return EnvelopeCodec.readCommandResource(Payloads.ACCOUNT_RESPONSE_BYTES, SdkModels.Account.class);
  }

  /**
   * Raw Moshi: contact get response to classes.
   *
   * @return the contact
   * @throws IOException never
   */
  @Benchmark
  public MoshiModels.Contact moshiContactTyped() throws IOException {
    return contactAdapter.fromJson(source(Payloads.CONTACT_RESPONSE_BYTES)).resource;
  }

  /**
   * Raw Moshi: contact get response to a Map tree.
   *
   * @return the tree
   * @throws IOException never
   */
  @Benchmark
  public Object moshiContactMap() throws IOException {
    return treeAdapter.fromJson(source(Payloads.CONTACT_RESPONSE_BYTES));
  }
}
