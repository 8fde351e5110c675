package dev.blipsdk.whatsapp;

/** How a media header URL is checked to be of the kind the header needs. */
public enum MediaCheck {
  /**
   * By the URL path's file extension ({@code .jpg/.jpeg/.png}, {@code .mp4/.3gp}, {@code .pdf}); a URL
   * without a known extension is refused. No network access. The default.
   */
  EXTENSION,
  /**
   * By the {@code Content-Type} answered to a {@code HEAD} request on the URL, made through the Blip
   * client's OkHttp client before sending (see {@link WhatsAppClient#checkMediaAsync(TemplateMessage)}).
   * A URL without an extension is accepted if its content type is right; a known extension of another
   * kind is still refused without a request.
   */
  CONTENT_TYPE
}
