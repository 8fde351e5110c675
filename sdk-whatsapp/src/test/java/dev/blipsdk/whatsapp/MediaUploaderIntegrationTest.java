package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media for template headers: checks before any request, upload to FakeBlip, served back on loopback, refresh. */
class MediaUploaderIntegrationTest {
  static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] MP4 = bytes(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
  static final OkHttpClient HTTP = new OkHttpClient();

  FakeBlip fake;
  BlipClient blip;
  WhatsAppClient whatsApp;
  MediaUploader uploader;

  static byte[] bytes(byte[] b) {
    return b;
  }

  @BeforeEach
  void start() {
    fake = FakeBlip.start();
    fake.seedTemplate(FakeTemplate.builder("promo", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE)
        .body("Oi {{1}}!").build());
    fake.seedTemplate(FakeTemplate.builder("invoice", "pt_BR").header(FakeTemplate.HeaderFormat.DOCUMENT)
        .body("Sua fatura, {{1}}.").build());
    blip = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock()).build();
    whatsApp = WhatsAppClient.of(blip);
    uploader = MediaUploader.of(blip);
  }

  @AfterEach
  void stop() {
    blip.close();
    fake.close();
  }

  static Response get(String url) throws Exception {
    return HTTP.newCall(new Request.Builder().url(url).build()).execute();
  }

  private long uploadCommands() {
    return FakeBlipSupport.commands(fake, "upload-media-uri").size();
  }

  @Test
  void anImageIsUploadedServedBackAndSentInTheTemplateHeader() throws Exception {
    Template promo = whatsApp.templates().find("promo", "pt_BR").orElseThrow();
    UploadedMedia logo = uploader.upload(MediaFile.of(PNG, "image/png", "logo.png"), promo);
    assertEquals(MediaKind.IMAGE, logo.kind());
    assertTrue(logo.url().startsWith(fake.baseUrl()), "served by the fake on loopback");
    assertFalse(logo.toString().contains(logo.url()), "the signed URL is not printed");
    try (Response r = get(logo.url())) {
      assertEquals(200, r.code());
      assertEquals("image/png", r.header("Content-Type"));
      assertArrayEquals(PNG, r.body().bytes());
    }
    assertEquals(1, fake.bot().uploadedMedia().size());
    assertEquals((long) PNG.length, fake.bot().uploadedMedia().get(0).get("size"));
    assertEquals("/upload-media-uri?secure=true", FakeBlipSupport.commands(fake, "upload-media-uri").get(0)
        .field("uri"));

    TemplateMessage message = logo.applyTo(TemplateMessage.of("promo", "pt_BR")).body("Ana");
    assertEquals(MediaCheck.CONTENT_TYPE, message.mediaCheckMode(), "Blip media URLs have no file extension");
    whatsApp.send(PhoneNumber.parse("+5531999998888"), message);
    String sent = FakeBlipSupport.messages(fake).get(0).json();
    assertTrue(sent.contains(logo.url().replace("&", "\\u0026")) || sent.contains(logo.url()), sent);
  }

  @Test
  void aDocumentFromAFileAndAVideoFromAStream(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fatura-4411.pdf");
    Files.write(file, PDF);
    UploadedMedia pdf = uploader.upload(MediaFile.of(file, "application/pdf"),
        whatsApp.templates().find("invoice", "pt_BR").orElseThrow());
    assertEquals("fatura-4411.pdf", pdf.filename());
    assertTrue(pdf.applyTo(TemplateMessage.of("invoice", "pt_BR")).toContent().json()
        .contains("\"filename\":\"fatura-4411.pdf\""));
    UploadedMedia video = uploader.upload(MediaFile.of(new ByteArrayInputStream(MP4), "video/mp4", null),
        HeaderFormat.VIDEO);
    try (Response r = get(video.url())) {
      assertEquals("video/mp4", r.header("Content-Type"));
      assertArrayEquals(MP4, r.body().bytes());
    }
  }

  @Test
  void badInputIsATypedErrorBeforeAnyRequest() {
    Template promo = whatsApp.templates().find("promo", "pt_BR").orElseThrow();
    MediaTypeMismatchException kind = assertThrows(MediaTypeMismatchException.class,
        () -> uploader.upload(MediaFile.of(PDF, "application/pdf", "x.pdf"), promo));
    assertEquals("header", kind.field());
    assertEquals("must be a document header", kind.rule());
    assertTrue(kind.getMessage().contains("needs a image"), kind.getMessage());
    MediaTypeMismatchException disguised = assertThrows(MediaTypeMismatchException.class,
        () -> MediaFile.of(PNG, "application/pdf", "x.pdf"));
    assertEquals("bytes", disguised.field());
    assertEquals("must be a application/pdf file", disguised.rule());
    assertEquals("bytes", assertThrows(MediaTypeMismatchException.class,
        () -> MediaFile.of(PDF, "image/jpeg", null)).field());
    assertEquals("contentType", assertThrows(MediaTypeMismatchException.class,
        () -> MediaFile.of(PDF, "text/html", null)).field());
    byte[] big = new byte[(int) MediaKind.IMAGE.maxBytes() + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    MediaTooLargeException large = assertThrows(MediaTooLargeException.class,
        () -> MediaFile.of(big, "image/png", null));
    assertEquals("size", large.field());
    assertEquals(MediaKind.IMAGE, large.kind());
    assertThrows(MediaTooLargeException.class,
        () -> MediaFile.of(new ByteArrayInputStream(big), "image/png", null));
    assertThrows(BlipValidationException.class, () -> MediaFile.of(new byte[0], "image/png", null));
    assertEquals(0, uploadCommands(), "nothing reached Blip");
    assertTrue(fake.bot().uploadedMedia().isEmpty());
  }

  @Test
  void anExpiredUrlIsRefreshed() throws Exception {
    UploadedMedia logo = uploader.upload(MediaFile.of(PNG, "image/png", null), HeaderFormat.IMAGE);
    assertEquals(fake.clock().instant().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        logo.expiresAt().orElseThrow(), "se= is signed to the second");
    assertEquals(logo.url(), uploader.refreshIfExpired(logo.url()), "still valid: no request");
    fake.clock().advance(Duration.ofMinutes(31));
    try (Response r = get(logo.url())) {
      assertEquals(403, r.code(), "the signature expired in fake time");
    }
    String fresh = uploader.refreshIfExpired(logo.url());
    assertNotEquals(logo.url(), fresh);
    try (Response r = get(fresh)) {
      assertEquals(200, r.code());
      assertArrayEquals(PNG, r.body().bytes());
    }
    assertTrue(uploader.refresh(fresh).startsWith(fake.baseUrl()));
    BlipCommandException unknown = assertThrows(BlipCommandException.class,
        () -> uploader.refresh(fake.baseUrl() + "/_media/secure-medias/Media_nope?se=1"));
    assertTrue(unknown.isNotFound());
  }

  @Test
  void theByteUploadStepIsReplaceable() {
    List<String> seen = new ArrayList<>();
    MediaUploader custom = MediaUploader.builder(blip).secure(false).transfer((uploadUrl, file) -> {
      seen.add(file.contentType() + " " + file.size());
      return "https://cdn.example/media/1";
    }).build();
    UploadedMedia m = custom.upload(MediaFile.of(PNG, "image/png", null), HeaderFormat.IMAGE);
    assertEquals("https://cdn.example/media/1", m.url());
    assertEquals(List.of("image/png " + PNG.length), seen);
    assertEquals("/upload-media-uri", FakeBlipSupport.commands(fake, "upload-media-uri").get(0).field("uri"));
    assertTrue(fake.bot().uploadedMedia().isEmpty(), "the default POST was not made");
  }
}
