package dev.blipsdk.whatsapp;

import java.util.Locale;
import java.util.Set;

/** The kind of media a template header carries, with the file types WhatsApp accepts for it. */
public enum MediaKind {
  /** JPEG or PNG, at most 5 MB. */
  IMAGE(Set.of("jpg", "jpeg", "png"), Set.of("image/jpeg", "image/png"), 5L * 1024 * 1024),
  /** MP4 or 3GPP (H.264 and AAC), at most 16 MB. */
  VIDEO(Set.of("mp4", "3gp", "3gpp"), Set.of("video/mp4", "video/3gpp"), 16L * 1024 * 1024),
  /** PDF (the only document type a template header accepts), at most 100 MB. */
  DOCUMENT(Set.of("pdf"), Set.of("application/pdf"), 100L * 1024 * 1024);

  private final Set<String> extensions;
  private final Set<String> contentTypes;
  private final long maxBytes;
  private final String wireValue = name().toLowerCase(Locale.ROOT);

  MediaKind(Set<String> extensions, Set<String> contentTypes, long maxBytes) {
    this.extensions = extensions;
    this.contentTypes = contentTypes;
    this.maxBytes = maxBytes;
  }

  /**
   * The largest file WhatsApp accepts for this kind, in bytes (5, 16 and 100 MiB).
   *
   * @return the limit
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The kind of a content type, without regard to case and parameters.
   *
   * @param contentType for example {@code image/jpeg} or {@code application/pdf; charset=binary}
   * @return the kind, or null when no template header takes that type
   */
  public static @org.jspecify.annotations.Nullable MediaKind ofContentType(String contentType) {
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (MediaKind k : values()) {
      if (k.contentTypes.contains(mime)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The file extensions of this kind, lower case, without the dot.
   *
   * @return the extensions
   */
  public Set<String> extensions() {
    return extensions;
  }

  /**
   * The content types (MIME types) of this kind.
   *
   * @return the content types
   */
  public Set<String> contentTypes() {
    return contentTypes;
  }

  /**
   * The wire name of the header parameter type.
   *
   * @return {@code image}, {@code video} or {@code document}
   */
  public String wireValue() {
    return wireValue;
  }
}
