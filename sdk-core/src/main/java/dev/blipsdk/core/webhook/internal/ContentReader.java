package dev.blipsdk.core.webhook.internal;

import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.MediaTypes;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.webhook.MessageContent;
import dev.blipsdk.core.webhook.TicketSnapshot;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads message contents and tickets tolerantly: a shape it does not expect is not an error. */
public final class ContentReader {
  private ContentReader() {}

  /**
   * The MIME type without parameters, lower-cased.
   *
   * @param type the type as on the wire
   * @return the base type
   */
  public static String baseType(String type) {
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the content of a message of this type is worth parsing into a tree.
   *
   * @param baseType the base type
   * @return true for the types {@link #content} and {@link #ticket} read
   */
  public static boolean readsTree(String baseType) {
    return switch (baseType) {
      case MediaTypes.TEXT_PLAIN, MediaTypes.MEDIA_LINK, MediaTypes.LOCATION, MediaTypes.REPLY,
          MediaTypes.APPLICATION_JSON, MediaTypes.REDIRECT, MediaTypes.TICKET -> true;
      default -> false;
    };
  }

  /**
   * The content of a redirect message ({@code application/vnd.lime.redirect+json}), as far as the ticket
   * event needs it.
   *
   * @param context the redirect's context, or null
   */
  public record Redirect(@Nullable Context context) {}

  /**
   * A redirect's context: a typed document.
   *
   * @param type the MIME type of the value, or null
   * @param value the value as it came
   */
  public record Context(@Nullable String type, JsonDocument value) {}

  /**
   * Finds the ticket in a redirect's {@code context} or in a ticket document, and decodes it with the SDK's
   * one reader (as {@code JsonDocument.decode} does).
   *
   * @param baseType the message's base type
   * @param content the content as received
   * @return the ticket, or {@code null} when the content carries none (or not in a shape that reads)
   */
  public static @Nullable TicketSnapshot ticket(String baseType, JsonDocument content) {
    try {
      JsonDocument ticket = null;
      if (baseType.equals(MediaTypes.REDIRECT) && content.isObject()) {
        Context context = content.decode(Redirect.class).context();
        if (context != null && context.type() != null && baseType(context.type()).equals(MediaTypes.TICKET)
            && context.value().isObject()) {
          ticket = context.value();
        }
      } else if (baseType.equals(MediaTypes.TICKET) && content.isObject()) {
        ticket = content;
      }
      return ticket == null ? null : ticket.decode(TicketSnapshot.class);
    } catch (BlipProtocolException e) {
      return null;
    }
  }

  /**
   * Types a message's content.
   *
   * @param baseType the message's base type
   * @param raw the content as received
   * @param tree the content tree, when {@link #readsTree} said so
   * @return the content; {@link MessageContent.Other} when the shape is not the expected one
   */
  public static MessageContent content(String baseType, JsonDocument raw, @Nullable Object tree) {
    MessageContent typed = switch (baseType) {
      case MediaTypes.TEXT_PLAIN -> tree instanceof String s ? new MessageContent.Text(s, raw) : null;
      case MediaTypes.MEDIA_LINK -> media(tree, raw);
      case MediaTypes.LOCATION -> location(tree, raw);
      case MediaTypes.REPLY -> limeReply(tree, raw);
      case MediaTypes.APPLICATION_JSON -> whatsAppReply(tree, raw);
      default -> null;
    };
    return typed == null ? new MessageContent.Other(raw) : typed;
  }

  private static MessageContent.@Nullable Media media(@Nullable Object tree, JsonDocument raw) {
    if (tree instanceof Map<?, ?> m && get(m, "uri") instanceof String uri && !uri.isBlank()) {
      return new MessageContent.Media(uri, string(get(m, "type")), string(get(m, "title")),
          string(get(m, "text")), whole(get(m, "size")), raw);
    }
    return null;
  }

  private static MessageContent.@Nullable Location location(@Nullable Object tree, JsonDocument raw) {
    if (tree instanceof Map<?, ?> m) {
      Double lat = number(get(m, "latitude"));
      Double lon = number(get(m, "longitude"));
      if (lat != null && lon != null) {
        return new MessageContent.Location(lat, lon, string(get(m, "text")), raw);
      }
    }
    return null;
  }

  private static MessageContent.@Nullable Reply limeReply(@Nullable Object tree, JsonDocument raw) {
    if (!(tree instanceof Map<?, ?> m)) {
      return null;
    }
    String text = null;
    String payload = null;
    if (get(m, "replied") instanceof Map<?, ?> replied) {
      Object value = get(replied, "value");
      if (value instanceof Map<?, ?> v) {
        text = string(get(v, "text"));
        payload = firstString(v, "value", "payload", "id");
      } else {
        text = string(value);
      }
    }
    String inReplyTo = get(m, "inReplyTo") instanceof Map<?, ?> r ? string(get(r, "id")) : null;
    return new MessageContent.Reply(text, payload, inReplyTo, raw);
  }

  private static MessageContent.@Nullable Reply whatsAppReply(@Nullable Object tree, JsonDocument raw) {
    if (!(tree instanceof Map<?, ?> m)) {
      return null;
    }
    String inReplyTo = get(m, "context") instanceof Map<?, ?> c ? string(get(c, "id")) : null;
    if (get(m, "interactive") instanceof Map<?, ?> interactive) {
      Object kind = get(interactive, "type");
      Map<?, ?> choice = null;
      if (kind instanceof String k && get(interactive, k) instanceof Map<?, ?> c) {
        choice = c;
      } else if (get(interactive, "button_reply") instanceof Map<?, ?> c) {
        choice = c;
      } else if (get(interactive, "list_reply") instanceof Map<?, ?> c) {
        choice = c;
      }
      if (choice != null) {
        return new MessageContent.Reply(firstString(choice, "title", "body"),
            firstString(choice, "id", "payload", "response_json"), inReplyTo, raw);
      }
    }
    if (get(m, "button") instanceof Map<?, ?> button) {
      return new MessageContent.Reply(string(get(button, "text")), string(get(button, "payload")), inReplyTo,
          raw);
    }
    return null;
  }

  private static @Nullable Object get(Map<?, ?> map, String name) {
    Object v = map.get(name);
    if (v != null) {
      return v;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() instanceof String k && k.equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static @Nullable String firstString(Map<?, ?> map, String... names) {
    for (String n : names) {
      String s = string(get(map, n));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static @Nullable String string(@Nullable Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return null;
  }

  private static @Nullable Double number(@Nullable Object v) {
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(d) ? d : null;
  }

  private static @Nullable Long whole(@Nullable Object v) {
    Double d = number(v);
    if (d == null || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
      return null;
    }
    return d.longValue();
  }
}
