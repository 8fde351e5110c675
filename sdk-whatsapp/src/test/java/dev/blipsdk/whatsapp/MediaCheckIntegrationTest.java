package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.BlipValidationException;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in HEAD check of media URLs, against a media server on 127.0.0.1. */
class MediaCheckIntegrationTest {
  MockWebServer media = new MockWebServer();
  BlipClient blip;
  WhatsAppClient wa;

  @BeforeEach
  void start() throws Exception {
    media.start();
    blip = BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("bot", "key").build();
    wa = WhatsAppClient.of(blip);
  }

  @AfterEach
  void stop() throws Exception {
    media.close();
    blip.close();
  }

  @Test
  void acceptsTheRightContentTypeEvenWithoutAnExtension() throws Exception {
    media.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png").build());
    TemplateMessage m = TemplateMessage.of("promo", "en").mediaCheck(MediaCheck.CONTENT_TYPE)
        .headerImage(media.url("/img").toString() + "?id=1").validate();
    wa.checkMediaAsync(m).join();
    RecordedRequest r = media.takeRequest();
    assertEquals("HEAD", r.getMethod());
  }

  @Test
  void refusesAnotherKindOrAnError() {
    media.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").build());
    TemplateMessage m = TemplateMessage.of("promo", "en").mediaCheck(MediaCheck.CONTENT_TYPE)
        .headerVideo(media.url("/watch").toString());
    CompletionException e = assertThrows(CompletionException.class, () -> wa.checkMediaAsync(m).join());
    BlipValidationException v = assertInstanceOf(BlipValidationException.class, e.getCause());
    assertEquals("header.video", v.field());
    assertEquals("content-type", v.rule());
    media.enqueue(new MockResponse.Builder().code(404).build());
    CompletionException missing = assertThrows(CompletionException.class, () -> wa.checkMediaAsync(m).join());
    assertEquals("media-unreachable", ((BlipValidationException) missing.getCause()).rule());
    // a send with the check refuses before reaching Blip (whose address here is closed)
    media.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").build());
    BlipValidationException send = assertThrows(BlipValidationException.class,
        () -> wa.send(Recipient.of(dev.blipsdk.core.envelope.Identity.parse("5531999998888@wa.gw.msging.net")), m,
            SendOptions.none()));
    assertEquals("content-type", send.rule());
  }
}
