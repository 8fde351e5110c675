package dev.blipsdk.core.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Creates {@link JsonDocument}s from text the SDK has already checked, without parsing it again. */
public final class JsonDocumentAccess {
  private static final MethodHandle TRUSTED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(JsonDocument.class, MethodHandles.lookup());
      TRUSTED = lookup.findStatic(JsonDocument.class, "trusted",
          MethodType.methodType(JsonDocument.class, String.class));
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
}
