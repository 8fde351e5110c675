package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipProtocolException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default byte upload: raw POST without the bot key, and every answer shape the API doc lets through. */
class MediaTransferTest {
  MockWebServer store = new MockWebServer();
  BlipClient blip;
  MediaFile png = MediaFile.of(MediaUploaderIntegrationTest.PNG, "image/png", null);

  @BeforeEach
  void start() throws Exception {
    store.start(InetAddress.getByName("127.0.0.1"), 0);
    blip = BlipClient.builder().baseUrl("http://127.0.0.1:9").credentials("bot", "key").build();
  }

  @AfterEach
  void stop() {
    store.close();
    blip.close();
  }

  @Test
  void postsTheRawBytesWithoutTheKeyAndReadsEachAnswerShape() throws Exception {
    MediaTransfer t = MediaTransfer.httpPost(blip);
    String upload = store.url("/upload/abc").toString();
    store.enqueue(new MockResponse.Builder().body("{\"mediaUri\":\"https://m/1\"}").build());
    assertEquals("https://m/1", t.upload(upload, png));
    RecordedRequest r = store.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("image/png", r.getHeaders().get("Content-Type"));
    assertNull(r.getHeaders().get("Authorization"), "the pre-signed URL is the key");
    assertEquals(MediaUploaderIntegrationTest.PNG.length, r.getBody().size());
    store.enqueue(new MockResponse.Builder().body("\"https://m/2\"").build());
    assertEquals("https://m/2", t.upload(upload, png));
    store.enqueue(new MockResponse.Builder().code(201).setHeader("Location", "/media/3").build());
    assertEquals(store.url("/media/3").toString(), t.upload(upload, png));
    store.enqueue(new MockResponse.Builder().code(200).build());
    assertThrows(BlipProtocolException.class, () -> t.upload(upload, png));
    store.enqueue(new MockResponse.Builder().code(403).body("AuthenticationFailed").build());
    assertEquals(403, assertThrows(BlipHttpException.class, () -> t.upload(upload, png)).statusCode());
  }
}
