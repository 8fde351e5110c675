package consumer.spring;

import consumer.Scenario;
import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot web application as a CRM integrator writes one: a controller hands each webhook's raw body bytes
 * and headers to the SDK's receiver. The same source builds against Spring Boot 3.5 and 4.0.
 */
@SpringBootApplication
public class WebhookApplication {
  public static void main(String[] args) {
    SpringApplication.run(WebhookApplication.class, args);
  }

  @Bean(destroyMethod = "close")
  Scenario scenario() {
    return new Scenario();
  }

  @RestController
  static class WebhookController {
    private final Scenario scenario;

    WebhookController(Scenario scenario) {
      this.scenario = scenario;
    }

    @PostMapping("/blip/webhook")
    ResponseEntity<byte[]> receive(@RequestBody byte[] body, HttpServletRequest request) {
      WebhookHeaders.Builder headers = WebhookHeaders.builder();
      for (String name : Collections.list(request.getHeaderNames())) {
        for (String value : Collections.list(request.getHeaders(name))) {
          headers.add(name, value);
        }
      }
      WebhookResponse response = scenario.handle(request.getMethod(), headers.build(), body);
      return ResponseEntity.status(response.statusCode()).body(response.bodyBytes());
    }
  }
}
