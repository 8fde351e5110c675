package dev.blipsdk.spring.jackson;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.spring.internal.JsonForms;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Jackson 3 (Spring Boot 4.0) support for the SDK's public values, registered by the starter on Boot's
 * {@code JsonMapper}: the same forms as {@link BlipJackson2Module}: {@code Identity} and {@code Node} as their wire
 * text, {@code PhoneNumber} as E.164, a {@code JsonDocument} as the JSON it holds.
 *
 * <p>Outside Spring: {@code JsonMapper.builder().addModule(new BlipJackson3Module()).build()}. Immutable and
 * thread-safe.
 */
public final class BlipJackson3Module extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public BlipJackson3Module() {
    super("blip-sdk");
    for (JsonForms.TextForm<?> form : JsonForms.TEXT) {
      register(form);
    }
    addSerializer(JsonDocument.class, new StdSerializer<>(JsonDocument.class) {
      @Override
      public void serialize(JsonDocument value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeRawValue(value.json());
      }
    });
    addDeserializer(JsonDocument.class, new StdDeserializer<>(JsonDocument.class) {
      @Override
      public JsonDocument deserialize(JsonParser p, DeserializationContext ctxt) {
        return JsonDocument.parse(ctxt.readTree(p).toString());
      }
    });
  }

  private <T> void register(JsonForms.TextForm<T> form) {
    addSerializer(form.type(), new StdSerializer<>(form.type()) {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(form.write().apply(value));
      }
    });
    addDeserializer(form.type(), new StdDeserializer<>(form.type()) {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return form.type().cast(ctxt.handleUnexpectedToken(form.type(), p));
        }
        String text = p.getString();
        try {
          return form.read().apply(text);
        } catch (RuntimeException e) {
          throw ctxt.weirdStringException(text, form.type(), e.getMessage());
        }
      }
    });
  }
}
