package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import okio.BufferedSink;

/**
 * Creates {@link JsonDocument}s from JSON the SDK has already checked, without parsing it again, and writes
 * them without turning bytes into text and back.
 */
public final class JsonDocumentAccess {
  private static final MethodHandle TRUSTED;
  private static final MethodHandle VIEW;
  private static final MethodHandle WRITE_TO;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(JsonDocument.class, MethodHandles.lookup());
      TRUSTED = lookup.findStatic(JsonDocument.class, "trusted",
          MethodType.methodType(JsonDocument.class, String.class));
      VIEW = lookup.findStatic(JsonDocument.class, "view",
          MethodType.methodType(JsonDocument.class, byte[].class, int.class, int.class));
      WRITE_TO = lookup.findVirtual(JsonDocument.class, "writeTo",
          MethodType.methodType(void.class, BufferedSink.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The JSON {@code null} document. */
  public static final JsonDocument NULL = trusted("null");

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
