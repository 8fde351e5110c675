package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file to upload for a template header: its bytes (in memory, or a file on disk read when uploaded), its
 * declared content type and an optional file name (a document header shows it).
 *
 * <p>Made with a check of what can be checked without the template: the content type must be one a
 * template header takes, the size within WhatsApp's limit for that kind, and the first bytes those of the
 * declared type (JPEG, PNG, MP4/3GPP, PDF). Each failure is a typed {@link BlipValidationException} naming
 * the field, before anything is uploaded.
 *
 * <p>Immutable and thread-safe (a file on disk is read when uploaded; change it meanwhile and the upload
 * sends what is there then).
 */
public final class MediaFile {
  private static final int SNIFF = 1024;

  private final byte @Nullable [] bytes;
  private final @Nullable Path path;
  private final long size;
  private final String contentType;
  private final MediaKind kind;
  private final @Nullable String filename;

  private MediaFile(byte @Nullable [] bytes, @Nullable Path path, long size, String contentType, MediaKind kind,
      @Nullable String filename) {
    this.bytes = bytes;
    this.path = path;
    this.size = size;
    this.contentType = contentType;
    this.kind = kind;
    this.filename = filename;
  }

  /**
   * Bytes in memory (copied).
   *
   * @param bytes the content
   * @param contentType its type, for example {@code image/png}
   * @param filename the file name, or null
   * @return the file
   * @throws MediaTypeMismatchException if the type is not a header type or the bytes are not of it
   * @throws MediaTooLargeException if too large for the kind
   */
  public static MediaFile of(byte[] bytes, String contentType, @Nullable String filename) {
    Objects.requireNonNull(bytes, "bytes");
    MediaKind kind = kindOf(contentType);
    check(kind, bytes.length);
    byte[] copy = bytes.clone();
    sniff(contentType, Arrays.copyOf(copy, Math.min(copy.length, SNIFF)));
    return new MediaFile(copy, null, copy.length, mime(contentType), kind, filename);
  }

  /**
   * A file on disk; its name is the file name.
   *
   * @param file the file
   * @param contentType its type, for example {@code application/pdf}
   * @return the file
   * @throws MediaTypeMismatchException if the type is not a header type or the bytes are not of it
   * @throws MediaTooLargeException if too large for the kind
   * @throws UncheckedIOException if it cannot be read
   */
  public static MediaFile of(Path file, String contentType) {
    Objects.requireNonNull(file, "file");
    MediaKind kind = kindOf(contentType);
    try {
      long size = Files.size(file);
      check(kind, size);
      byte[] head = new byte[(int) Math.min(size, SNIFF)];
      try (InputStream in = Files.newInputStream(file)) {
        int n = in.readNBytes(head, 0, head.length);
        head = Arrays.copyOf(head, n);
      }
      sniff(contentType, head);
      Path name = file.getFileName();
      return new MediaFile(null, file, size, mime(contentType), kind, name == null ? null : name.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the media file", e);
    }
  }

  /**
   * A stream, read now up to the kind's limit (one byte more fails); the stream is not closed.
   *
   * @param in the stream
   * @param contentType its type
   * @param filename the file name, or null
   * @return the file
   * @throws MediaTypeMismatchException if the type is not a header type or the bytes are not of it
   * @throws MediaTooLargeException if the stream holds more than the kind's limit
   * @throws UncheckedIOException if it cannot be read
   */
  public static MediaFile of(InputStream in, String contentType, @Nullable String filename) {
    Objects.requireNonNull(in, "in");
    MediaKind kind = kindOf(contentType);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > kind.maxBytes()) {
          throw new MediaTooLargeException(kind, total);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the media stream", e);
    }
    return of(out.toByteArray(), contentType, filename);
  }

  private static String mime(String contentType) {
    return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  private static MediaKind kindOf(String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    MediaKind kind = MediaKind.ofContentType(contentType);
    if (kind == null) {
      throw new MediaTypeMismatchException("contentType", "must be a template header type",
          "a template header takes image/jpeg, image/png, video/mp4, video/3gpp or application/pdf; '"
              + mime(contentType) + "' is none of them");
    }
    return kind;
  }

  private static void check(MediaKind kind, long size) {
    if (size == 0) {
      throw new MediaTypeMismatchException("bytes", "must not be empty", "the media file is empty");
    }
    if (size > kind.maxBytes()) {
      throw new MediaTooLargeException(kind, size);
    }
  }

  /** Checks the first bytes against the declared type. */
  private static void sniff(String contentType, byte[] head) {
    String mime = mime(contentType);
    boolean ok = switch (mime) {
      case "image/jpeg" -> head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8
          && (head[2] & 0xff) == 0xFF;
      case "image/png" -> startsWith(head, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      case "video/mp4" -> startsWith(head, 4, new byte[] {'f', 't', 'y', 'p'});
      case "video/3gpp" -> startsWith(head, 4, new byte[] {'f', 't', 'y', 'p', '3', 'g'});
      case "application/pdf" -> indexOf(head, new byte[] {'%', 'P', 'D', 'F', '-'}) >= 0;
      default -> false;
    };
    if (!ok) {
      throw new MediaTypeMismatchException("bytes", "must be a " + mime + " file",
          "the file was declared " + mime + " but its bytes are not a " + mime + " file");
    }
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (data.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (startsWith(data, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The size in bytes.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * The content type, lower case without parameters.
   *
   * @return for example {@code image/png}
   */
  public String contentType() {
    return contentType;
  }

  /**
   * The kind of header it fits.
   *
   * @return the kind
   */
  public MediaKind kind() {
    return kind;
  }

  /**
   * The file name.
   *
   * @return the name, or null
   */
  public @Nullable String filename() {
    return filename;
  }

  /**
   * Opens the content for reading; the caller closes it.
   *
   * @return a stream of the bytes
   * @throws IOException if a file on disk cannot be read
   */
  public InputStream openStream() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(Objects.requireNonNull(path));
  }

  /**
   * All the bytes (a copy; a file on disk is read).
   *
   * @return the bytes
   * @throws IOException if a file on disk cannot be read
   */
  public byte[] readAllBytes() throws IOException {
    return bytes != null ? bytes.clone() : Files.readAllBytes(Objects.requireNonNull(path));
  }

  /** Type and size; never the name (it may be personal) or the content. */
  @Override
  public String toString() {
    return "MediaFile{" + contentType + ", " + size + " bytes}";
  }
}
