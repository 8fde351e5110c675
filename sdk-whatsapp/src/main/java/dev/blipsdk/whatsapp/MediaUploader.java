package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Uploads the image, video or document of a template header to Blip's media store and returns the URL to
 * put in the template; refreshes a URL whose signature expired.
 *
 * <pre>{@code
 * MediaUploader uploader = MediaUploader.of(blip);
 * Template definition = whatsApp.templates().find("invoice", "pt_BR").orElseThrow();   // DOCUMENT header
 * UploadedMedia pdf = uploader.upload(MediaFile.of(Path.of("invoice-4411.pdf"), "application/pdf"), definition);
 * whatsApp.send(phone, pdf.applyTo(TemplateMessage.of("invoice", "pt_BR")).body("Ana"));
 * }</pre>
 *
 * <p><b>Order.</b> Everything that can be refused is refused before any request: the content type (a type
 * a header takes), the size (WhatsApp's limit for the kind, {@link MediaKind#maxBytes()}), the bytes (they
 * must be of the declared type), all checked when the {@link MediaFile} is made, and the kind against the
 * template's header (a PDF for a document header, and so on) here. Then {@code get /upload-media-uri} to
 * {@code postmaster@media.msging.net} (documented), then the bytes go to the returned URL through the
 * {@link MediaTransfer} (the one undocumented step, replaceable with {@link Builder#transfer}).
 *
 * <p><b>Expiry.</b> Blip's media URLs are signed for 30 minutes ({@code se} in the query). Send soon after
 * uploading, or refresh with {@link #refresh(String)} ({@code set /refresh-media-uri}, documented) or
 * {@link #refreshIfExpired(String)}.
 *
 * <p>Immutable and thread-safe. It never logs a media URL or file content.
 */
public final class MediaUploader {
  /** The media extension. */
  public static final Node MEDIA = Node.parse("postmaster@media.msging.net");
  /** How long before its expiry {@link #refreshIfExpired(String)} already refreshes a URL. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);

  private final BlipClient client;
  private final MediaTransfer transfer;
  private final boolean secure;

  private MediaUploader(Builder b) {
    this.client = b.client;
    this.transfer = b.transfer != null ? b.transfer : MediaTransfer.httpPost(b.client);
    this.secure = b.secure;
  }

  /**
   * An uploader with the defaults.
   *
   * @param client the Blip client of the bot
   * @return the uploader
   */
  public static MediaUploader of(BlipClient client) {
    return builder(client).build();
  }

  /**
   * A builder.
   *
   * @param client the Blip client of the bot
   * @return the builder
   */
  public static Builder builder(BlipClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /**
   * Uploads a file for a template whose header it fills.
   *
   * @param file the file
   * @param template the template's definition; its header must be of the file's kind
   * @return the uploaded media
   * @throws MediaTypeMismatchException before any request when the template has no media header of the
   *     file's kind (field {@code header})
   */
  public UploadedMedia upload(MediaFile file, Template template) {
    Objects.requireNonNull(template, "template");
    TemplateHeader header = template.header();
    return upload(file, header == null ? null : header.format(), template.name());
  }

  /**
   * Uploads a file for a header of a given format.
   *
   * @param file the file
   * @param header the header format; must be the file's kind
   * @return the uploaded media
   * @throws MediaTypeMismatchException before any request when the format is not the file's kind
   */
  public UploadedMedia upload(MediaFile file, HeaderFormat header) {
    return upload(file, Objects.requireNonNull(header, "header"), null);
  }

  private UploadedMedia upload(MediaFile file, @Nullable HeaderFormat header, @Nullable String template) {
    Objects.requireNonNull(file, "file");
    MediaKind wanted = header == null ? null : header.mediaKind();
    if (wanted != file.kind()) {
      String where = template == null ? "the header" : "template " + template + "'s header";
      throw new MediaTypeMismatchException("header", "must be a " + file.kind().wireValue() + " header",
          where + " is " + (header == null ? "absent" : header.name().toLowerCase(java.util.Locale.ROOT))
              + (wanted == null ? "" : " and needs a " + wanted.wireValue() + " " + wanted.contentTypes())
              + ", not a " + file.contentType() + " file");
    }
    return upload(file);
  }

  /**
   * Uploads a file without a template to check it against (its own checks still apply).
   *
   * @param file the file
   * @return the uploaded media
   * @throws dev.blipsdk.core.exception.BlipException if a call failed
   */
  public UploadedMedia upload(MediaFile file) {
    Objects.requireNonNull(file, "file");
    Command response = client.execute(Command.get(secure ? "/upload-media-uri?secure=true" : "/upload-media-uri")
        .to(MEDIA).build(), RequestOptions.builder().operation(WhatsAppOperations.MEDIA_UPLOAD_URI).build());
    String uploadUrl = string(response, "upload-media-uri");
    String url = transfer.upload(uploadUrl, file);
    if (url == null || url.isBlank()) {
      throw new BlipProtocolException("the media transfer returned no URL");
    }
    return new UploadedMedia(url, file.kind(), file.contentType(), file.size(), file.filename());
  }

  /**
   * A fresh URL for media whose signed URL expired ({@code set /refresh-media-uri}, {@code text/plain}).
   *
   * @param expiredUrl the URL, as it was given
   * @return the URL with a new signature
   * @throws dev.blipsdk.core.exception.BlipCommandException if Blip does not know the media
   */
  public String refresh(String expiredUrl) {
    Objects.requireNonNull(expiredUrl, "expiredUrl");
    Command response = client.execute(Command.set("/refresh-media-uri", MediaTypes.TEXT_PLAIN,
        JsonDocument.text(expiredUrl)).to(MEDIA).build(), RequestOptions.builder().operation(WhatsAppOperations.MEDIA_REFRESH).idempotent(true).build());
    return string(response, "refresh-media-uri");
  }

  /**
   * The URL as is while its signature has more than {@link #REFRESH_MARGIN} left (on the client's clock),
   * else a refreshed one.
   *
   * @param url the URL
   * @return a URL valid for a while
   */
  public String refreshIfExpired(String url) {
    Optional<Instant> expiry = expiresAt(Objects.requireNonNull(url, "url"));
    if (expiry.isPresent() && !client.clock().instant().plus(REFRESH_MARGIN).isBefore(expiry.get())) {
      return refresh(url);
    }
    return url;
  }

  /**
   * When a signed media URL expires: its {@code se} parameter, ISO-8601 (Azure's form) or Unix seconds.
   *
   * @param url the URL
   * @return the expiry, or empty when it has none (or it cannot be read)
   */
  public static Optional<Instant> expiresAt(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.startsWith("se=")) {
        String v = java.net.URLDecoder.decode(pair.substring(3), java.nio.charset.StandardCharsets.UTF_8);
        try {
          return Optional.of(v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
              : Instant.parse(v));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String string(Command response, String what) {
    JsonDocument r = response.resource();
    if (r != null && r.isString()) {
      return r.asString();
    }
    throw new BlipProtocolException("the answer to " + what + " holds no URL");
  }

  @Override
  public String toString() {
    return "MediaUploader{" + client + ", secure=" + secure + "}";
  }

  /** Builds a {@link MediaUploader}. Not thread-safe. */
  public static final class Builder {
    private final BlipClient client;
    private @Nullable MediaTransfer transfer;
    private boolean secure = true;

    private Builder(BlipClient client) {
      this.client = client;
    }

    /**
     * Replaces the byte upload step ({@link MediaTransfer#httpPost(BlipClient)} by default).
     *
     * @param value the transfer
     * @return this builder
     */
    public Builder transfer(MediaTransfer value) {
      this.transfer = Objects.requireNonNull(value, "transfer");
      return this;
    }

    /**
     * Whether to ask for a signed ("secure") URL, {@code ?secure=true} (the default, as Blip's docs show).
     *
     * @param value true for a signed URL
     * @return this builder
     */
    public Builder secure(boolean value) {
      this.secure = value;
      return this;
    }

    /**
     * Builds the uploader.
     *
     * @return the uploader
     */
    public MediaUploader build() {
      return new MediaUploader(this);
    }
  }
}
