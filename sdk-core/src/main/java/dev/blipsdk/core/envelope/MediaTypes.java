package dev.blipsdk.core.envelope;

/** MIME types of the documents Blip's API uses most. */
public final class MediaTypes {
  /** Plain text ({@code text/plain}): message text, context values. */
  public static final String TEXT_PLAIN = "text/plain";
  /** Generic JSON ({@code application/json}): WhatsApp template messages, configuration. */
  public static final String APPLICATION_JSON = "application/json";
  /** A LIME document collection. */
  public static final String COLLECTION = "application/vnd.lime.collection+json";
  /** A contact. */
  public static final String CONTACT = "application/vnd.lime.contact+json";
  /** An account (the WhatsApp accounts lookup). */
  public static final String ACCOUNT = "application/vnd.lime.account+json";
  /** A notification (as listed by {@code /notifications}). */
  public static final String NOTIFICATION = "application/vnd.lime.notification+json";
  /** A redirect (for example the end of a Desk attendance). */
  public static final String REDIRECT = "application/vnd.lime.redirect+json";
  /** A link to media (image, audio, video, document): {@code uri}, {@code type}, {@code title}... */
  public static final String MEDIA_LINK = "application/vnd.lime.media-link+json";
  /** A location: {@code latitude}, {@code longitude}, {@code text}. */
  public static final String LOCATION = "application/vnd.lime.location+json";
  /** A reply to an earlier message: {@code replied} and {@code inReplyTo}. */
  public static final String REPLY = "application/vnd.lime.reply+json";
  /** A Desk ticket. */
  public static final String TICKET = "application/vnd.iris.ticket+json";

  private MediaTypes() {}
}
