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

  /** An individual campaign: {@code set /campaign/full}. */
  public static final Operation CAMPAIGN_SEND = Operation.of("whatsapp.campaigns.send", "/campaign/full");
  /** A batch campaign's creation: {@code set /campaign/v2} (digits are not allowed in a template). */
  public static final Operation CAMPAIGN_CREATE = Operation.of("whatsapp.campaigns.create");
  /** One batch of a campaign's audience: {@code set /audiences/v2/{id}}. */
  public static final Operation CAMPAIGN_UPLOAD = Operation.of("whatsapp.campaigns.audience.upload");
  /** A campaign's dispatch: {@code set /dispatch/v2}. */
  public static final Operation CAMPAIGN_DISPATCH = Operation.of("whatsapp.campaigns.dispatch");
  /** One campaign. */
  public static final Operation CAMPAIGN_GET = Operation.of("whatsapp.campaigns.get", "/campaigns/{id}");
  /** A page of campaigns. */
  public static final Operation CAMPAIGN_LIST = Operation.of("whatsapp.campaigns.list", "/campaigns");
  /** A page of campaign summaries. */
  public static final Operation CAMPAIGN_SUMMARIES = Operation.of("whatsapp.campaigns.summaries",
      "/campaigns/summaries");
  /** One campaign's summary. */
  public static final Operation CAMPAIGN_SUMMARY = Operation.of("whatsapp.campaigns.summary",
      "/campaigns/{id}/summaries");
  /** One campaign's report. */
  public static final Operation CAMPAIGN_REPORT = Operation.of("whatsapp.campaigns.report", "/campaigns/{id}/reports");
  /** A page of a campaign's audience. */
  public static final Operation CAMPAIGN_AUDIENCE = Operation.of("whatsapp.campaigns.audience", "/audiences/{id}");
  /** A campaign's cancel: {@code delete /campaigns/{id}}. */
  public static final Operation CAMPAIGN_CANCEL = Operation.of("whatsapp.campaigns.cancel", "/campaigns/{id}");
  /** A campaign's new schedule. */
  public static final Operation CAMPAIGN_RESCHEDULE = Operation.of("whatsapp.campaigns.reschedule",
      "/campaigns/{id}/schedule");
  /** The media upload URL ({@code postmaster@media.msging.net}). */
  public static final Operation MEDIA_UPLOAD_URI = Operation.of("whatsapp.media.upload_uri", "/upload-media-uri");
  /** A media URL's refresh. */
  public static final Operation MEDIA_REFRESH = Operation.of("whatsapp.media.refresh", "/refresh-media-uri");

  /** Options naming {@link #RESOLVE}. */
  public static final RequestOptions RESOLVE_OPTIONS = RequestOptions.builder().operation(RESOLVE).build();
  /** Options naming {@link #TEMPLATES_LIST}. */
  public static final RequestOptions TEMPLATES_LIST_OPTIONS = RequestOptions.builder().operation(TEMPLATES_LIST)
      .build();
  /** Options naming {@link #STATUS_POLL}. */
  public static final RequestOptions STATUS_POLL_OPTIONS = RequestOptions.builder().operation(STATUS_POLL).build();

  private WhatsAppOperations() {}
}
