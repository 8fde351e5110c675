package dev.blipsdk.whatsapp;

import dev.blipsdk.core.exception.BlipValidationException;

/**
 * A media file does not fit where it is going, refused before anything was uploaded: its declared content
 * type is not one a template header takes ({@link #field()} {@code contentType}), its kind is not the
 * template header's ({@code header}: a PDF for a document header, and so on), or its bytes are not of the
 * declared type ({@code bytes}: a PNG declared as {@code application/pdf}). Not retryable.
 */
public final class MediaTypeMismatchException extends BlipValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field {@code contentType}, {@code header} or {@code bytes}
   * @param rule the rule broken
   * @param message the full explanation
   */
  public MediaTypeMismatchException(String field, String rule, String message) {
    super(field, rule, message);
  }
}
