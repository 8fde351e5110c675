package dev.blipsdk.whatsapp;

import dev.blipsdk.whatsapp.internal.Chain;
import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.Page;
import dev.blipsdk.core.PagedIterable;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.DocumentCollection;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.observation.Operation;
import dev.blipsdk.whatsapp.TemplateMessage.HeaderValue;
import dev.blipsdk.whatsapp.internal.CampaignPacer;
import dev.blipsdk.whatsapp.internal.LongHashSet;
import dev.blipsdk.whatsapp.internal.Placeholders;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blip's Active Campaign engine ({@code postmaster@activecampaign.msging.net}, API doc §3.5, §3.6): hand it a
 * template and an audience of any size, and it sends, holds the schedule, routes the replies and keeps the reports,
 * while your process goes back to sleep. Get it from {@link WhatsAppClient#campaigns()}.
 *
 * <pre>{@code
 * Campaigns campaigns = whatsApp.campaigns();
 * CampaignLaunch launch = campaigns.launch(
 *     CampaignRequest.of("reminders-2026-05-01", TemplateMessage.of("appointment_reminder", "pt_BR"))
 *         .scheduledAt(ZonedDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneId.of("America/Sao_Paulo")))
 *         .routing(ReplyRouting.toBlock(flowId, stateId).viaRouter("router@msging.net")),
 *     crm.patientsWithAppointmentsOn(date).map(p -> CampaignRecipient.of(p.phone(), p.firstName(), p.time())),
 *     rejection -> log.warn("left out: {}", rejection));
 * // later, from anywhere:
 * CampaignCounts counts = campaigns.counts(launch);
 * }</pre>
 *
 * <p><b>How a launch goes.</b> The request is validated first (template known and approved, header, schedule in the
 * future, pace): a {@link BlipValidationException} then, and nothing is sent. The audience is read lazily, each
 * recipient checked (phone number, duplicate, its variables against the template with {@link TemplateMessage}'s
 * rules) and a bad one reported with its position and rule while the rest go on. Good ones are uploaded in batches
 * of {@link CampaignRequest#batchSize()} ({@code set /campaign/v2}, then {@code set /audiences/v2/{id}} per batch);
 * only when the whole audience is up is each campaign dispatched ({@code set /dispatch/v2}), so a failure part way
 * leaves nothing sent: the launch cancels what it created and throws a {@link CampaignLaunchException}. At most one
 * batch of recipients is in memory, plus 8 to 16 bytes per uploaded number to refuse duplicates.
 *
 * <p><b>Idempotent uploads.</b> A batch upload is marked idempotent, so the client's {@code RetryPolicy} repeats it
 * on a timeout or 5xx; the launch never puts one number in two batches, so a repeated batch cannot duplicate
 * anyone, provided Blip keeps one entry per recipient (an assumption: the audience upload's semantics are
 * UNCONFIRMED, API doc §3.6).
 *
 * <p><b>Parameters.</b> The campaign API numbers a template's variables {@code "1"}, {@code "2"}...: a header
 * variable (media URL or header text) takes {@code "1"} and moves every body variable up by one (API doc §3.2); the
 * SDK builds that numbering from the {@link TemplateMessage}. Named variables and button variables have no form in
 * the campaign API and are refused (rule {@code campaign-unsupported}); a document header's file name cannot be
 * sent. Media URLs are checked by extension only ({@link MediaCheck#CONTENT_TYPE} is not run per recipient).
 *
 * <p><b>UNCONFIRMED wire details</b> (API doc §3.6, wave2-api-shapes §1): the bodies of {@code /campaign/v2} and
 * {@code /audiences/v2/{id}}, the campaign statuses after {@code processing}, the per-recipient message id and reply
 * fields, cancelling with {@code delete /campaigns/{id}}, paging of {@code /audiences/{id}}, and the reason codes of
 * failures. Answers are read tolerantly; see each type.
 *
 * <p><b>Thread safety:</b> immutable and thread-safe; calls block the caller's thread. A launch runs on the caller's
 * thread and reads the audience from it.
 */
public final class Campaigns {
  private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
  static final String POSTMASTER = "postmaster@activecampaign.msging.net";
  static final String CAMPAIGN_TYPE = "application/vnd.iris.activecampaign.campaign+json";
  static final String FULL_CAMPAIGN_TYPE = "application/vnd.iris.activecampaign.full-campaign+json";
  static final String AUDIENCE_TYPE = "application/vnd.iris.activecampaign.audience+json";
  static final String COLLECTION_TYPE = "application/vnd.lime.collection+json";
  /** Recipients per page when reading a campaign's audience. */
  static final int AUDIENCE_PAGE = 500;
  private static final int NAME_MAX = 255;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final RequestOptions UPLOAD = RequestOptions.builder().idempotent(true)
      .operation(WhatsAppOperations.CAMPAIGN_UPLOAD).build();

  private final WhatsAppClient whatsApp;
  private final BlipClient blip;

  Campaigns(WhatsAppClient whatsApp) {
    this.whatsApp = whatsApp;
    this.blip = whatsApp.blip();
  }

  // ---------------------------------------------------------------- creating

  /**
   * Sends an individual campaign: one recipient, in one {@code set /campaign/full} (the form production clients
   * use). Blip creates and dispatches it at once, or at the request's schedule. One dispatched at once is one
   * message sent now, so it first takes a permit from the client's {@linkplain WhatsAppClient#rateLimiter() rate
   * limiter}, if it has one, as every send does; a batch campaign is paced by Blip's engine, which sends at the
   * bot's plan rate across all its campaigns, so its launch takes none.
   *
   * @param request the request (without a pace)
   * @param recipient the recipient
   * @return the campaign Blip created
   * @throws BlipValidationException if the request or the recipient breaks a rule (nothing is sent)
   * @throws CampaignRejectedException if Blip refuses it (a duplicate name, for example)
   * @throws dev.blipsdk.core.exception.StoreException if the rate limiter cannot answer (nothing is sent)
   * @throws BlipException on any other failure
   */
  public Campaign send(CampaignRequest request, CampaignRecipient recipient) {
    Objects.requireNonNull(recipient, "recipient");
    Prepared p = prepare(request);
    if (request.pace() != null) {
      throw new BlipValidationException("pace", "individual", "an individual campaign has one recipient: it"
          + " cannot be paced");
    }
    String phone;
    Map<String, String> params;
    try {
      phone = PhoneNumber.parse(recipient.phone()).e164();
      params = params(p, recipient);
    } catch (BlipValidationException e) {
      throw new BlipValidationException("recipient." + e.field(), e.rule(), e.getMessage());
    }
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("campaign", campaignJson(p, request.name(), "Individual", p.start));
    resource.put("audience", audienceItem(phone, params));
    resource.put("message", p.message);
    Command command = Command.set("/campaign/full", FULL_CAMPAIGN_TYPE, JsonDocument.of(resource))
        .to(POSTMASTER).build();
    RateLimiter limiter = whatsApp.rateLimiter();
    if (limiter != null && p.start == null) {
      // dispatched at once, an individual campaign is one message now: it takes a permit like any send
      Chain.join(limiter.acquire());
    }
    try {
      return Campaign.fromJson(blip.execute(command, named(WhatsAppOperations.CAMPAIGN_SEND)).requireResource());
    } catch (BlipCommandException e) {
      throw new CampaignRejectedException(e);
    }
  }

  /**
   * Launches a batch campaign over a streamed audience (see the class comment). Rejected recipients are only counted
   * and kept (the first {@value CampaignLaunch#KEPT_REJECTIONS}); use {@link #launch(CampaignRequest, Iterator,
   * Consumer)} to see each one. Closes the stream.
   *
   * @param request the request
   * @param audience the recipients, read once, lazily
   * @return what was launched
   * @throws BlipValidationException if the request breaks a rule (nothing is sent)
   * @throws CampaignAudienceException if no recipient could be used (nothing is created)
   * @throws CampaignRejectedException if Blip refuses the campaign (nothing is left behind)
   * @throws CampaignLaunchException if an upload or a dispatch fails part way
   */
  public CampaignLaunch launch(CampaignRequest request, Stream<CampaignRecipient> audience) {
    Objects.requireNonNull(audience, "audience");
    try (audience) {
      return launch(request, audience.iterator(), r -> { });
    }
  }

  /**
   * Launches a batch campaign over an audience read lazily from an iterator, reporting each rejected recipient to
   * {@code onRejected} (on the caller's thread, before anything is dispatched).
   *
   * @param request the request
   * @param audience the recipients, read once
   * @param onRejected called for each recipient left out
   * @return what was launched
   * @throws BlipValidationException if the request breaks a rule (nothing is sent)
   * @throws CampaignAudienceException if no recipient could be used (nothing is created)
   * @throws CampaignRejectedException if Blip refuses the campaign (nothing is left behind)
   * @throws CampaignLaunchException if an upload or a dispatch fails part way
   */
  public CampaignLaunch launch(CampaignRequest request, Iterator<? extends CampaignRecipient> audience,
      Consumer<? super RecipientRejection> onRejected) {
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(onRejected, "onRejected");
    Prepared p = prepare(request);
    return new Launch(p, onRejected).run(audience);
  }

  /** One launch: its waves, counters and the numbers it has uploaded. Runs on the caller's thread. */
  private final class Launch {
    private final Prepared p;
    private final Consumer<? super RecipientRejection> onRejected;
    private final LongHashSet uploaded = new LongHashSet();
    private final List<Wave> waves = new ArrayList<>();
    private final List<RecipientRejection> kept = new ArrayList<>();
    private long accepted;
    private long rejected;

    Launch(Prepared p, Consumer<? super RecipientRejection> onRejected) {
      this.p = p;
      this.onRejected = onRejected;
    }

    CampaignLaunch run(Iterator<? extends CampaignRecipient> audience) {
      long position = 0;
      Wave current = null;
      try {
        while (audience.hasNext()) {
          CampaignRecipient r = audience.next();
          long at = position++;
          Map<String, Object> item = check(at, r);
          if (item == null) {
            continue;
          }
          if (current == null) {
            current = new Wave(waves.size());
            waves.add(current);
          }
          current.buffer.add(item);
          current.count++;
          accepted++;
          if (current.buffer.size() >= p.request.batchSize()) {
            upload(current);
          }
          if (current.count >= p.pacer.waveSize()) {
            upload(current);
            current = null;
          }
        }
        if (current != null) {
          upload(current);
        }
        if (waves.isEmpty()) {
          throw new CampaignAudienceException(rejected, kept);
        }
        List<Campaign> dispatched = new ArrayList<>(waves.size());
        for (Wave w : waves) {
          dispatched.add(dispatch(Objects.requireNonNull(w.campaign)));
        }
        LOG.debug("campaign launch: {} campaign(s), {} recipients uploaded, {} rejected", dispatched.size(),
            accepted, rejected);
        return new CampaignLaunch(dispatched, accepted, rejected, kept);
      } catch (CampaignAudienceException e) {
        throw e;
      } catch (CampaignRejectedException e) {
        List<String> left = cleanUp();
        if (!left.isEmpty()) {
          throw new CampaignLaunchException(e, accepted, left);
        }
        throw e;
      } catch (BlipException e) {
        throw new CampaignLaunchException(e, accepted, cleanUp());
      } catch (RuntimeException e) {
        List<String> left = cleanUp();
        if (!left.isEmpty()) {
          LOG.warn("campaign launch failed; campaigns left running: {}", left);
        }
        throw e;
      }
    }

    /** The recipient's audience item, or null after reporting why it is left out. */
    private @Nullable Map<String, Object> check(long position, @Nullable CampaignRecipient r) {
      if (r == null) {
        reject(new RecipientRejection(position, "", "recipient", "required", "the audience holds a null recipient"));
        return null;
      }
      String e164;
      try {
        e164 = PhoneNumber.parse(r.phone()).e164();
        Map<String, String> params = params(p, r);
        if (!uploaded.add(Long.parseLong(e164.substring(1)))) {
          reject(new RecipientRejection(position, r.phone(), "recipient", "duplicate-recipient",
              "the number is already in this campaign's audience; a recipient gets one message"));
          return null;
        }
        return audienceItem(e164, params);
      } catch (BlipValidationException e) {
        String field = e.field().equals("phoneNumber") ? "recipient" : e.field();
        reject(new RecipientRejection(position, r.phone(), field, e.rule(), e.getMessage()));
        return null;
      }
    }

    private void reject(RecipientRejection rejection) {
      rejected++;
      if (kept.size() < CampaignLaunch.KEPT_REJECTIONS) {
        kept.add(rejection);
      }
      onRejected.accept(rejection);
    }

    /** Creates the wave's campaign if needed, then uploads its buffered recipients as one batch. */
    private void upload(Wave w) {
      if (w.buffer.isEmpty()) {
        return;
      }
      if (w.campaign == null) {
        Instant start = p.pacer.startOf(w.index);
        if (start != null && !start.isAfter(blip.clock().instant())) {
          start = null; // the slot passed while the audience was uploading: the wave starts when dispatched
        }
        String name = w.index == 0 ? p.request.name() : p.request.name() + " #" + (w.index + 1);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("campaign", campaignJson(p, name, "Batch", start));
        resource.put("message", p.message);
        Command create = Command.set("/campaign/v2", CAMPAIGN_TYPE, JsonDocument.of(resource)).to(POSTMASTER)
            .build();
        try {
          w.campaign = Campaign.fromJson(blip.execute(create, named(WhatsAppOperations.CAMPAIGN_CREATE))
              .requireResource());
        } catch (BlipCommandException e) {
          throw new CampaignRejectedException(e);
        }
      }
      Map<String, Object> batch = new LinkedHashMap<>();
      batch.put("itemType", AUDIENCE_TYPE);
      batch.put("items", w.buffer);
      String uri = CommandUri.path("/audiences/v2").segment(w.campaign.id()).build();
      blip.execute(Command.set(uri, COLLECTION_TYPE, JsonDocument.of(batch)).to(POSTMASTER).build(), UPLOAD);
      w.buffer = new ArrayList<>();
    }

    private Campaign dispatch(Campaign c) {
      Map<String, Object> resource = Map.of("id", c.id());
      Command command = Command.set("/dispatch/v2", CAMPAIGN_TYPE, JsonDocument.of(resource)).to(POSTMASTER)
          .build();
      Command response;
      try {
        response = blip.execute(command, named(WhatsAppOperations.CAMPAIGN_DISPATCH));
      } catch (BlipCommandException e) {
        throw new CampaignRejectedException(e);
      }
      JsonDocument doc = response.resource();
      return doc != null && doc.isObject() ? Campaign.fromJson(doc) : get(c.id());
    }

    /** Cancels every campaign the launch created; returns the ids it could not cancel. */
    private List<String> cleanUp() {
      List<String> left = new ArrayList<>();
      for (Wave w : waves) {
        if (w.campaign == null) {
          continue;
        }
        try {
          cancel(w.campaign.id());
        } catch (RuntimeException e) {
          LOG.warn("campaign launch clean-up: could not cancel campaign {}: {}", w.campaign.id(), e.toString());
          left.add(w.campaign.id());
        }
      }
      return left;
    }
  }

  /** One wave of a launch: its campaign once created, and the batch being filled. */
  private static final class Wave {
    final int index;
    @Nullable Campaign campaign;
    List<Object> buffer = new ArrayList<>();
    long count;

    Wave(int index) {
      this.index = index;
    }
  }

  // ---------------------------------------------------------------- validation and wire forms

  /** A validated request: its template, parameter keys, start, pacer and the {@code message} object. */
  private record Prepared(CampaignRequest request, Template definition, int headerParams, @Nullable Instant start,
      CampaignPacer pacer, Map<String, Object> message) {}

  private Prepared prepare(CampaignRequest request) {
    Objects.requireNonNull(request, "request");
    String name = request.name();
    if (name.isBlank() || name.length() > NAME_MAX) {
      throw new BlipValidationException("campaign.name", "name-format", "the campaign name must be 1 to " + NAME_MAX
          + " characters and not blank");
    }
    if (request.batchSize() < 1 || request.batchSize() > CampaignRequest.MAX_BATCH_SIZE) {
      throw new BlipValidationException("batchSize", "range", "batchSize must be 1 to "
          + CampaignRequest.MAX_BATCH_SIZE + ", was " + request.batchSize());
    }
    TemplateMessage m = request.message();
    if (!m.buttonValues().isEmpty()) {
      int i = m.buttonValues().keySet().iterator().next();
      throw unsupported("buttons[" + i + "]", "button variables");
    }
    if (!m.bodyVariables().isEmpty()) {
      throw unsupported("body", "named body variables");
    }
    HeaderValue h = m.headerValue();
    if (h != null && h.parameterName() != null) {
      throw unsupported("header", "a named header variable");
    }
    Instant start = null;
    if (request.scheduledAt() != null) {
      start = request.scheduledAt().toInstant();
      if (!start.isAfter(blip.clock().instant())) {
        throw new BlipValidationException("campaign.scheduledAt", "in-the-past", "the campaign is scheduled for "
            + request.scheduledAt() + ", which has passed (now " + blip.clock().instant() + ")");
      }
    }
    Template def = request.template();
    if (def == null) {
      def = whatsApp.templates().find(m.name(), m.language()).orElseThrow(() -> new BlipValidationException(
          "template.name", "unknown-template", "the bot has no template '" + m.name() + "' in " + m.language()));
    }
    if (!def.status().equalsIgnoreCase("APPROVED")) {
      throw new BlipValidationException("template.status", "not-approved", "template '" + def.name() + "' ("
          + def.language() + ") is " + def.status() + "; only an approved template can be sent");
    }
    if (!def.bodyPlaceholders().isEmpty() && !Placeholders.positional(def.bodyPlaceholders())) {
      throw unsupported("body", "template '" + def.name() + "''s named body variables");
    }
    for (int i = 0; i < def.buttons().size(); i++) {
      if (!def.buttons().get(i).placeholders().isEmpty()) {
        throw unsupported("buttons[" + i + "]", "template '" + def.name() + "''s URL button variable");
      }
    }
    int headerParams = 0;
    TemplateHeader th = def.header();
    if (th != null) {
      headerParams = th.format().mediaKind() != null ? 1 : th.placeholders().size();
    }
    int total = headerParams + def.bodyPlaceholders().size();
    List<Object> keys = new ArrayList<>(total);
    for (int i = 1; i <= total; i++) {
      keys.add(String.valueOf(i));
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageTemplate", m.name());
    message.put("messageParams", keys);
    message.put("channelType", "WhatsApp");
    message.put("messageTemplateLanguage", m.language());
    CampaignPace pace = request.pace();
    CampaignPacer pacer = pace == null ? CampaignPacer.single(start)
        : CampaignPacer.fixed(pace.messages(), pace.every(), start, blip.clock().instant());
    return new Prepared(request, def, headerParams, start, pacer, message);
  }

  private static BlipValidationException unsupported(String field, String what) {
    return new BlipValidationException(field, "campaign-unsupported", what + " cannot be sent through the campaign"
        + " API, which numbers variables by position; send such templates with WhatsAppClient.send or BulkSender");
  }

  /**
   * A recipient's parameters, {@code "1"} first: the header's value (media URL or text) when the template has one,
   * then the body variables. Validates the recipient's whole message against the template first.
   */
  private static Map<String, String> params(Prepared p, CampaignRecipient r) {
    TemplateMessage m = p.request.message();
    HeaderValue base = m.headerValue();
    if (r.headerMediaUrl() != null) {
      TemplateHeader th = p.definition.header();
      MediaKind kind = th == null ? null : th.format().mediaKind();
      if (kind == null) {
        throw new BlipValidationException("header", "not-in-template", "template '" + m.name()
            + "' has no media header, but the recipient gives a header media URL");
      }
      m = m.headerMedia(kind, r.headerMediaUrl(), base != null && base.kind() == kind ? base.filename() : null);
    }
    if (r.headerText() != null) {
      m = m.headerText(r.headerText());
    }
    m = m.body(r.bodyValues()).validate(p.definition);
    Map<String, String> params = new LinkedHashMap<>();
    int key = 1;
    HeaderValue h = m.headerValue();
    if (p.headerParams > 0 && h != null) {
      params.put(String.valueOf(key++), h.kind() == null ? text(m, h.value()) : h.value());
    }
    for (String v : m.bodyValues()) {
      params.put(String.valueOf(key++), text(m, v));
    }
    return params;
  }

  private static String text(TemplateMessage m, String value) {
    return m.whitespacePolicy() == WhitespacePolicy.NORMALIZE ? TemplateRules.normalize(value) : value;
  }

  private static Map<String, Object> audienceItem(String e164, Map<String, String> params) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("recipient", e164);
    item.put("messageParams", params);
    return item;
  }

  private static Map<String, Object> campaignJson(Prepared p, String name, String type, @Nullable Instant start) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("campaignType", type);
    ReplyRouting routing = p.request.routing();
    if (routing.flowId() != null) {
      c.put("flowId", routing.flowId());
      c.put("stateId", routing.stateId());
    }
    if (routing.masterState() != null) {
      c.put("masterState", routing.masterState());
    }
    c.put("channelType", "WhatsApp");
    if (start != null) {
      c.put("scheduled", UTC.format(start));
    }
    if (!p.request.tags().isEmpty()) {
      c.put("tags", p.request.tags());
    }
    return c;
  }

  // ---------------------------------------------------------------- reading

  /**
   * One campaign ({@code get /campaigns/{id}}).
   *
   * @param id the campaign id
   * @return the campaign
   * @throws BlipCommandException if there is none (check {@link BlipCommandException#isNotFound()}) or on another
   *     refusal
   * @throws BlipException on any other failure
   */
  public Campaign get(String id) {
    Command c = Command.get(CommandUri.path("/campaigns").segment(requireId(id)).build()).to(POSTMASTER).build();
    return Campaign.fromJson(blip.execute(c, named(WhatsAppOperations.CAMPAIGN_GET)).requireResource());
  }

  /**
   * One campaign, or empty when Blip has none with this id (the link from a Desk ticket's {@code CampaignId}).
   *
   * @param id the campaign id
   * @return the campaign, or empty
   * @throws BlipException on any failure but "not found"
   */
  public Optional<Campaign> find(String id) {
    try {
      return Optional.of(get(id));
    } catch (BlipCommandException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * One page of the bot's campaigns, newest first ({@code get /campaigns?$skip=&$take=}).
   *
   * @param skip campaigns to skip
   * @param take campaigns to return, 1 to {@value CampaignQuery#MAX_PAGE_SIZE}
   * @return the page
   */
  public Page<Campaign> page(int skip, int take) {
    return fetch("/campaigns", skip, take, CampaignQuery.MAX_PAGE_SIZE, WhatsAppOperations.CAMPAIGN_LIST,
        Campaign::fromJson);
  }

  /**
   * The bot's campaigns that pass a query, newest first, read page by page as the stream is consumed.
   *
   * @param query the query
   * @return the campaigns
   */
  public Stream<Campaign> list(CampaignQuery query) {
    Objects.requireNonNull(query, "query");
    return PagedIterable.of(this::page, query.pageSize(), CampaignQuery.MAX_PAGE_SIZE, Long.MAX_VALUE).stream()
        .filter(query::matches).limit(query.limit());
  }

  /**
   * One page of campaign summaries, newest first ({@code get /campaigns/summaries}).
   *
   * @param skip summaries to skip
   * @param take summaries to return, 1 to {@value CampaignQuery#MAX_PAGE_SIZE}
   * @return the page
   */
  public Page<CampaignReport> summaries(int skip, int take) {
    return fetch("/campaigns/summaries", skip, take, CampaignQuery.MAX_PAGE_SIZE,
        WhatsAppOperations.CAMPAIGN_SUMMARIES, CampaignReport::fromJson);
  }

  /**
   * A campaign's summary ({@code get /campaigns/{id}/summaries}).
   *
   * @param id the campaign id
   * @return the summary
   * @throws BlipProtocolException if the answer holds no summary
   */
  public CampaignReport summary(String id) {
    String uri = CommandUri.path("/campaigns").segment(requireId(id)).segment("summaries").build();
    List<JsonDocument> items = blip.execute(Command.get(uri).to(POSTMASTER).build(),
        named(WhatsAppOperations.CAMPAIGN_SUMMARY)).requireResource().asCollection().items();
    if (items.isEmpty()) {
      throw new BlipProtocolException("campaign summaries of " + id + " answered no summary");
    }
    return CampaignReport.fromJson(items.get(0));
  }

  /**
   * A campaign's report ({@code get /campaigns/{id}/reports?shouldHaveStateName=true}): its summary, the name of
   * the block replies land in, and each recipient's status counted into {@link CampaignReport#counts()}.
   *
   * @param id the campaign id
   * @return the report
   */
  public CampaignReport report(String id) {
    String uri = CommandUri.path("/campaigns").segment(requireId(id)).segment("reports")
        .query("shouldHaveStateName", true).build();
    return CampaignReport.fromJson(blip.execute(Command.get(uri).to(POSTMASTER).build(),
        named(WhatsAppOperations.CAMPAIGN_REPORT)).requireResource());
  }

  /**
   * The counts of every campaign of a launch, added up (one report per wave).
   *
   * @param launch the launch
   * @return the counts
   */
  public CampaignCounts counts(CampaignLaunch launch) {
    CampaignCounts total = CampaignCounts.empty();
    for (Campaign c : Objects.requireNonNull(launch, "launch").campaigns()) {
      total = total.plus(report(c.id()).counts());
    }
    return total;
  }

  /**
   * Each recipient of a campaign and what became of its message ({@code get /audiences/{id}}), read page by page
   * as the stream is consumed. Each result's {@link CampaignRecipientResult#receipt()} can be followed with a
   * {@link StatusTracker}. If Blip answers the whole audience in one page (its paging of this resource is
   * UNCONFIRMED), that page is the stream.
   *
   * @param id the campaign id
   * @return the results, in audience order
   */
  public Stream<CampaignRecipientResult> recipients(String id) {
    String base = CommandUri.path("/audiences").segment(requireId(id)).build();
    return PagedIterable.of((skip, take) -> {
      Page<CampaignRecipientResult> page = fetch(base, skip, take, Integer.MAX_VALUE,
          WhatsAppOperations.CAMPAIGN_AUDIENCE, CampaignRecipientResult::fromJson);
      if (page.items().size() > take) {
        // the server ignored $take: it answered everything at once, so this page is the last
        return new Page<>(page.items(), (long) skip + page.items().size(), skip, take);
      }
      return page;
    }, AUDIENCE_PAGE, Long.MAX_VALUE).stream();
  }

  private <T> Page<T> fetch(String path, int skip, int take, int max, Operation operation,
      java.util.function.Function<JsonDocument, T> read) {
    if (skip < 0 || take < 1 || take > max) {
      throw new IllegalArgumentException("skip must be >= 0 and take 1 to " + max + " (skip=" + skip + ", take="
          + take + ")");
    }
    String uri = CommandUri.path(path).query("$skip", skip).query("$take", take).build();
    JsonDocument resource = blip.execute(Command.get(uri).to(POSTMASTER).build(), named(operation)).resource();
    if (resource == null) {
      return new Page<>(List.of(), 0L, skip, take);
    }
    DocumentCollection<JsonDocument> collection = resource.asCollection();
    List<T> items = new ArrayList<>(collection.items().size());
    for (JsonDocument item : collection.items()) {
      items.add(read.apply(item));
    }
    return new Page<>(items, collection.total(), skip, take);
  }

  // ---------------------------------------------------------------- changing

  /**
   * Cancels a campaign that has not started ({@code delete /campaigns/{id}}; UNCONFIRMED as Blip's cancel, see the
   * API doc §3.6). The status is checked first, and again if Blip refuses.
   *
   * @param id the campaign id
   * @return the campaign after the cancel
   * @throws CampaignNotCancellableException if it has started or ended (nothing is changed)
   * @throws BlipException on any other failure
   */
  public Campaign cancel(String id) {
    Campaign before = get(id);
    if (before.status() == CampaignStatus.CANCELED) {
      return before;
    }
    if (!before.status().isCancellable()) {
      throw new CampaignNotCancellableException(id, before.status(), null);
    }
    try {
      blip.execute(Command.delete(CommandUri.path("/campaigns").segment(id).build()).to(POSTMASTER).build(),
          named(WhatsAppOperations.CAMPAIGN_CANCEL));
    } catch (BlipCommandException e) {
      Campaign now = get(id);
      if (!now.status().isCancellable()) {
        throw new CampaignNotCancellableException(id, now.status(), e);
      }
      throw e;
    }
    return get(id);
  }

  /**
   * Moves a campaign that has not started to another time ({@code merge /campaigns/{id}/schedule}; 3P).
   *
   * @param id the campaign id
   * @param when the new start, with its zone; in the future
   * @return the campaign after the change
   * @throws BlipValidationException if {@code when} has passed (nothing is sent)
   * @throws CampaignRejectedException if Blip refuses (the campaign has started, for example)
   */
  public Campaign reschedule(String id, ZonedDateTime when) {
    Objects.requireNonNull(when, "when");
    Instant at = when.toInstant();
    if (!at.isAfter(blip.clock().instant())) {
      throw new BlipValidationException("scheduledAt", "in-the-past", "cannot reschedule to " + when
          + ", which has passed");
    }
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("id", requireId(id));
    resource.put("scheduled", UTC.format(at));
    String uri = CommandUri.path("/campaigns").segment(id).segment("schedule").build();
    try {
      Command response = blip.execute(Command.merge(uri, CAMPAIGN_TYPE, JsonDocument.of(resource)).to(POSTMASTER)
          .build(), named(WhatsAppOperations.CAMPAIGN_RESCHEDULE));
      JsonDocument doc = response.resource();
      return doc != null && doc.isObject() ? Campaign.fromJson(doc) : get(id);
    } catch (BlipCommandException e) {
      throw new CampaignRejectedException(e);
    }
  }

  private static RequestOptions named(Operation operation) {
    return RequestOptions.builder().operation(operation).build();
  }

  private static String requireId(@Nullable String id) {
    if (id == null || id.isBlank()) {
      throw new BlipValidationException("campaignId", "required", "a campaign id is required");
    }
    return id.trim();
  }

  @Override
  public String toString() {
    return "Campaigns{" + blip.baseUrl() + "}";
  }
}
