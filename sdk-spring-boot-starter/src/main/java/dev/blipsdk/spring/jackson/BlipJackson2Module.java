package dev.blipsdk.spring.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.spring.internal.JsonForms;
import java.io.IOException;

/**
 * Jackson 2 (Spring Boot 3.5) support for the SDK's public values, registered by the starter on Boot's
 * {@code ObjectMapper}: {@code Identity} and {@code Node} are written and read as their wire text
 * ({@code "5531999998888@wa.gw.msging.net"}), {@code PhoneNumber} as E.164 ({@code "+5531999998888"}), and a
 * {@code JsonDocument} (a command's resource, a message's content) as the JSON it holds. Records such as
 * {@code StatusReport}, {@code SendReceipt} or {@code Ticket} then serialize as plain JSON objects.
 *
 * <p>Outside Spring: {@code new ObjectMapper().registerModule(new BlipJackson2Module())}. Immutable and
 * thread-safe. For Jackson 3 (Spring Boot 4.0) the starter registers {@link BlipJackson3Module}.
 */
public final class BlipJackson2Module extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public BlipJackson2Module() {
    super("blip-sdk");
    for (JsonForms.TextForm<?> form : JsonForms.TEXT) {
      register(form);
    }
    addSerializer(JsonDocument.class, new StdSerializer<>(JsonDocument.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(JsonDocument value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeRawValue(value.json());
      }
    });
    addDeserializer(JsonDocument.class, new StdDeserializer<>(JsonDocument.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public JsonDocument deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return JsonDocument.parse(ctxt.readTree(p).toString());
      }
    });
  }

  private <T> void register(JsonForms.TextForm<T> form) {
    addSerializer(form.type(), new StdSerializer<>(form.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(form.write().apply(value));
      }
    });
    addDeserializer(form.type(), new StdDeserializer<>(form.type()) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return form.type().cast(ctxt.handleUnexpectedToken(form.type(), p));
        }
        String text = p.getText();
        try {
          return form.read().apply(text);
        } catch (RuntimeException e) {
          throw ctxt.weirdStringException(text, form.type(), e.getMessage());
        }
      }
    });
  }
}
