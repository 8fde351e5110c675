package consumer.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import consumer.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** The Spring Boot application sends a template and receives its signed webhooks through its own controller. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookApplicationTest {
  @Autowired Scenario scenario;
  @Autowired Environment environment;

  @Test
  void sendsATemplateAndReceivesItsSignedWebhookThroughTheController() throws Exception {
    String url = "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/blip/webhook";
    String summary = scenario.run(url);
    System.out.println("spring-boot " + org.springframework.boot.SpringBootVersion.getVersion() + ": " + summary);
    assertTrue(summary.contains("consumed"), summary);
  }
}
