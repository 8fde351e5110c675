package dev.blipsdk.examples;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeBlipMain;
import dev.blipsdk.testing.RateLimits;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples run: on an embedded fake Blip with demo data by default, or against a real Blip contract
 * (or any Blip-compatible base URL) when environment variables say so.
 *
 * <pre>{@code
 * try (ExampleEnvironment env = ExampleEnvironment.open()) {
 *   BlipClient blip = env.client();
 *   WhatsAppClient whatsApp = WhatsAppClient.of(blip);
 *   PhoneNumber to = PhoneNumber.parse(env.setting("BLIP_TO_PHONE", ExampleEnvironment.DEMO_PHONE));
 *   ...
 * }
 * }</pre>
 *
 * <p><b>The switch.</b> Read once, in {@link #open()}:
 * <ul>
 *   <li>{@code BLIP_CONTRACT} (the contract id: {@code https://{contract}.http.msging.net}) or
 *       {@code BLIP_BASE_URL} (an explicit base URL, for example a standalone fake started with
 *       {@link FakeBlipMain}) says where to connect;</li>
 *   <li>{@code BLIP_AUTHORIZATION_KEY} (the portal's ready {@code Key ...} value) or
 *       {@code BLIP_IDENTIFIER} plus {@code BLIP_ACCESS_KEY} say who the bot is.</li>
 * </ul>
 * With a place and credentials, {@link #client()} is a real {@link BlipClient} and {@link #fake()} is empty. With
 * none of these variables, an embedded {@link FakeBlip} starts on 127.0.0.1 on a real-time clock, seeded with
 * {@link FakeBlipMain#seedDemo(dev.blipsdk.testing.FakeBot) the demo data} (the {@code DEMO_*} constants below
 * name it). Anything in between (a contract without a key, a key without a contract) is refused with a message
 * saying what is missing, rather than silently falling back to the fake.
 *
 * <p><b>Settings.</b> Examples take the values that differ on a real contract (a phone number, a template, an
 * agent) through {@link #setting(String, String)}: the environment variable when set, else the demo value on the
 * fake; on a real contract an unset variable is an error naming it.
 *
 * <p>Not thread-safe to open or close; {@link #client()} is a thread-safe {@link BlipClient}. Close the environment
 * to release the client and stop the fake.
 */
public final class ExampleEnvironment implements AutoCloseable {
  /** Environment variable: the contract id. */
  public static final String ENV_CONTRACT = "BLIP_CONTRACT";
  /** Environment variable: an explicit base URL, instead of the contract. */
  public static final String ENV_BASE_URL = "BLIP_BASE_URL";
  /** Environment variable: the portal's {@code Key ...} authorization value. */
  public static final String ENV_AUTHORIZATION_KEY = "BLIP_AUTHORIZATION_KEY";
  /** Environment variable: the bot identifier, with {@link #ENV_ACCESS_KEY}. */
  public static final String ENV_IDENTIFIER = "BLIP_IDENTIFIER";
  /** Environment variable: the bot's access key, with {@link #ENV_IDENTIFIER}. */
  public static final String ENV_ACCESS_KEY = "BLIP_ACCESS_KEY";

  /** Demo customer Ana Souza: on WhatsApp with a profile name, a contact with extras; reads at once. */
  public static final String DEMO_PHONE = "+5531999998888";
  /** Ana's WhatsApp identity, as the accounts lookup answers it and as her contact is stored. */
  public static final String DEMO_IDENTITY = "5531999998888@wa.gw.msging.net";
  /** Demo customer Bruno Lima (a contact; on WhatsApp, reads at once). */
  public static final String DEMO_PHONE_BRUNO = "+5511988887777";
  /** Bruno's WhatsApp identity. */
  public static final String DEMO_IDENTITY_BRUNO = "5511988887777@wa.gw.msging.net";
  /**
   * Demo customer Carla Dias (a contact): on the fake her messages move one step every 2 seconds to READ and she
   * replies "Sim" 3 seconds later.
   */
  public static final String DEMO_PHONE_CARLA = "+5521977776666";
  /** Carla's WhatsApp identity. */
  public static final String DEMO_IDENTITY_CARLA = "5521977776666@wa.gw.msging.net";
  /** A number the demo marks as not on WhatsApp: its lookup fails. */
  public static final String DEMO_PHONE_NOT_ON_WHATSAPP = "+5531900000000";

  /** Demo template {@code welcome} (pt_BR): body "Olá {{1}}, bem-vindo!". */
  public static final String DEMO_TEMPLATE_WELCOME = "welcome";
  /**
   * Demo template {@code order_update} (pt_BR): an IMAGE header, body "Olá {{1}}, seu pedido {{2}} saiu para
   * entrega." and quick replies "Sim" / "Não".
   */
  public static final String DEMO_TEMPLATE_ORDER_UPDATE = "order_update";
  /** Demo template {@code payment_reminder} (en_US, UTILITY): body with three variables. */
  public static final String DEMO_TEMPLATE_PAYMENT_REMINDER = "payment_reminder";
  /** The language of {@link #DEMO_TEMPLATE_WELCOME} and {@link #DEMO_TEMPLATE_ORDER_UPDATE}. */
  public static final String DEMO_LANGUAGE = "pt_BR";
  /** An image URL for media headers (never fetched: the default media check reads the extension). */
  public static final String DEMO_IMAGE_URL = "https://cdn.example.com/orders/box.png";

  /** Demo agent e-mail: online, in team Sales. */
  public static final String DEMO_AGENT_EMAIL = "ana@acme.com";
  /** Demo agent e-mail: offline, in team Support. */
  public static final String DEMO_AGENT_EMAIL_OFFLINE = "rui@acme.com";
  /** Demo queue (team) where the online agent works. */
  public static final String DEMO_QUEUE_SALES = "Sales";
  /** Demo queue (team) of the offline agent. */
  public static final String DEMO_QUEUE_SUPPORT = "Support";
  /** The default demo queue. */
  public static final String DEMO_QUEUE_DEFAULT = "Default";
  /** Every demo queue name. */
  public static final List<String> DEMO_QUEUES = List.of(DEMO_QUEUE_DEFAULT, DEMO_QUEUE_SALES, DEMO_QUEUE_SUPPORT);

  private final BlipClient client;
  private final @Nullable FakeBlip fake;
  private final Map<String, String> env;
  private final String description;

  private ExampleEnvironment(BlipClient client, @Nullable FakeBlip fake, Map<String, String> env,
      String description) {
    this.client = client;
    this.fake = fake;
    this.env = env;
    this.description = description;
  }

  /**
   * Opens the environment the process's variables describe (see the class documentation).
   *
   * @return the open environment; close it when done
   * @throws IllegalStateException if the variables are set only in part
   */
  public static ExampleEnvironment open() {
    return open(System.getenv());
  }

  /**
   * Opens the environment the given variables describe, for tests and for programs that read their settings
   * elsewhere.
   *
   * @param env the variables, by name
   * @return the open environment; close it when done
   * @throws IllegalStateException if the variables are set only in part
   * @throws IllegalArgumentException if the contract id, base URL or key is malformed
   */
  public static ExampleEnvironment open(Map<String, String> env) {
    Map<String, String> vars = Map.copyOf(Objects.requireNonNull(env, "env"));
    String contract = value(vars, ENV_CONTRACT);
    String baseUrl = value(vars, ENV_BASE_URL);
    String authorizationKey = value(vars, ENV_AUTHORIZATION_KEY);
    String identifier = value(vars, ENV_IDENTIFIER);
    String accessKey = value(vars, ENV_ACCESS_KEY);
    boolean where = contract != null || baseUrl != null;
    boolean who = authorizationKey != null || identifier != null || accessKey != null;
    if (!where && !who) {
      FakeBlip blip = FakeBlipMain.start(0, RateLimits.none());
      try {
        return new ExampleEnvironment(blip.client(), blip, vars, "the embedded fake Blip at " + blip.baseUrl()
            + " (demo data)");
      } catch (RuntimeException e) {
        blip.close();
        throw e;
      }
    }
    if (!where) {
      throw new IllegalStateException("credentials are set but not where to connect: set " + ENV_CONTRACT
          + " (the contract id) or " + ENV_BASE_URL);
    }
    if (contract != null && baseUrl != null) {
      throw new IllegalStateException("set either " + ENV_CONTRACT + " or " + ENV_BASE_URL + ", not both");
    }
    BlipClient.Builder builder = BlipClient.builder();
    if (contract != null) {
      builder.contract(contract);
    } else {
      builder.baseUrl(Objects.requireNonNull(baseUrl));
    }
    if (authorizationKey != null) {
      builder.authorizationKey(authorizationKey);
    } else if (identifier != null && accessKey != null) {
      builder.credentials(identifier, accessKey);
    } else {
      throw new IllegalStateException("set " + ENV_AUTHORIZATION_KEY + " (the portal's \"Key ...\" value) or both "
          + ENV_IDENTIFIER + " and " + ENV_ACCESS_KEY);
    }
    String place = contract != null ? "Blip contract " + contract : baseUrl;
    return new ExampleEnvironment(builder.build(), null, vars, place);
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /**
   * The Blip client: the fake's or the real contract's. Owned by this environment: do not close it yourself.
   *
   * @return the client
   */
  public BlipClient client() {
    return client;
  }

  /**
   * The embedded fake, when running on it: for steps only a fake can do (a customer replying, moving time).
   *
   * @return the fake, or empty on a real contract
   */
  public Optional<FakeBlip> fake() {
    return Optional.ofNullable(fake);
  }

  /**
   * Whether the examples run on the embedded fake.
   *
   * @return true on the fake, false on a real contract or base URL
   */
  public boolean isFake() {
    return fake != null;
  }

  /**
   * Where the examples run, in words, without credentials: for the first line of an example's output.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * A setting that differs between the demo and a real contract: the environment variable when set, else the
   * demo value on the fake.
   *
   * @param name the environment variable, for example {@code BLIP_TO_PHONE}
   * @param demoValue the value on the fake's demo data
   * @return the value
   * @throws IllegalStateException on a real contract when the variable is not set
   */
  public String setting(String name, String demoValue) {
    Objects.requireNonNull(demoValue, "demoValue");
    String v = value(env, Objects.requireNonNull(name, "name"));
    if (v != null) {
      return v;
    }
    if (isFake()) {
      return demoValue;
    }
    throw new IllegalStateException("set " + name + " for a real contract (the demo uses '" + demoValue + "')");
  }

  /** Releases the client and stops the fake, if any. Idempotent. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  @Override
  public String toString() {
    return "ExampleEnvironment[" + description + "]";
  }
}
