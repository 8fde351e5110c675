package dev.blipsdk.whatsapp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Media uploaded to Blip's media store, ready for a template header.
 *
 * <pre>{@code
 * UploadedMedia logo = uploader.upload(MediaFile.of(path, "image/png"), definition);
 * TemplateMessage message = logo.applyTo(TemplateMessage.of("order_update", "pt_BR")).body("Ana", "#4411");
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints the URL: a signed URL lets anyone
 * download the file until it expires.
 *
 * @param url the media URL
 * @param kind the kind
 * @param contentType the content type
 * @param size the size in bytes
 * @param filename the file name (a document header shows it), or null
 */
public record UploadedMedia(String url, MediaKind kind, String contentType, long size, @Nullable String filename) {

  /** Validates. */
  public UploadedMedia {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentType, "contentType");
  }

  /**
   * When the URL's signature expires: its {@code se} parameter (Blip's signed URLs last 30 minutes).
   *
   * @return the expiry, or empty for a URL without one (a public media URL)
   */
  public Optional<Instant> expiresAt() {
    return MediaUploader.expiresAt(url);
  }

  /**
   * Puts the media in a template message's header. The SDK's default check of a header URL looks at its
   * file extension, which Blip's media URLs do not have ({@code .../Media_<uuid>?...}), so the message is
   * switched to {@link MediaCheck#CONTENT_TYPE}: the send checks the type the URL serves with a {@code HEAD}.
   *
   * @param message the message
   * @return the message with the header set
   */
  public TemplateMessage applyTo(TemplateMessage message) {
    Objects.requireNonNull(message, "message");
    String name = kind == MediaKind.DOCUMENT ? (filename != null ? filename : "document.pdf") : null;
    return message.mediaCheck(MediaCheck.CONTENT_TYPE).headerMedia(kind, url, name);
  }

  /** Kind, type and size; never the URL or the file name. */
  @Override
  public String toString() {
    return "UploadedMedia{" + kind + ", " + contentType + ", " + size + " bytes}";
  }
}
