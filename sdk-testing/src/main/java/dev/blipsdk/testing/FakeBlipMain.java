package dev.blipsdk.testing;

import java.time.Duration;
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
 * {@code --message-webhook URL}, {@code --notification-webhook URL}.
 */
public final class FakeBlipMain {
  /** Identifier of the demo bot. */
  public static final String DEMO_BOT = "demobot";
  /** Access key of the demo bot. */
  public static final String DEMO_KEY = "demo-access-key";

  private FakeBlipMain() {}

  /** The parsed command line. */
  record Options(int port, RateLimits limits, @Nullable String messageWebhook, @Nullable String notificationWebhook,
      boolean help) {}

  static final String USAGE =
      "options: --port N (0-65535, default 8080)  --plan none|free|paid  --message-webhook URL"
      + "  --notification-webhook URL";

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
    System.out.println("Fake Blip running at " + blip.baseUrl());
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
        case "--help":
        case "-h":
          return new Options(port, limits, messageHook, notificationHook, true);
        default:
          throw new IllegalArgumentException("unknown option " + a + " (try --help)");
      }
    }
    return new Options(port, limits, messageHook, notificationHook, false);
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
    bot.seedTemplate(FakeTemplate.builder("payment_reminder", "en_US").category("UTILITY")
        .body("Hi {{1}}, your invoice of {{2}} is due on {{3}}.").build());
    bot.seedContact(java.util.Map.of("identity", "5531999998888@wa.gw.msging.net", "name", "Ana Souza",
        "email", "ana@example.com", "extras", java.util.Map.of("plan", "Gold")));
    bot.seedContact("5511988887777@wa.gw.msging.net", "Bruno Lima");
    bot.seedContact("5521977776666@wa.gw.msging.net", "Carla Dias");
    bot.addWhatsAppAccount("+5531999998888", "Ana Souza");
    bot.markNotOnWhatsApp("+5531900000000");
    bot.addQueue("Default");
    bot.addQueue("Sales");
    bot.addQueue("Support");
    bot.addAgent("ana%40acme.com@blip.ai", "Online", "Sales");
    bot.addAgent("rui%40acme.com@blip.ai", "Offline", "Support");
    bot.script("5521977776666@wa.gw.msging.net", MessageScript.read().withStepDelay(Duration.ofSeconds(2))
        .withReply("Sim", Duration.ofSeconds(3)));
  }
}
