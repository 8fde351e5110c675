package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.internal.EnvelopeCodec;
import dev.blipsdk.whatsapp.TemplateMessage;
import java.util.List;
import java.util.Map;
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
 * Serialising a template message (image header, two body variables, a quick reply) to the JSON bytes the
 * transport sends: sdk-whatsapp's builder, {@code toContent()}, the envelope and {@code EnvelopeCodec.toBytes}
 * against raw Moshi writing the same envelope from maps and lists.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TemplateSerialiseBenchmark {
  private static final String ID = "5f0c2b1a-8d7e-4f6a-b5c4-d3e2f1a0b9c8";
  private final Node to = Node.parse(Payloads.CUSTOMER);
  private JsonAdapter<Object> adapter;

  /** Builds the Moshi adapter once. */
  @Setup
  public void setUp() {
    adapter = new Moshi.Builder().build().adapter(Object.class);
  }

  /**
   * SDK: builder to bytes.
   *
   * @return the JSON bytes
   */
  @Benchmark
  public byte[] sdkTemplate() {
    TemplateMessage t = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://cdn.example.com/l.png")
        .body("Maria", "#48213").quickReply(0, "Sim");
    return EnvelopeCodec.toBytes(Message.of(to, MediaTypes.APPLICATION_JSON, t.toContent()).withId(ID));
  }

  /**
   * Raw Moshi: maps and lists to bytes.
   *
   * @return the JSON bytes
   */
  @Benchmark
  public byte[] moshiTemplate() {
    Map<String, Object> template = RawClient.templateContent();
    Map<String, Object> envelope = Map.of("id", ID, "to", Payloads.CUSTOMER, "type", "application/json",
        "content", template);
    Buffer b = new Buffer();
    try {
      adapter.toJson(b, envelope);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return b.readByteArray();
  }
}
