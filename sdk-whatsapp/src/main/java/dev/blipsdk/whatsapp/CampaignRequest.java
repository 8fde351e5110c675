package dev.blipsdk.whatsapp;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign sends and how: its name (unique per bot), the template message every recipient gets (each adds its
 * own variables, see {@link CampaignRecipient}), where replies land, when it starts, how fast it goes.
 *
 * <pre>{@code
 * CampaignRequest request = CampaignRequest.of("reminders-2026-05-01",
 *         TemplateMessage.of("appointment_reminder", "pt_BR").headerImage("https://cdn.example.com/clinic.png"))
 *     .routing(ReplyRouting.toBlock(flowId, stateId).viaRouter("router@msging.net"))
 *     .scheduledAt(ZonedDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneId.of("America/Sao_Paulo")))
 *     .pace(CampaignPace.of(5_000, Duration.ofMinutes(10)));
 * }</pre>
 *
 * <p>Immutable and thread-safe: every method returns a new request. Nothing is checked here;
 * {@link Campaigns} validates the whole request before anything is sent.
 */
public final class CampaignRequest {
  /** The default number of recipients per audience upload. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;
  /** The most recipients one audience upload may carry. */
  public static final int MAX_BATCH_SIZE = 10_000;

  private final String name;
  private final TemplateMessage message;
  private final ReplyRouting routing;
  private final @Nullable ZonedDateTime scheduledAt;
  private final @Nullable CampaignPace pace;
  private final List<String> tags;
  private final @Nullable Template template;
  private final int batchSize;

  private CampaignRequest(String name, TemplateMessage message, ReplyRouting routing,
      @Nullable ZonedDateTime scheduledAt, @Nullable CampaignPace pace, List<String> tags, @Nullable Template template,
      int batchSize) {
    this.name = name;
    this.message = message;
    this.routing = routing;
    this.scheduledAt = scheduledAt;
    this.pace = pace;
    this.tags = tags;
    this.template = template;
    this.batchSize = batchSize;
  }

  /**
   * A request that sends at once, with no reply routing, no pace.
   *
   * @param name the campaign name, unique per bot (Blip refuses a duplicate)
   * @param message the template message; its header media, if any, is every recipient's unless one gives its own
   * @return the request
   */
  public static CampaignRequest of(String name, TemplateMessage message) {
    return new CampaignRequest(Objects.requireNonNull(name, "name"), Objects.requireNonNull(message, "message"),
        ReplyRouting.none(), null, null, List.of(), null, DEFAULT_BATCH_SIZE);
  }

  /**
   * Where replies land.
   *
   * @param routing the routing
   * @return a new request
   */
  public CampaignRequest routing(ReplyRouting routing) {
    return new CampaignRequest(name, message, Objects.requireNonNull(routing, "routing"), scheduledAt, pace, tags,
        template, batchSize);
  }

  /**
   * Starts the campaign at a time in a time zone (sent to Blip as UTC). It must be in the future on the client's
   * clock when the campaign is created.
   *
   * @param when the start, with its zone
   * @return a new request
   */
  public CampaignRequest scheduledAt(ZonedDateTime when) {
    return new CampaignRequest(name, message, routing, Objects.requireNonNull(when, "when"), pace, tags, template,
        batchSize);
  }

  /**
   * Sends gradually (see {@link CampaignPace}).
   *
   * @param pace the pace
   * @return a new request
   */
  public CampaignRequest pace(CampaignPace pace) {
    return new CampaignRequest(name, message, routing, scheduledAt, Objects.requireNonNull(pace, "pace"), tags,
        template, batchSize);
  }

  /**
   * Tags the campaign.
   *
   * @param tags the tags
   * @return a new request
   */
  public CampaignRequest tags(String... tags) {
    return new CampaignRequest(name, message, routing, scheduledAt, pace, List.of(tags), template, batchSize);
  }

  /**
   * The template definition to validate against; by default it is looked up in the bot's template catalog (one
   * request per campaign).
   *
   * @param definition the definition
   * @return a new request
   */
  public CampaignRequest template(Template definition) {
    return new CampaignRequest(name, message, routing, scheduledAt, pace, tags,
        Objects.requireNonNull(definition, "definition"), batchSize);
  }

  /**
   * Recipients per audience upload (default {@value #DEFAULT_BATCH_SIZE}, at most {@value #MAX_BATCH_SIZE}): the
   * most recipients the client holds at once.
   *
   * @param size the batch size
   * @return a new request
   */
  public CampaignRequest batchSize(int size) {
    return new CampaignRequest(name, message, routing, scheduledAt, pace, tags, template, size);
  }

  /** @return the campaign name */
  public String name() {
    return name;
  }

  /** @return the template message */
  public TemplateMessage message() {
    return message;
  }

  /** @return where replies land */
  public ReplyRouting routing() {
    return routing;
  }

  /** @return the start, or null to start at once */
  public @Nullable ZonedDateTime scheduledAt() {
    return scheduledAt;
  }

  /** @return the pace, or null to send everything in one campaign */
  public @Nullable CampaignPace pace() {
    return pace;
  }

  /** @return the tags */
  public List<String> tags() {
    return tags;
  }

  /** @return the template definition given, or null to look it up */
  public @Nullable Template template() {
    return template;
  }

  /** @return recipients per audience upload */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public String toString() {
    return "CampaignRequest{name=" + name + ", message=" + message + ", scheduledAt=" + scheduledAt + ", pace=" + pace
        + ", batchSize=" + batchSize + "}";
  }
}
