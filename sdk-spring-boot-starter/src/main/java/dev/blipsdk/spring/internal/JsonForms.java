package dev.blipsdk.spring.internal;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.whatsapp.PhoneNumber;
import java.util.List;
import java.util.function.Function;

/**
 * The SDK values that travel as one JSON string, with how they are written and read: the one table both Jackson
 * modules (2 and 3) register. {@code JsonDocument} is not here: it is written as the JSON it holds.
 */
public final class JsonForms {
  private JsonForms() {}

  /**
   * A value written as a string.
   *
   * @param type the value's class
   * @param write its text form
   * @param read parses the text form; throws {@link RuntimeException} on bad input
   * @param <T> the value's type
   */
  public record TextForm<T>(Class<T> type, Function<T, String> write, Function<String, T> read) {}

  /** Identity and Node as {@code name@domain[/instance]}, a phone number as E.164. */
  public static final List<TextForm<?>> TEXT = List.of(
      new TextForm<>(Identity.class, Identity::value, Identity::parse),
      new TextForm<>(Node.class, Node::value, Node::parse),
      new TextForm<>(PhoneNumber.class, PhoneNumber::e164, PhoneNumber::parse));
}
