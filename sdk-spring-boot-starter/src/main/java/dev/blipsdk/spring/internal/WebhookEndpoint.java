package dev.blipsdk.spring.internal;

import dev.blipsdk.core.webhook.WebhookHeaders;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.core.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint: hands the request's method, headers and raw body bytes (at most the receiver's limit plus
 * one byte, so a huge body is answered 413 without buffering it) to a {@link WebhookReceiver} and writes its answer.
 * Written against the Servlet API and Spring MVC's functional endpoints, which Spring 6 and 7 share. Thread-safe.
 */
public final class WebhookEndpoint implements HandlerFunction<ServerResponse> {
  private final WebhookReceiver receiver;

  /**
   * Creates the endpoint.
   *
   * @param receiver the receiver
   */
  public WebhookEndpoint(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public ServerResponse handle(ServerRequest request) throws IOException {
    HttpServletRequest servlet = request.servletRequest();
    String method = servlet.getMethod();
    byte[] body = new byte[0];
    if ("POST".equalsIgnoreCase(method)) {
      try (InputStream in = servlet.getInputStream()) {
        body = in.readNBytes(receiver.maxBodyBytes() + 1);
      }
    }
    WebhookResponse answer = receiver.handle(method, headers(servlet), body);
    ServerResponse.BodyBuilder out = ServerResponse.status(answer.statusCode());
    answer.headers().forEach((name, value) -> out.header(name, value));
    return out.body(answer.bodyBytes());
  }

  private static WebhookHeaders headers(HttpServletRequest servlet) {
    WebhookHeaders.Builder b = WebhookHeaders.builder();
    Enumeration<String> names = servlet.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = servlet.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        String value = values.nextElement();
        if (name != null && !name.isEmpty() && value != null) {
          b.add(name, value);
        }
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "WebhookEndpoint{" + receiver + "}";
  }
}
