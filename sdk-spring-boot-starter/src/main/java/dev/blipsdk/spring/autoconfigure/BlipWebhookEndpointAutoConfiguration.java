package dev.blipsdk.spring.autoconfigure;

import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.spring.BlipProperties;
import dev.blipsdk.spring.InvalidBlipPropertyException;
import dev.blipsdk.spring.internal.WebhookEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint at {@code blip.webhook.path}, in a Servlet (Spring MVC) application: every request to the path
 * goes to the {@link WebhookReceiver} bean, which answers as it documents (405 but for POST, 413, 401, 400, 200 or
 * 500). Point the bot's message and notification URLs at it. With Spring Security, permit the path and exempt it
 * from CSRF: the verifier is what authenticates Blip.
 */
@AutoConfiguration(after = {BlipAutoConfiguration.class, BlipFakeAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RouterFunction.class, HttpServletRequest.class})
@ConditionalOnProperty(prefix = "blip.webhook", name = "path")
@ConditionalOnBean(WebhookReceiver.class)
public class BlipWebhookEndpointAutoConfiguration {

  /** Created by Spring. */
  public BlipWebhookEndpointAutoConfiguration() {}

  /**
   * Routes {@code blip.webhook.path} to the receiver.
   *
   * @param receiver the receiver
   * @param properties the properties
   * @return the route
   */
  @Bean
  public RouterFunction<ServerResponse> blipWebhookRoute(WebhookReceiver receiver, BlipProperties properties) {
    String path = properties.getWebhook().getPath();
    if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
      throw new InvalidBlipPropertyException("blip.webhook.path", "an absolute literal path",
          "blip.webhook.path must be a literal path starting with '/', was '" + path + "'.",
          "Set blip.webhook.path to a path such as /blip/webhook.");
    }
    return RouterFunctions.route(RequestPredicates.path(path), new WebhookEndpoint(receiver));
  }
}
