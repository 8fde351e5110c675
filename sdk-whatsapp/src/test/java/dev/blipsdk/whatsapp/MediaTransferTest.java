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

  /**
   * A media URL as Blip's media store serves it (the secure-medias form, wave2-api-shapes.md §3.3, from media URIs
   * embedded in public code), signature shortened. No public source shows the byte upload's answer (API doc §8.1).
   */
  static final String STORE_URL = "https://blipmediastore.blob.core.windows.net/secure-medias/"
      + "Media_1f2e3d4c-5b6a-4789-8abc-def012345678?sv=2021-08-06&st=2026-05-04T12%3A00%3A00Z"
      + "&se=2026-05-04T12%3A30%3A00Z&sr=b&sp=r&sig=abc%3D&secure=true";

  @Test
  void theAnswersMembersAreFoundWithoutRegardToCaseAndABlankOneIsSkipped() throws Exception {
    MediaTransfer t = MediaTransfer.httpPost(blip);
    String upload = store.url("/upload/abc").toString();
    store.enqueue(new MockResponse.Builder().body("{\"MediaUri\":\"" + STORE_URL + "\"}").build());
    assertEquals(STORE_URL, t.upload(upload, png));
    store.enqueue(new MockResponse.Builder().body("{\"mediaUri\":\"\",\"URL\":\"https://m/5\"}").build());
    assertEquals("https://m/5", t.upload(upload, png), "a blank member is no URL");
    // the shape of Blip's media commands (takenet/blip-docs extensions/media.md, "Refresh expired media")
    store.enqueue(new MockResponse.Builder().body("{\"type\":\"text/plain\",\"resource\":\"" + STORE_URL
        + "\",\"method\":\"set\",\"status\":\"success\"}").build());
    assertEquals(STORE_URL, t.upload(upload, png));
    // a member of another shape holds no URL: the Location header is used
    store.enqueue(new MockResponse.Builder().code(201).setHeader("Location", "/media/6")
        .body("{\"mediaUri\":{\"href\":\"x\"}}").build());
    assertEquals(store.url("/media/6").toString(), t.upload(upload, png));
  }
}
