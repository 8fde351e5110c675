package dev.blipsdk.core.internal.bridge;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipTimeoutException;
import dev.blipsdk.core.internal.Redaction;
import dev.blipsdk.core.internal.Transport;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.core.observation.OperationListener;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * The one way into what the core module does not make public: for the core's own packages, the non-public
 * members of {@link BlipClient} and {@link JsonDocument}; for the WhatsApp and Desk modules (the only ones this
 * package is exported to), exactly the few services they need: the client's OkHttp client, default deadline and
 * operation listener, naming their calls, one deadline across the calls of an operation, and masking.
 *
 * <p>Everything else in {@code dev.blipsdk.core.internal}, the transport included, is closed to them.
 * Stateless and thread-safe.
 */
public final class CoreBridge {
  private static final MethodHandle HTTP;
  private static final MethodHandle TRANSPORT;
  private static final MethodHandle TRUSTED;
  private static final MethodHandle VIEW;
  private static final MethodHandle WRITE_TO;

  static {
    try {
      MethodHandles.Lookup client = MethodHandles.privateLookupIn(BlipClient.class, MethodHandles.lookup());
      HTTP = client.findGetter(BlipClient.class, "http", OkHttpClient.class);
      TRANSPORT = client.findGetter(BlipClient.class, "transport", Transport.class);
      MethodHandles.Lookup doc = MethodHandles.privateLookupIn(JsonDocument.class, MethodHandles.lookup());
      TRUSTED = doc.findStatic(JsonDocument.class, "trusted", MethodType.methodType(JsonDocument.class, String.class));
      VIEW = doc.findStatic(JsonDocument.class, "view",
          MethodType.methodType(JsonDocument.class, byte[].class, int.class, int.class));
      WRITE_TO = doc.findVirtual(JsonDocument.class, "writeTo", MethodType.methodType(void.class, BufferedSink.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The JSON {@code null} document. */
  public static final JsonDocument NULL = trusted("null");

  private CoreBridge() {}

  // ---- for the WhatsApp and Desk modules -------------------------------------------------------------

  /**
   * The OkHttp client a {@link BlipClient} calls Blip with (shared pool, proxy, timeouts), for companion
   * requests such as a media {@code HEAD} check. Do not shut it down.
   *
   * @param client the client
   * @return its OkHttp client
   */
  public static OkHttpClient httpClient(BlipClient client) {
    Objects.requireNonNull(client, "client");
    try {
      return (OkHttpClient) HTTP.invokeExact(client);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Starts the one deadline of an operation that makes several calls (a lookup then a send, say): the
   * options' deadline, or else the client's, measured from now.
   *
   * @param client the client
   * @param options the operation's options
   * @return the deadline
   */
  public static Deadline startDeadline(BlipClient client, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    Duration d = options.deadline() != null ? options.deadline() : transport(client).deadline();
    return new Deadline(System.nanoTime() + d.toNanos(), d, options);
  }

  /**
   * The operation listener a {@link BlipClient} reports to, for feature modules that report waits of their own
   * (a bulk run's pacing).
   *
   * @param client the client
   * @return its listener, or {@code null} when it has none
   */
  public static @Nullable OperationListener operationListener(BlipClient client) {
    return transport(Objects.requireNonNull(client, "client")).listener();
  }

  /**
   * The caller's options, named {@code operation} unless they name one already: how the feature modules name
   * the calls they make.
   *
   * @param options the caller's options
   * @param operation the feature module's name for the call
   * @return the options to send with
   */
  public static RequestOptions named(RequestOptions options, Operation operation) {
    return options.operation() != null ? options : options.toBuilder().operation(operation).build();
  }

  /**
   * Masks identities and phone numbers in an address, for {@code toString()}.
   *
   * @param address the address, or null
   * @return the masked text
   */
  public static String maskAddress(@Nullable String address) {
    return Redaction.address(address);
  }

  /**
   * Masks every run of five or more digits (phone numbers), keeping the last two, for {@code toString()}.
   *
   * @param text any text
   * @return the masked text
   */
  public static String maskDigits(String text) {
    return Redaction.digits(text);
  }

  /**
   * Masks identities and phone numbers in a command uri, for {@code toString()}.
   *
   * @param uri the uri, or null
   * @return the masked text
   */
  public static String maskUri(@Nullable String uri) {
    return Redaction.uri(uri);
  }






  // ---- for the core's own packages -------------------------------------------------------------------

  /**
   * Wraps JSON text known to be well-formed (it came out of a JSON reader or writer).
   *
   * @param json well-formed JSON
   * @return the document
   */
  public static JsonDocument trusted(String json) {
    try {
      return (JsonDocument) TRUSTED.invokeExact(json);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Wraps a range of UTF-8 JSON known to be well-formed, without a copy: decoding reads the bytes directly and
   * the text is made only if asked for. The bytes must never change afterwards.
   *
   * @param utf8 the bytes
   * @param offset where the document starts
   * @param length its length
   * @return the document
   */
  public static JsonDocument view(byte[] utf8, int offset, int length) {
    try {
      return (JsonDocument) VIEW.invokeExact(utf8, offset, length);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Writes a document's JSON to a sink (its bytes as they are when it holds bytes).
   *
   * @param doc the document
   * @param sink where to write
   * @throws IOException from the sink
   */
  public static void writeTo(JsonDocument doc, BufferedSink sink) throws IOException {
    try {
      WRITE_TO.invokeExact(doc, sink);
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static Transport transport(BlipClient client) {
    try {
      return (Transport) TRANSPORT.invokeExact(client);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }

  /**
   * The one deadline of an operation made of several calls: each call gets what is left of it, so the
   * operation as a whole, blocking or async, ends within it.
   *
   * <p>Immutable and thread-safe.
   */
  public static final class Deadline {
    private final long atNanos;
    private final Duration length;
    private final RequestOptions options;

    private Deadline(long atNanos, Duration length, RequestOptions options) {
      this.atNanos = atNanos;
      this.length = length;
      this.options = options;
    }

    /**
     * What is left, or zero.
     *
     * @return the time left
     */
    public Duration remaining() {
      long left = atNanos - System.nanoTime();
      return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /**
     * When it passes, on the {@link System#nanoTime()} scale.
     *
     * @return the deadline
     */
    public long atNanos() {
      return atNanos;
    }

    /**
     * The options of the next call of the operation: the operation's (its name, retry policy, idempotence), with
     * what is left of the deadline.
     *
     * @param step what the next call does, for the error
     * @return the options
     * @throws BlipTimeoutException if the deadline has passed (nothing is sent for this step)
     */
    public RequestOptions optionsFor(String step) {
      Duration left = remaining();
      if (left.isZero()) {
        throw expired(step);
      }
      return options.toBuilder().deadline(left).build();
    }

    /**
     * The error of an operation whose deadline passed before a step.
     *
     * @param step the step not taken
     * @return the exception (not retryable, no attempt of this step)
     */
    public BlipTimeoutException expired(String step) {
      return new BlipTimeoutException("the operation exceeded its deadline of " + length.toMillis()
          + " ms before " + step + " (nothing was sent for it)", null, false, 0, null);
    }
  }
}
