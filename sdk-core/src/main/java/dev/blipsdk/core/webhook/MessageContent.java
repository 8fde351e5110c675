package dev.blipsdk.core.webhook;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.internal.Redaction;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The content of an {@link InboundMessage}, typed where the SDK knows the type and always with the raw
 * JSON in {@link #raw()}. Reading is tolerant: content that does not have the expected shape becomes
 * {@link Other} rather than an error.
 *
 * <p>Every variant is immutable; {@code toString()} never prints text, links or coordinates.
 */
public sealed interface MessageContent
    permits MessageContent.Text, MessageContent.Media, MessageContent.Location, MessageContent.Reply,
        MessageContent.Other {

  /**
   * The content JSON as received.
   *
   * @return the content
   */
  JsonDocument raw();

  /**
   * Text ({@code text/plain}).
   *
   * @param text the text
   * @param raw the content as received (a JSON string)
   */
  record Text(String text, JsonDocument raw) implements MessageContent {
    /** Checks that nothing is missing. */
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
      return "Text[" + text.length() + " chars]";
    }
  }

  /**
   * A media link ({@code application/vnd.lime.media-link+json}): an image, audio, video or document.
   *
   * @param uri where to download it
   * @param mediaType its MIME type, for example {@code image/jpeg}, or {@code null}
   * @param title its title or file name, or {@code null}
   * @param text a caption, or {@code null}
   * @param size its size in bytes, or {@code null}
   * @param raw the content as received
   */
  record Media(String uri, @Nullable String mediaType, @Nullable String title, @Nullable String text,
      @Nullable Long size, JsonDocument raw) implements MessageContent {
    /** Checks that nothing is missing. */
    public Media {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
      return "Media{mediaType=" + mediaType + ", size=" + size + "}";
    }
  }

  /**
   * A location ({@code application/vnd.lime.location+json}).
   *
   * @param latitude the latitude in degrees
   * @param longitude the longitude in degrees
   * @param text a label, or {@code null}
   * @param raw the content as received
   */
  record Location(double latitude, double longitude, @Nullable String text, JsonDocument raw)
      implements MessageContent {
    /** Checks that nothing is missing. */
    public Location {
      Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
      return "Location[masked]";
    }
  }

  /**
   * A reply to something the bot sent: a quick-reply or template button, an interactive button or list
   * choice, or a LIME reply ({@code application/vnd.lime.reply+json}). WhatsApp's interactive and button
   * replies that Blip passes through as {@code application/json} are recognised from their
   * {@code interactive.button_reply}, {@code interactive.list_reply} or {@code button} members.
   *
   * @param text what the customer saw and chose (the button title or reply text), or {@code null}
   * @param payload the id or payload the bot attached to the choice, or {@code null}
   * @param inReplyToId the id of the message replied to, or {@code null}
   * @param raw the content as received
   */
  record Reply(@Nullable String text, @Nullable String payload, @Nullable String inReplyToId, JsonDocument raw)
      implements MessageContent {
    /** Checks that nothing is missing. */
    public Reply {
      Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
      return "Reply{payload=" + (payload == null ? null : Redaction.digits(payload)) + ", inReplyToId="
          + inReplyToId + "}";
    }
  }

  /**
   * Any other content: read it from {@link #raw()} (for example with {@link JsonDocument#decode(Class)}).
   *
   * @param raw the content as received
   */
  record Other(JsonDocument raw) implements MessageContent {
    /** Checks that nothing is missing. */
    public Other {
      Objects.requireNonNull(raw, "raw");
    }
  }
}
