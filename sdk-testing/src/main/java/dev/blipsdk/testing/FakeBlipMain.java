package dev.blipsdk.testing;

import dev.blipsdk.core.webhook.HmacScheme;
import dev.blipsdk.core.webhook.WebhookSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link FakeBlip} standalone, for testing from other languages or with curl, with demo data: a bot, a few
 * templates, contacts, queues and agents. Time follows the wall clock. It prints the base URL and the credentials
 * and runs until killed.
 *
 * <pre>
 * mvn -q -Pfake-server -pl sdk-testing -am compile exec:java -Dexec.args="--port 8080"
 * </pre>
 *
 * <p>Options: {@code --port N} (default 8080, 0 for any), {@code --plan none|free|paid} (rate limits, default none),
 * {@code --message-webhook URL}, {@code --notification-webhook URL}, {@code --webhook-header NAME=VALUE} (repeatable:
 * a static header on every webhook, as the portal's custom headers, so that a receiver verifying
 * {@code WebhookVerifier.staticHeader(NAME, VALUE)} accepts the fake's deliveries) and {@code --webhook-hmac-secret
 * SECRET} (signs every webhook with {@code X-Hub-Signature-256: sha256=<hex>}, Meta's scheme, for
 * {@code WebhookVerifier.metaHubSignature256(SECRET)}; Blip itself signs nothing).
 *
 * <p>The fake serves Blip's HTTP API only ({@code POST /commands}, {@code /messages}, {@code /notifications}, and
 * the media URLs it hands out). Blip's official JavaScript SDK ({@code blip-sdk-js}) speaks WebSocket and cannot
 * talk to it; HTTP clients of the API can.
 */
public final class FakeBlipMain {
  /** Identifier of the demo bot. */
  public static final String DEMO_BOT = "demobot";
  /** Access key of the demo bot. */
  public static final String DEMO_KEY = "demo-access-key";

  private FakeBlipMain() {}

  /** The parsed command line. */
  record Options(int port, RateLimits limits, @Nullable String messageWebhook, @Nullable String notificationWebhook,
      Map<String, String> webhookHeaders, @Nullable String webhookHmacSecret, boolean help) {
    @Override
    public String toString() {
      return "Options[port=" + port + ", headers=" + webhookHeaders.keySet() + ", hmac="
          + (webhookHmacSecret != null) + "]";
    }
  }

  static final String USAGE =
      "options: --port N (0-65535, default 8080)  --plan none|free|paid  --message-webhook URL"
      + "  --notification-webhook URL  --webhook-header NAME=VALUE (repeatable)  --webhook-hmac-secret SECRET";

  /**
   * Starts the standalone fake and blocks.
   *
   * @param args command-line options
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if an option is unknown or its value is invalid
   */
  public static void main(String[] args) throws InterruptedException {
    Options options = parse(args);
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    FakeBlip blip = start(options.port(), options.limits());
    blip.bot().messageWebhook(options.messageWebhook()).notificationWebhook(options.notificationWebhook());
    applyWebhookSecurity(blip.bot(), options);
    System.out.println("Fake Blip running at " + blip.baseUrl() + " (HTTP API only; no WebSocket)");
    if (!options.webhookHeaders().isEmpty()) {
      System.out.println("  webhooks carry the headers " + options.webhookHeaders().keySet());
    }
    if (options.webhookHmacSecret() != null) {
      System.out.println("  webhooks are signed: " + HmacScheme.META_SIGNATURE_HEADER);
    }
    System.out.println("  identifier:    " + blip.identifier());
    System.out.println("  access key:    " + blip.accessKey());
    System.out.println("  Authorization: " + blip.authorizationHeader());
    System.out.println("Try: curl -s -X POST " + blip.baseUrl() + "/commands -H 'Content-Type: application/json' -H '"
        + "Authorization: " + blip.authorizationHeader() + "' -d '{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/contacts\"}'");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** Parses the command line; refuses unknown options and bad values, naming the option. */
  static Options parse(String... args) {
    int port = 8080;
    RateLimits limits = RateLimits.none();
    String messageHook = null;
    String notificationHook = null;
    Map<String, String> headers = new LinkedHashMap<>();
    String hmacSecret = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--port":
          port = port(require(a, v));
          i++;
          break;
        case "--plan":
          limits = plan(require(a, v));
          i++;
          break;
        case "--message-webhook":
          messageHook = url(a, require(a, v));
          i++;
          break;
        case "--notification-webhook":
          notificationHook = url(a, require(a, v));
          i++;
          break;
        case "--webhook-header": {
          String h = require(a, v);
          int eq = h.indexOf('=');
          String name = eq > 0 ? h.substring(0, eq).trim() : "";
          String value = eq > 0 ? h.substring(eq + 1).trim() : "";
          if (name.isEmpty() || value.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("--webhook-header must be NAME=VALUE with a header name and a"
                + " non-empty value");
          }
          headers.put(name, value);
          i++;
          break;
        }
        case "--webhook-hmac-secret":
          hmacSecret = require(a, v);
          if (hmacSecret.isBlank()) {
            throw new IllegalArgumentException("--webhook-hmac-secret must not be blank");
          }
          i++;
          break;
        case "--help":
        case "-h":
          return new Options(port, limits, messageHook, notificationHook, Map.copyOf(headers), hmacSecret, true);
        default:
          throw new IllegalArgumentException("unknown option " + a + " (try --help)");
      }
    }
    return new Options(port, limits, messageHook, notificationHook, Map.copyOf(headers), hmacSecret, false);
  }

  /** Gives the bot's webhooks the static headers and the HMAC signer of the options. */
  static void applyWebhookSecurity(FakeBot bot, Options options) {
    bot.webhookHeaders(options.webhookHeaders());
    String secret = options.webhookHmacSecret();
    bot.webhookSigner(secret == null ? null : WebhookSigner.metaHubSignature256(secret));
  }

  private static int port(String value) {
    try {
      int p = Integer.parseInt(value.trim());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + value + "'");
  }

  private static RateLimits plan(String value) {
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "none":
        return RateLimits.none();
      case "free":
        return RateLimits.free();
      case "paid":
        return RateLimits.paid();
      default:
        throw new IllegalArgumentException("--plan must be none, free or paid, got '" + value + "'");
    }
  }

  private static String url(String option, String value) {
    if (okhttp3.HttpUrl.parse(value) == null) {
      throw new IllegalArgumentException(option + " must be an http(s) URL, got '" + value + "'");
    }
    return value;
  }

  private static String require(String option, @Nullable String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  /**
   * Starts a real-time fake with the demo data on a port.
   *
   * @param port the port, 0 for any
   * @param limits the rate limits
   * @return the running fake
   */
  public static FakeBlip start(int port, RateLimits limits) {
    FakeBlip blip = FakeBlip.builder().port(port).bot(DEMO_BOT, DEMO_KEY).clock(FakeClock.realTime())
        .rateLimits(limits).start();
    seedDemo(blip.bot());
    return blip;
  }

  /**
   * Seeds the demo data into a bot.
   *
   * @param bot the bot
   */
  public static void seedDemo(FakeBot bot) {
    bot.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}, bem-vindo!"));
    bot.seedTemplate(FakeTemplate.builder("order_update", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE)
        .body("Olá {{1}}, seu pedido {{2}} saiu para entrega.").quickReplies("Sim", "Não").build());
    bot.seedTemplate(FakeTemplate.builder("atendimento_esta_disponivel", "pt_BR").category("UTILITY")
        .body("Nosso atendimento está fechado agora. Quer que avisemos quando abrir?").quickReplies("Sim", "Não")
        .build());
    bot.seedTemplate(FakeTemplate.builder("payment_reminder", "en_US").category("UTILITY")
        .body("Hi {{1}}, your invoice of {{2}} is due on {{3}}.").build());
    Instant now = bot.now();
    bot.seedContact(demoContact("5531999998888", "Ana Souza", now.minus(Duration.ofHours(3)), Map.of(
        "email", "ana@example.com", "extras", Map.of("plan", "Gold"))));
    bot.seedContact(demoContact("5511988887777", "Bruno Lima", now.minus(Duration.ofDays(2)), Map.of()));
    bot.seedContact(demoContact("5521977776666", "Carla Dias", now.minus(Duration.ofDays(9)), Map.of()));
    bot.addWhatsAppAccount("+5531999998888", "Ana Souza");
    bot.markNotOnWhatsApp("+5531900000000");
    bot.addQueue("Default");
    bot.addQueue("Sales");
    bot.addQueue("Support");
    bot.addAgent("ana%40acme.com@blip.ai", "Online", "Sales");
    bot.addAgent("rui%40acme.com@blip.ai", "Offline", "Support");
    bot.script("5521977776666@wa.gw.msging.net", MessageScript.read().withStepDelay(Duration.ofSeconds(2))
        .withReply("Sim", Duration.ofSeconds(3)));
    // Desk attendance hours: the main rule, and Support's own (a queue-level override), in Brasília time
    bot.putAttendanceHours(Map.of(
        "attendanceHour", Map.of("title", "Horário regular", "isMain", true,
            "timeZoneId", "E. South America Standard Time"),
        "attendanceHourScheduleItems", List.of(
            interval("Monday", "08:00:00", "18:00:00"), interval("Tuesday", "08:00:00", "18:00:00"),
            interval("Wednesday", "08:00:00", "18:00:00"), interval("Thursday", "08:00:00", "18:00:00"),
            interval("Friday", "08:00:00", "18:00:00"), interval("Saturday", "09:00:00", "13:00:00")),
        "attendanceHourOffItems", List.of(Map.of("reason", "Natal", "startDate", "2026-12-25T00:00:00.000Z",
            "endDate", "2026-12-25T23:59:00.000Z"))));
    List<Object> support = new java.util.ArrayList<>();
    for (String day : List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")) {
      support.add(interval(day, "07:00:00", "22:00:00"));
    }
    bot.putAttendanceHours(Map.of(
        "attendanceHour", Map.of("title", "Suporte estendido", "isMain", false,
            "timeZoneId", "E. South America Standard Time"),
        "attendanceHourScheduleItems", support,
        "queues", List.of(Map.of("id", "support", "description", "Support"))));
    Map<String, String> greetings = new LinkedHashMap<>();
    greetings.put("Boas-vindas", "Olá! Como posso ajudar?");
    greetings.put("Horário", "Atendemos de segunda a sexta, das 8h às 18h, e aos sábados, das 9h às 13h.");
    bot.seedReadyReplies("saudacoes", "Saudações", greetings);
  }

  /** A demo contact with the fields real contacts carry and clients read. */
  private static Map<String, Object> demoContact(String digits, String name, Instant lastMessage,
      Map<String, Object> more) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("identity", digits + "@wa.gw.msging.net");
    c.put("name", name);
    c.put("phoneNumber", "+" + digits);
    c.put("source", "WhatsApp");
    c.put("lastMessageDate", dev.blipsdk.testing.internal.Times.iso(lastMessage));
    c.put("lastUpdateDate", dev.blipsdk.testing.internal.Times.iso(lastMessage));
    c.putAll(more);
    return c;
  }

  private static Map<String, Object> interval(String day, String start, String end) {
    return Map.of("dayOfWeek", day, "startTime", start, "endTime", end);
  }
}
