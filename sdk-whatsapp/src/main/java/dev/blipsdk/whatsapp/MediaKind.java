package dev.blipsdk.whatsapp;

import java.util.Locale;
import java.util.Set;

/** The kind of media a template header carries, with the file types WhatsApp accepts for it. */
public enum MediaKind {
  /** JPEG or PNG, at most 5 MB. */
  IMAGE(Set.of("jpg", "jpeg", "png"), Set.of("image/jpeg", "image/png")),
  /** MP4 or 3GPP (H.264 and AAC), at most 16 MB. */
  VIDEO(Set.of("mp4", "3gp", "3gpp"), Set.of("video/mp4", "video/3gpp")),
  /** PDF (the only document type a template header accepts), at most 100 MB. */
  DOCUMENT(Set.of("pdf"), Set.of("application/pdf"));

  private final Set<String> extensions;
  private final Set<String> contentTypes;

  MediaKind(Set<String> extensions, Set<String> contentTypes) {
    this.extensions = extensions;
    this.contentTypes = contentTypes;
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
    return name().toLowerCase(Locale.ROOT);
  }
}
