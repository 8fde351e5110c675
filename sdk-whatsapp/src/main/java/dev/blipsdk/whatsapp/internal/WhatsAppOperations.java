package dev.blipsdk.whatsapp.internal;

import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.observation.Operation;

/**
 * Every operation the WhatsApp module names, for the client's
 * {@link dev.blipsdk.core.observation.OperationListener}: a closed set, so metric tags stay bounded.
 */
public final class WhatsAppOperations {
  /** A template message send (single or from a bulk run): {@code POST /messages}. */
  public static final Operation SEND = Operation.of("whatsapp.send");
  /** A phone number's WhatsApp account lookup. */
  public static final Operation RESOLVE = Operation.of("whatsapp.resolve", "lime://wa.gw.msging.net/accounts/{phone}");
  /** The template catalog. */
  public static final Operation TEMPLATES_LIST = Operation.of("whatsapp.templates.list", "/message-templates");
  /** A message's notifications, read by the status tracker's poll. */
  public static final Operation STATUS_POLL = Operation.of("whatsapp.status.poll", "/notifications");

  /** Options naming {@link #RESOLVE}. */
  public static final RequestOptions RESOLVE_OPTIONS = RequestOptions.builder().operation(RESOLVE).build();
  /** Options naming {@link #TEMPLATES_LIST}. */
  public static final RequestOptions TEMPLATES_LIST_OPTIONS = RequestOptions.builder().operation(TEMPLATES_LIST)
      .build();
  /** Options naming {@link #STATUS_POLL}. */
  public static final RequestOptions STATUS_POLL_OPTIONS = RequestOptions.builder().operation(STATUS_POLL).build();

  private WhatsAppOperations() {}
}
