package dev.blipsdk.core.observation;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The name of one kind of call ({@code whatsapp.send}, {@code desk.tickets.list}) and, for a command, its uri
 * template ({@code /contacts/{identity}}): what an {@link OperationListener} tags metrics and names spans with.
 *
 * <p>Make operations once, as constants, and pass them with
 * {@link dev.blipsdk.core.RequestOptions.Builder#operation(Operation)}; the SDK's own modules name every call
 * they make. A call with no operation is named by the client: {@link #MESSAGE_SEND},
 * {@link #NOTIFICATION_SEND}, or {@link #command(String)} for a command.
 *
 * <p>The factory methods reject anything that could carry personal data or make tag values unbounded: a name is
 * lower-case dot-separated words; a template is a path of literal segments (letters, {@code - _ . :}) and
 * {@code {placeholder}}s,
 * optionally after {@code lime://host}, with no digits outside placeholders, no query, no {@code @}, {@code %} or
 * {@code +}.
 *
 * <p>Immutable and thread-safe; equal when name and template are equal.
 */
public final class Operation {
  /** A message sent with {@link dev.blipsdk.core.BlipClient#sendMessage} and no operation of its own. */
  public static final Operation MESSAGE_SEND = new Operation("blip.messages.send", null);
  /** A notification sent with {@link dev.blipsdk.core.BlipClient#sendNotification} and no operation of its own. */
  public static final Operation NOTIFICATION_SEND = new Operation("blip.notifications.send", null);
  /** {@link dev.blipsdk.core.BlipClient#ping()}: {@code get /ping}. */
  public static final Operation PING = new Operation("blip.ping", "/ping");

  /** The name of a command that was given no operation; see {@link #command(String)}. */
  public static final String COMMAND_NAME = "blip.commands.execute";

  /**
   * First path segments of Blip's documented resources: an unnamed command's template keeps its first segment
   * only when it is one of these, so a user's uri can never add a tag value.
   */
  private static final Set<String> KNOWN_RESOURCES = Set.of("accounts", "agents", "analytics",
      "attendance-queues", "attendants", "audiences", "buckets", "campaigns", "contacts", "contexts",
      "delegations", "event-track", "lists", "message-templates", "messages", "monitoring", "notifications",
      "ping", "replies", "resources", "rules", "schedules", "teams", "threads", "threads-merged", "ticket",
      "tickets", "whatsapp-business-account", "business-hours", "configurations", "profile", "account");

  private static final int MAX_NAME = 64;
  private static final int MAX_TEMPLATE = 128;

  private final String name;
  private final @Nullable String uriTemplate;

  private Operation(String name, @Nullable String uriTemplate) {
    this.name = name;
    this.uriTemplate = uriTemplate;
  }

  /**
   * An operation that is not a command (a message or notification send).
   *
   * @param name lower-case words separated by dots, for example {@code myapp.reminders.send}; at most 64
   *     characters
   * @return the operation
   * @throws IllegalArgumentException naming the rule the name breaks
   */
  public static Operation of(String name) {
    return new Operation(checkName(name), null);
  }

  /**
   * A command operation with its uri template.
   *
   * @param name lower-case words separated by dots, for example {@code myapp.orders.get}
   * @param uriTemplate the command uri with every variable part as a placeholder and no query, for example
   *     {@code /contacts/{identity}} or {@code lime://wa.gw.msging.net/accounts/{phone}}; at most 128 characters
   * @return the operation
   * @throws IllegalArgumentException naming the rule the name or template breaks
   */
  public static Operation of(String name, String uriTemplate) {
    return new Operation(checkName(name), checkTemplate(uriTemplate));
  }

  /**
   * The operation of a command that was given none: named {@value #COMMAND_NAME}, with a template made of the
   * uri's first path segment when it is a documented Blip resource ({@code /contacts/{path}} for
   * {@code /contacts/5531...@wa.gw.msging.net}) and {@code /{path}} otherwise. Nothing of the uri but a
   * known resource name is kept.
   *
   * @param uri the command uri
   * @return the operation
   */
  public static Operation command(String uri) {
    Objects.requireNonNull(uri, "uri");
    int start = 0;
    if (uri.startsWith("lime://")) {
      int slash = uri.indexOf('/', 7);
      start = slash < 0 ? uri.length() : slash;
    }
    if (start < uri.length() && uri.charAt(start) == '/') {
      start++;
    }
    int end = start;
    while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
      end++;
    }
    String first = uri.substring(start, end).toLowerCase(Locale.ROOT);
    if (!KNOWN_RESOURCES.contains(first)) {
      return UNKNOWN_COMMAND;
    }
    boolean more = end < uri.length() && uri.charAt(end) == '/' && end + 1 < uri.length();
    return new Operation(COMMAND_NAME, "/" + first + (more ? "/{path}" : ""));
  }

  private static final Operation UNKNOWN_COMMAND = new Operation(COMMAND_NAME, "/{path}");

  /**
   * The name, for example {@code whatsapp.send}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The command uri template, for example {@code /contacts/{identity}}.
   *
   * @return the template, or {@code null} for an operation that is not a command
   */
  public @Nullable String uriTemplate() {
    return uriTemplate;
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("operation name must be 1 to " + MAX_NAME + " characters, was "
          + name.length());
    }
    boolean wordStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (wordStart) {
          throw new IllegalArgumentException("operation name must be lower-case words separated by single dots"
              + " (like whatsapp.send), was '" + name + "'");
        }
        wordStart = true;
        continue;
      }
      boolean letter = c >= 'a' && c <= 'z';
      boolean other = c == '_' || c == '-' || (c >= '0' && c <= '9');
      if (!letter && !(other && !wordStart)) {
        throw new IllegalArgumentException("operation name must be lower-case words separated by single dots,"
            + " each starting with a letter (like whatsapp.send), was '" + name + "'");
      }
      wordStart = false;
    }
    if (wordStart) {
      throw new IllegalArgumentException("operation name must not end with a dot, was '" + name + "'");
    }
    return name;
  }

  private static String checkTemplate(String template) {
    Objects.requireNonNull(template, "uriTemplate");
    if (template.isEmpty() || template.length() > MAX_TEMPLATE) {
      throw new IllegalArgumentException("uriTemplate must be 1 to " + MAX_TEMPLATE + " characters");
    }
    int i = 0;
    if (template.startsWith("lime://")) {
      i = 7;
      int host = i;
      while (i < template.length() && template.charAt(i) != '/') {
        char c = template.charAt(i);
        if (!((c >= 'a' && c <= 'z') || c == '.' || c == '-')) {
          throw new IllegalArgumentException("uriTemplate host must be lower-case letters, '.' and '-' (a"
              + " service domain such as wa.gw.msging.net, never an identity), was '" + template + "'");
        }
        i++;
      }
      if (i == host) {
        throw new IllegalArgumentException("uriTemplate lime:// needs a host, was '" + template + "'");
      }
    }
    if (i >= template.length() || template.charAt(i) != '/') {
      throw new IllegalArgumentException("uriTemplate must be a path starting with '/' (or lime://host/...),"
          + " was '" + template + "'");
    }
    boolean inPlaceholder = false;
    for (; i < template.length(); i++) {
      char c = template.charAt(i);
      if (inPlaceholder) {
        if (c == '}') {
          if (template.charAt(i - 1) == '{') {
            throw new IllegalArgumentException("uriTemplate has an empty placeholder: '" + template + "'");
          }
          inPlaceholder = false;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
          throw new IllegalArgumentException("uriTemplate placeholder names are letters, digits and '_', was '"
              + template + "'");
        }
        continue;
      }
      if (c == '{') {
        inPlaceholder = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '-' || c == '_' || c == '.'
          || c == ':')) {
        throw new IllegalArgumentException("uriTemplate may hold only letters, '/', '-', '_', '.',"
            + " ':' and {placeholders} (no digits, '@', '%', '+' or query: put every variable part in a"
            + " placeholder), was '" + template + "'");
      }
    }
    if (inPlaceholder) {
      throw new IllegalArgumentException("uriTemplate has an unclosed placeholder: '" + template + "'");
    }
    return template;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Operation other && name.equals(other.name)
        && Objects.equals(uriTemplate, other.uriTemplate);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Objects.hashCode(uriTemplate);
  }

  @Override
  public String toString() {
    return uriTemplate == null ? name : name + " " + uriTemplate;
  }
}
