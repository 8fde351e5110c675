package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Creates {@link JsonDocument}s from JSON the SDK has already checked, without parsing it again, and writes
 * them without turning bytes into text and back.
 */
public final class JsonDocumentAccess {
  private static final MethodHandle TRUSTED;
  private static final MethodHandle TRUSTED_UTF8;
  private static final MethodHandle WRITE_TO;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(JsonDocument.class, MethodHandles.lookup());
      TRUSTED = lookup.findStatic(JsonDocument.class, "trusted",
          MethodType.methodType(JsonDocument.class, String.class));
      TRUSTED_UTF8 = lookup.findStatic(JsonDocument.class, "trustedUtf8",
          MethodType.methodType(JsonDocument.class, ByteString.class));
      WRITE_TO = lookup.findVirtual(JsonDocument.class, "writeTo",
          MethodType.methodType(void.class, BufferedSink.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private JsonDocumentAccess() {}

  /**
   * Wraps JSON text known to be well-formed (it came out of a JSON reader or writer).
   *
   * @param json well-formed JSON
   * @return the document
   */
  public static JsonDocument trusted(String json) {
    try {
      return (JsonDocument) TRUSTED.invokeExact(json);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Wraps UTF-8 JSON known to be well-formed (captured by a JSON reader), keeping the bytes: decoding reads
   * them directly and the text is made only if asked for.
   *
   * @param utf8 well-formed UTF-8 JSON
   * @return the document
   */
  public static JsonDocument trusted(ByteString utf8) {
    try {
      return (JsonDocument) TRUSTED_UTF8.invokeExact(utf8);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
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
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
