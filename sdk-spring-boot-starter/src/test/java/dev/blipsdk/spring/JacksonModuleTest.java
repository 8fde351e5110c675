package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.spring.autoconfigure.BlipJacksonAutoConfiguration;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.SendReceipt;
import dev.blipsdk.whatsapp.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot's ObjectMapper (Jackson 2, Boot 3.5) with the starter's module: SDK values as users expect them in JSON. */
class JacksonModuleTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, BlipJacksonAutoConfiguration.class));

  @Test
  void statusReportSerializesWithAddressesAsText() {
    Node from = Node.parse("5531999998888@wa.gw.msging.net/abc");
    Notification failed = new Notification("m-1", from, Node.parse("mybot@msging.net"), null,
        NotificationEvent.FAILED, "failed", Reason.of(1501, "not on WhatsApp"), Map.of());
    StatusReport report = new StatusReport("m-1", MessageStatus.FAILED, MessageStatus.FAILED,
        failed.reason(), Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z"),
        Instant.parse("2026-01-03T03:04:05Z"), false, List.of(failed));
    runner.run(context -> {
      ObjectMapper mapper = context.getBean(ObjectMapper.class);
      Map<?, ?> json = mapper.readValue(mapper.writeValueAsString(report), Map.class);
      assertThat(json.get("status")).isEqualTo("FAILED");
      assertThat(json.get("sentAt")).isEqualTo("2026-01-02T03:04:05Z");
      assertThat(json.get("failure")).isEqualTo(Map.of("code", 1501, "description", "not on WhatsApp"));
      Map<?, ?> notification = (Map<?, ?>) ((List<?>) json.get("notifications")).get(0);
      assertThat(notification.get("from")).isEqualTo("5531999998888@wa.gw.msging.net/abc");
      assertThat(notification.get("to")).isEqualTo("mybot@msging.net");
      assertThat(notification.get("eventName")).isEqualTo("failed");
    });
  }

  @Test
  void valuesRoundTrip() {
    record Payload(Identity identity, Node node, PhoneNumber phone, JsonDocument resource, SendReceipt receipt) {}
    Payload p = new Payload(Identity.parse("ana%40acme.com@blip.ai"), Node.parse("bot@msging.net/web"),
        PhoneNumber.parse("+5531999998888"), JsonDocument.parse("{\"plan\":\"Gold\",\"tags\":[1,2]}"),
        new SendReceipt("env-1", Identity.parse("5531999998888@wa.gw.msging.net"), Instant.EPOCH));
    runner.run(context -> {
      ObjectMapper mapper = context.getBean(ObjectMapper.class);
      String text = mapper.writeValueAsString(p);
      assertThat(text).contains("\"identity\":\"ana%40acme.com@blip.ai\"", "\"node\":\"bot@msging.net/web\"",
          "\"phone\":\"+5531999998888\"", "\"resource\":{\"plan\":\"Gold\",\"tags\":[1,2]}",
          "\"recipient\":\"5531999998888@wa.gw.msging.net\"");
      assertThat(mapper.readValue(text, Payload.class)).isEqualTo(p);
    });
  }

  @Test
  void malformedTextIsAMappingErrorNamingTheType() {
    runner.run(context -> {
      ObjectMapper mapper = context.getBean(ObjectMapper.class);
      assertThatThrownBy(() -> mapper.readValue("\"not a phone\"", PhoneNumber.class))
          .isInstanceOf(JsonMappingException.class).hasMessageContaining("PhoneNumber");
      assertThatThrownBy(() -> mapper.readValue("42", Identity.class)).isInstanceOf(JsonMappingException.class);
    });
  }
}
