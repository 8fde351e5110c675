package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;

/**
 * A media file is larger than WhatsApp accepts for its kind ({@link MediaKind#maxBytes()}); refused before
 * anything was uploaded. {@link #field()} is {@code size}. Not retryable.
 */
public final class MediaTooLargeException extends BlipValidationException {
  private static final long serialVersionUID = 1L;
  private final transient MediaKind kind;
  private final long size;

  /**
   * Creates the exception.
   *
   * @param kind the kind
   * @param size the file's size in bytes (or at least this many, for a stream read up to the limit)
   */
  public MediaTooLargeException(MediaKind kind, long size) {
    super("size", "at most " + kind.maxBytes() + " bytes for " + kind.wireValue(), "a " + kind.wireValue()
        + " for WhatsApp has at most " + kind.maxBytes() + " bytes (" + kind.maxBytes() / (1024 * 1024)
        + " MiB); this one has " + size + (size > kind.maxBytes() ? "" : " or more"));
    this.kind = kind;
    this.size = size;
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public MediaKind kind() {
    return kind;
  }

  /**
   * The size found.
   *
   * @return bytes
   */
  public long size() {
    return size;
  }
}
