package dev.blipsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.webhook.InboundMessage;
import dev.blipsdk.core.webhook.TokenRejectedException;
import dev.blipsdk.core.webhook.WebhookCallbackException;
import dev.blipsdk.core.webhook.WebhookReceiver;
import dev.blipsdk.spring.autoconfigure.BlipAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipFakeAutoConfiguration;
import dev.blipsdk.spring.autoconfigure.BlipWebhookEndpointAutoConfiguration;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.StatusReport;
import dev.blipsdk.whatsapp.StatusTracker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The endpoint at blip.webhook.path, through Spring MVC's dispatcher, answering as WebhookReceiver documents. */
class WebhookEndpointTest {
  private static final String TOKEN = "hook-token-current";
  private static final String MESSAGE = "{\"id\":\"in-1\",\"from\":\"5531999998888@wa.gw.msging.net\","
      + "\"to\":\"fakebot@msging.net\",\"type\":\"text/plain\",\"content\":\"Oi\"}";
  private static final String RECEIVED = "{\"id\":\"out-1\",\"from\":\"5531999998888@wa.gw.msging.net\","
      + "\"to\":\"fakebot@msging.net\",\"event\":\"received\"}";

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class,
          BlipWebhookEndpointAutoConfiguration.class, WebMvcAutoConfiguration.class,
          DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
          JacksonAutoConfiguration.class))
      .withPropertyValues("blip.fake.enabled=true", "blip.webhook.path=/blip/webhook",
          "blip.webhook.verifier.scheme=static-header", "blip.webhook.verifier.header-name=X-Blip-Token",
          "blip.webhook.verifier.secrets=" + TOKEN + ",hook-token-previous");

  @Test
  void verifiedEventsReachTheTrackerAndTheListeners() {
    Recorder recorder = new Recorder();
    runner.withBean(Recorder.class, () -> recorder).run(context -> {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
      mvc.perform(post("/blip/webhook").header("X-Blip-Token", TOKEN).contentType(MediaType.APPLICATION_JSON)
              .content(MESSAGE))
          .andExpect(status().isOk()).andExpect(content().string("ok"));
      // the previous token is still accepted during a rotation
      mvc.perform(post("/blip/webhook").header("x-blip-token", "hook-token-previous")
              .contentType(MediaType.APPLICATION_JSON).content(RECEIVED))
          .andExpect(status().isOk());
      assertThat(recorder.messages).extracting(InboundMessage::id).containsExactly("in-1");
      assertThat(recorder.statuses).containsExactly("out-1");
      assertThat(context.getBean(StatusTracker.class).status("out-1")).map(StatusReport::status)
          .contains(MessageStatus.DELIVERED);
    });
  }

  @Test
  void answersAsTheReceiverDocuments() {
    Recorder recorder = new Recorder();
    runner.withBean(Recorder.class, () -> recorder).run(context -> {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
      mvc.perform(get("/blip/webhook")).andExpect(status().isMethodNotAllowed())
          .andExpect(header().string("Allow", "POST"));
      mvc.perform(post("/blip/webhook").header("X-Blip-Token", "wrong").content(MESSAGE))
          .andExpect(status().isUnauthorized()).andExpect(content().string("unauthorized"));
      mvc.perform(post("/blip/webhook").header("X-Blip-Token", TOKEN).content("{not json"))
          .andExpect(status().isBadRequest());
      byte[] huge = new byte[context.getBean(WebhookReceiver.class).maxBodyBytes() + 10];
      java.util.Arrays.fill(huge, (byte) ' ');
      mvc.perform(post("/blip/webhook").header("X-Blip-Token", TOKEN).content(huge))
          .andExpect(status().isPayloadTooLarge());
      recorder.failNext = true;
      mvc.perform(post("/blip/webhook").header("X-Blip-Token", TOKEN).content(MESSAGE))
          .andExpect(status().isInternalServerError());
      assertThat(recorder.errors).hasSize(4);
      assertThat(recorder.errors.get(0)).isInstanceOf(TokenRejectedException.class);
      assertThat(recorder.errors.get(3)).isInstanceOf(WebhookCallbackException.class);
    });
  }

  @Test
  void theApplicationsOwnVerifierReplacesTheProperties() {
    runner.withPropertyValues("blip.webhook.verifier.scheme=", "blip.webhook.verifier.secrets=")
        .withBean(dev.blipsdk.core.webhook.WebhookVerifier.class,
            () -> dev.blipsdk.core.webhook.WebhookVerifier.bearerToken("only-this"::equals))
        .run(context -> {
          assertThat(context).hasNotFailed();
          MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
          mvc.perform(post("/blip/webhook").header("Authorization", "Bearer only-this").content(RECEIVED))
              .andExpect(status().isOk());
          mvc.perform(post("/blip/webhook").header("X-Blip-Token", TOKEN).content(RECEIVED))
              .andExpect(status().isUnauthorized());
        });
  }

  @Test
  void noPathNoEndpoint() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BlipFakeAutoConfiguration.class, BlipAutoConfiguration.class,
            BlipWebhookEndpointAutoConfiguration.class, WebMvcAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class))
        .withPropertyValues("blip.fake.enabled=true")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(WebhookReceiver.class);
          MockMvcBuilders.webAppContextSetup(context).build()
              .perform(post("/blip/webhook").content(MESSAGE.getBytes(StandardCharsets.UTF_8)))
              .andExpect(status().isNotFound());
        });
  }

  static final class Recorder implements BlipWebhookListener {
    final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<BlipException> errors = new CopyOnWriteArrayList<>();
    volatile boolean failNext;

    @Override
    public void onMessage(InboundMessage message) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("database down");
      }
      messages.add(message);
    }

    @Override
    public void onStatus(dev.blipsdk.core.webhook.StatusNotification status) {
      statuses.add(status.messageId());
    }

    @Override
    public void onError(BlipException error) {
      errors.add(error);
    }
  }
}
