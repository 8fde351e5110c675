package dev.blipsdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The quickstart story as a Spring Boot service on {@code blip-sdk-spring-boot-starter}: every Blip client is a bean
 * the starter made from {@code blip.*} (see {@code application.properties}), the webhook endpoint is the starter's
 * ({@code /blip/webhook}), the health of the Blip connection is in {@code /actuator/health}, and the SDK's values are
 * returned as JSON by the controllers as they are.
 *
 * <p>Run it on the fake Blip with the demo data (no account needed):
 * <pre>
 * mvn -q -pl sdk-examples-spring -am compile exec:java -Dexec.args=--spring.profiles.active=fake
 * curl -X POST localhost:8080/orders/4411/notify -H 'Content-Type: application/json' \
 *     -d '{"phone":"(31) 99999-8888","customerName":"Ana"}'
 * </pre>
 * or on a real contract with {@code BLIP_CONTRACT}, {@code BLIP_IDENTIFIER}, {@code BLIP_ACCESS_KEY} and
 * {@code BLIP_WEBHOOK_TOKEN} set.
 */
@SpringBootApplication
public class QuickstartApplication {
  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(QuickstartApplication.class, args);
  }
}
