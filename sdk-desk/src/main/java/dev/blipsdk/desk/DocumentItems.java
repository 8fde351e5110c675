package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the items of a collection answer, each through the public decoding path with its own document kept. */
final class DocumentItems {
  private DocumentItems() {}

  /** The items of a response's collection resource (none when it has no resource), each read by {@code read}. */
  static <T> List<T> of(Command response, Function<JsonDocument, T> read) {
    JsonDocument resource = response.resource();
    if (resource == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (JsonDocument item : resource.asCollection().items()) {
      out.add(read.apply(item));
    }
    return List.copyOf(out);
  }
}
