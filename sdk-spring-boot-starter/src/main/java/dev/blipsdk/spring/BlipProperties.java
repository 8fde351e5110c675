package dev.blipsdk.spring;

import dev.blipsdk.core.webhook.HmacScheme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code blip.*} settings of the starter: where the bot's Blip contract is, its key, the client's timeouts and
 * retries, the webhook endpoint and how it verifies requests, the health check, and the fake Blip for tests.
 *
 * <pre>
 * blip.contract=my-contract
 * blip.identifier=mybot
 * blip.access-key=${BLIP_ACCESS_KEY}
 * blip.deadline=30s
 * blip.webhook.path=/blip/webhook
 * blip.webhook.verifier.scheme=static-header
 * blip.webhook.verifier.header-name=X-Blip-Token
 * blip.webhook.verifier.secrets=${BLIP_WEBHOOK_TOKEN}
 * </pre>
 *
 * <p>Spring binds it once at startup; the starter checks it when it builds the clients and fails the start with a
 * message naming the property and the fix. Not thread-safe (a JavaBean for the binder); nothing reads it after
 * startup. {@link #toString()} never shows a key or a secret.
 */
@ConfigurationProperties(prefix = "blip")
public class BlipProperties {
  /** Whether the starter configures anything at all. */
  private boolean enabled = true;
  /**
   * The contract (organization) id: calls go to https://{contract}.http.msging.net. Shown in the portal under
   * Configurations, Connection information. Set it or base-url.
   */
  private @Nullable String contract;
  /** An explicit base URL instead of the contract, for example https://http.msging.net or a proxy. */
  private @Nullable String baseUrl;
  /** The bot identifier, with access-key; or set authorization-key instead. */
  private @Nullable String identifier;
  /** The bot's access key, with identifier. Keep it out of source control. */
  private @Nullable String accessKey;
  /** The portal's ready authorization value, "Key bXlib3Q6..."; instead of identifier and access-key. */
  private @Nullable String authorizationKey;
  /** Connect timeout of one attempt (SDK default 10s). */
  private @Nullable Duration connectTimeout;
  /** Read timeout of one attempt (SDK default 30s). */
  private @Nullable Duration readTimeout;
  /** Write timeout of one attempt (SDK default 30s). */
  private @Nullable Duration writeTimeout;
  /** Overall deadline of one call, every attempt and wait included (SDK default 60s). */
  private @Nullable Duration deadline;
  /** A product token appended to the User-Agent, for example my-crm/2.3. */
  private @Nullable String userAgentSuffix;
  /** How failed calls are retried. */
  private final Retry retry = new Retry();
  /** The status tracker that follows sent messages. */
  private final StatusTracker statusTracker = new StatusTracker();
  /** The webhook endpoint. */
  private final Webhook webhook = new Webhook();
  /** The health indicator. */
  private final Health health = new Health();
  /** The fake Blip for tests and local runs. */
  private final Fake fake = new Fake();
  /** Micrometer observation of the client's operations. */
  private final Observation observation = new Observation();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public @Nullable String getContract() {
    return contract;
  }

  public void setContract(@Nullable String contract) {
    this.contract = contract;
  }

  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public @Nullable String getIdentifier() {
    return identifier;
  }

  public void setIdentifier(@Nullable String identifier) {
    this.identifier = identifier;
  }

  public @Nullable String getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(@Nullable String accessKey) {
    this.accessKey = accessKey;
  }

  public @Nullable String getAuthorizationKey() {
    return authorizationKey;
  }

  public void setAuthorizationKey(@Nullable String authorizationKey) {
    this.authorizationKey = authorizationKey;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(@Nullable Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public @Nullable Duration getWriteTimeout() {
    return writeTimeout;
  }

  public void setWriteTimeout(@Nullable Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  public @Nullable Duration getDeadline() {
    return deadline;
  }

  public void setDeadline(@Nullable Duration deadline) {
    this.deadline = deadline;
  }

  public @Nullable String getUserAgentSuffix() {
    return userAgentSuffix;
  }

  public void setUserAgentSuffix(@Nullable String userAgentSuffix) {
    this.userAgentSuffix = userAgentSuffix;
  }

  public Retry getRetry() {
    return retry;
  }

  public StatusTracker getStatusTracker() {
    return statusTracker;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public Health getHealth() {
    return health;
  }

  public Fake getFake() {
    return fake;
  }

  public Observation getObservation() {
    return observation;
  }

  /** Shows what is set, never a key. */
  @Override
  public String toString() {
    return "BlipProperties{contract=" + contract + ", baseUrl=" + baseUrl + ", identifier=" + identifier
        + ", credentials=" + (accessKey != null || authorizationKey != null ? "(set)" : "(missing)")
        + ", deadline=" + deadline + ", webhook.path=" + webhook.path + ", fake=" + fake.enabled + "}";
  }

  /** {@code blip.retry.*}: the SDK's {@link dev.blipsdk.core.RetryPolicy}; unset values keep its defaults. */
  public static class Retry {
    /** Attempts per call, the first included (SDK default 3); 1 turns retries off. */
    private @Nullable Integer maxAttempts;
    /** The base of the exponential backoff (SDK default 500ms). */
    private @Nullable Duration baseDelay;
    /** The longest wait between attempts (SDK default 8s). */
    private @Nullable Duration maxDelay;
    /** Whether the Retry-After of a 429 sets the wait when it is longer (SDK default true). */
    private @Nullable Boolean honorRetryAfter;

    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public @Nullable Duration getBaseDelay() {
      return baseDelay;
    }

    public void setBaseDelay(@Nullable Duration baseDelay) {
      this.baseDelay = baseDelay;
    }

    public @Nullable Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(@Nullable Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public @Nullable Boolean getHonorRetryAfter() {
      return honorRetryAfter;
    }

    public void setHonorRetryAfter(@Nullable Boolean honorRetryAfter) {
      this.honorRetryAfter = honorRetryAfter;
    }
  }

  /** {@code blip.status-tracker.*}: the auto-configured {@link dev.blipsdk.whatsapp.StatusTracker}. */
  public static class StatusTracker {
    /** How long after the send an unanswered message becomes EXPIRED (SDK default 24h). */
    private @Nullable Duration expiryWindow;
    /** How many messages are followed at most, oldest dropped first (SDK default 100000). */
    private @Nullable Integer maxTracked;

    public @Nullable Duration getExpiryWindow() {
      return expiryWindow;
    }

    public void setExpiryWindow(@Nullable Duration expiryWindow) {
      this.expiryWindow = expiryWindow;
    }

    public @Nullable Integer getMaxTracked() {
      return maxTracked;
    }

    public void setMaxTracked(@Nullable Integer maxTracked) {
      this.maxTracked = maxTracked;
    }
  }

  /** {@code blip.webhook.*}: the optional webhook endpoint. */
  public static class Webhook {
    /**
     * The path of the webhook endpoint, for example /blip/webhook; the endpoint exists only when this is set.
     * Point the bot's message and notification URLs (portal: Configurations, HTTP endpoints) at it.
     */
    private @Nullable String path;
    /** How requests to the endpoint are verified. */
    private final Verifier verifier = new Verifier();

    public @Nullable String getPath() {
      return path;
    }

    public void setPath(@Nullable String path) {
      this.path = path;
    }

    public Verifier getVerifier() {
      return verifier;
    }
  }

  /** The schemes {@code blip.webhook.verifier.scheme} accepts. */
  public enum VerifierScheme {
    /** A custom header with a fixed value, as configured for the bot's HTTP endpoints in the portal. */
    STATIC_HEADER,
    /** Authorization: Bearer with one of the accepted tokens (Blip's OAuth option). */
    BEARER,
    /** An HMAC-SHA256 signature of the raw body (gateways), shaped by blip.webhook.verifier.hmac.*. */
    HMAC,
    /** Meta's WhatsApp Cloud API signature, X-Hub-Signature-256: sha256=hex, keyed with the app secret. */
    META_HUB_SIGNATURE_256,
    /** No verification: only for an endpoint nothing untrusted can reach. */
    NONE
  }

  /** {@code blip.webhook.verifier.*}. */
  public static class Verifier {
    /** How requests are verified; required when blip.webhook.path is set. */
    private @Nullable VerifierScheme scheme;
    /**
     * The header to check: required for static-header (for example X-Blip-Token) and hmac (the signature
     * header); Authorization by default for bearer.
     */
    private @Nullable String headerName;
    /**
     * The accepted values: header values (static-header), tokens (bearer) or secrets (hmac,
     * meta-hub-signature-256). List the current one first; during a rotation, the old one after it.
     */
    private List<String> secrets = new ArrayList<>();
    /** The shape of an hmac signature. */
    private final Hmac hmac = new Hmac();

    public @Nullable VerifierScheme getScheme() {
      return scheme;
    }

    public void setScheme(@Nullable VerifierScheme scheme) {
      this.scheme = scheme;
    }

    public @Nullable String getHeaderName() {
      return headerName;
    }

    public void setHeaderName(@Nullable String headerName) {
      this.headerName = headerName;
    }

    public List<String> getSecrets() {
      return secrets;
    }

    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    public Hmac getHmac() {
      return hmac;
    }

    /** Counts the secrets, never shows them. */
    @Override
    public String toString() {
      return "Verifier{scheme=" + scheme + ", headerName=" + headerName + ", secrets=" + secrets.size() + "}";
    }
  }

  /** {@code blip.webhook.verifier.hmac.*}: see {@link HmacScheme}. */
  public static class Hmac {
    /** The prefix before the signature, for example sha256= (default none). */
    private String prefix = "";
    /** How the signature is written: hex (default) or base64. */
    private HmacScheme.Encoding encoding = HmacScheme.Encoding.HEX;
    /** The header carrying the signed Unix timestamp, when the sender signs one in its own header. */
    private @Nullable String timestampHeader;
    /** For the form t=seconds,v1=signature in one header: the key of the signature parts (for example v1). */
    private @Nullable String inlineSignatureKey;
    /** How far a signed timestamp may be from the clock, either way (default 5m). */
    private Duration tolerance = Duration.ofMinutes(5);

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public HmacScheme.Encoding getEncoding() {
      return encoding;
    }

    public void setEncoding(HmacScheme.Encoding encoding) {
      this.encoding = encoding;
    }

    public @Nullable String getTimestampHeader() {
      return timestampHeader;
    }

    public void setTimestampHeader(@Nullable String timestampHeader) {
      this.timestampHeader = timestampHeader;
    }

    public @Nullable String getInlineSignatureKey() {
      return inlineSignatureKey;
    }

    public void setInlineSignatureKey(@Nullable String inlineSignatureKey) {
      this.inlineSignatureKey = inlineSignatureKey;
    }

    public Duration getTolerance() {
      return tolerance;
    }

    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }
  }

  /** {@code blip.health.*}: the Actuator health indicator {@code blip}. */
  public static class Health {
    /**
     * How long a ping result answers health probes before the next probe pings Blip again, so a probe every
     * second costs one Blip call per this period.
     */
    private Duration cacheTtl = Duration.ofSeconds(30);
    /** The deadline of the health ping, retries included, so a probe never waits for the client's full deadline. */
    private Duration timeout = Duration.ofSeconds(5);

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** {@code blip.observation.*}: Micrometer observation of every operation (blip-sdk-micrometer). */
  public static class Observation {
    /** Whether the client reports its operations to the application's Micrometer registries, when it has them. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** {@code blip.fake.*}: the fake Blip (needs blip-sdk-testing on the classpath). */
  public static class Fake {
    /**
     * Starts a FakeBlip on 127.0.0.1 and points every auto-configured client at it, ignoring the contract and
     * credentials; with blip.webhook.path set, the fake also delivers its webhooks, signed for the configured
     * verifier, to this application's endpoint. For tests and local runs.
     */
    private boolean enabled;
    /** Seeds the fake with the demo data of FakeBlipMain (customers, templates, agents, queues). */
    private boolean demoData;
    /**
     * Runs the fake on the real clock (scripted delays then pass by themselves) instead of a manual clock that
     * tests advance.
     */
    private boolean realTimeClock;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isDemoData() {
      return demoData;
    }

    public void setDemoData(boolean demoData) {
      this.demoData = demoData;
    }

    public boolean isRealTimeClock() {
      return realTimeClock;
    }

    public void setRealTimeClock(boolean realTimeClock) {
      this.realTimeClock = realTimeClock;
    }
  }
}
