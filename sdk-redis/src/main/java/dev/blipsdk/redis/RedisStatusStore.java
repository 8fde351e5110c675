package dev.blipsdk.redis;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.StoreException;
import dev.blipsdk.redis.internal.RedisErrors;
import dev.blipsdk.whatsapp.MessageStatus;
import dev.blipsdk.whatsapp.StatusRecord;
import dev.blipsdk.whatsapp.StatusStore;
import dev.blipsdk.whatsapp.StatusUpdate;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StatusStore} shared by every {@link dev.blipsdk.whatsapp.StatusTracker} that uses the same Redis:
 * any instance of a fleet answers {@code status} and {@code await} for a message any instance sent, and a
 * notification fed to any instance moves the status for all.
 *
 * <pre>{@code
 * RedisStatusStore statuses = RedisStatusStore.builder(redis).ttl(Duration.ofDays(3)).build();
 * StatusTracker tracker = StatusTracker.builder(whatsApp).statusStore(statuses).build();
 * }</pre>
 *
 * <p><b>Atomic and monotonic.</b> Each update runs {@link StatusRecord#apply(StatusRecord, StatusUpdate)} as one
 * Lua script on the server, so concurrent updates from different instances never lose one another and never
 * move a status back (the furthest state wins, the first failure reason given is kept, a duplicate event is
 * dropped). A message's record lives in three keys under the {@linkplain Builder#keyPrefix(String) prefix}:
 * {@code m:<id>} (a hash), {@code m:<id>:e} (event order) and {@code m:<id>:k} (event key to JSON), which expire
 * {@linkplain Builder#ttl(Duration) ttl} after the last change; {@code index} (a sorted set by expiry) counts
 * them and {@code to:<sha-256 of the recipient>} lists a recipient's messages. Times are stored in
 * milliseconds.
 *
 * <p><b>Failure.</b> When Redis cannot be reached, does not answer within the
 * {@linkplain Builder#timeout(Duration) timeout} or refuses a script, the calls throw {@link StoreException}.
 * An update that failed may have been applied or not; applying it again is harmless.
 *
 * <p><b>Thread safety:</b> thread-safe (one multiplexed connection).
 */
public final class RedisStatusStore implements StatusStore, AutoCloseable {
  private static final String STORE = "redis status store";

  /** KEYS: record, order, events, index, recipient set. ARGV: see {@link #apply(StatusUpdate)}. */
  static final String APPLY = """
      local rec, order, evs, idx, to = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
      local op, at, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
      local changed = 0
      if redis.call('EXISTS', rec) == 0 then
        if op == 'answered' then return {0} end
        local sent = ARGV[5]
        if sent == '' then sent = at end
        redis.call('HSET', rec, 'id', ARGV[4], 'sentAt', sent, 'delivery', 'SENDING', 'rank', '0', 'answered', '0')
        redis.call('ZREMRANGEBYSCORE', idx, '-inf', at)
        changed = 1
      end
      if ARGV[6] ~= '' and redis.call('HEXISTS', rec, 'recipient') == 0 then
        redis.call('HSET', rec, 'recipient', ARGV[6])
        redis.call('SADD', to, ARGV[4])
        redis.call('PEXPIRE', to, ttl)
        changed = 1
      end
      if op == 'event' then
        if redis.call('HSETNX', evs, ARGV[7], ARGV[13]) == 1 then
          redis.call('RPUSH', order, ARGV[7])
          if ARGV[9] == 'FAILED' then
            local given = redis.call('HGET', rec, 'failGiven')
            if given ~= '1' then
              if ARGV[10] == '1' then
                redis.call('HSET', rec, 'failCode', ARGV[11], 'failDesc', ARGV[12], 'failGiven', '1')
              elseif not given then
                redis.call('HSET', rec, 'failCode', '', 'failDesc', ARGV[14], 'failGiven', '0')
              end
            end
          end
          if ARGV[8] ~= '' and tonumber(ARGV[8]) > tonumber(redis.call('HGET', rec, 'rank')) then
            redis.call('HSET', rec, 'rank', ARGV[8], 'delivery', ARGV[9])
          end
          redis.call('HSET', rec, 'updatedAt', at)
          changed = 1
        end
      elseif op == 'answered' then
        if redis.call('HGET', rec, 'answered') ~= '1' then
          redis.call('HSET', rec, 'answered', '1', 'updatedAt', at)
          changed = 1
        end
      end
      if changed == 1 then
        redis.call('PEXPIRE', rec, ttl)
        if redis.call('EXISTS', order) == 1 then
          redis.call('PEXPIRE', order, ttl)
          redis.call('PEXPIRE', evs, ttl)
        end
        redis.call('ZADD', idx, tonumber(at) + ttl, ARGV[4])
      end
      local keys = redis.call('LRANGE', order, 0, -1)
      local jsons = {}
      if #keys > 0 then jsons = redis.call('HMGET', evs, unpack(keys)) end
      return {changed, redis.call('HGETALL', rec), keys, jsons}
      """;

  /** KEYS: record, order, events. */
  static final String READ = """
      if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
      local keys = redis.call('LRANGE', KEYS[2], 0, -1)
      local jsons = {}
      if #keys > 0 then jsons = redis.call('HMGET', KEYS[3], unpack(keys)) end
      return {0, redis.call('HGETALL', KEYS[1]), keys, jsons}
      """;

  /** KEYS: record, order, events, index. ARGV: id. */
  static final String REMOVE = """
      local existed = redis.call('DEL', KEYS[1])
      redis.call('DEL', KEYS[2], KEYS[3])
      redis.call('ZREM', KEYS[4], ARGV[1])
      return existed
      """;

  /** KEYS: index. ARGV: now. */
  static final String SIZE = """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
      return redis.call('ZCARD', KEYS[1])
      """;

  private final String prefix;
  private final Duration ttl;
  private final Clock clock;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final Map<String, String> shas = new HashMap<>();

  private RedisStatusStore(Builder b, StatefulRedisConnection<String, String> connection) {
    this.prefix = b.prefix;
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.connection = connection;
    connection.setTimeout(b.timeout);
    this.redis = connection.sync();
    for (String script : List.of(APPLY, READ, REMOVE, SIZE)) {
      shas.put(script, redis.scriptLoad(script));
    }
  }

  /**
   * A builder.
   *
   * @param client the Lettuce client (yours: it is not shut down by the store)
   * @return the builder
   */
  public static Builder builder(RedisClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  private String[] keys(String messageId) {
    String rec = prefix + "m:" + messageId;
    return new String[] {rec, rec + ":e", rec + ":k", prefix + "index"};
  }

  /** Runs a script by its digest, loading it again if the server lost it (restarted or flushed). */
  private <T> T run(String script, String[] keys, String... args) {
    try {
      try {
        return redis.evalsha(shas.get(script), ScriptOutputType.MULTI, keys, args);
      } catch (RedisNoScriptException e) {
        return redis.eval(script, ScriptOutputType.MULTI, keys, args);
      }
    } catch (RuntimeException e) {
      throw RedisErrors.map(STORE, e);
    }
  }

  private <T> T runInteger(String script, String[] keys, String... args) {
    try {
      try {
        return redis.evalsha(shas.get(script), ScriptOutputType.INTEGER, keys, args);
      } catch (RedisNoScriptException e) {
        return redis.eval(script, ScriptOutputType.INTEGER, keys, args);
      }
    } catch (RuntimeException e) {
      throw RedisErrors.map(STORE, e);
    }
  }

  @Override
  public Applied apply(StatusUpdate update) {
    Objects.requireNonNull(update, "update");
    String[] k = keys(update.messageId());
    String recipient = "";
    String sentAt = "";
    String op;
    String at;
    String eventKey = "";
    String rank = "";
    String status = "";
    String hasReason = "0";
    String failCode = "";
    String failDesc = "";
    String json = "";
    if (update instanceof StatusUpdate.Track t) {
      op = "track";
      at = millis(clock.instant());
      sentAt = millis(t.sentAt());
      recipient = t.recipient() == null ? "" : t.recipient().value();
    } else if (update instanceof StatusUpdate.Event e) {
      op = "event";
      at = millis(e.at());
      eventKey = e.key();
      if (e.status() != null) {
        rank = String.valueOf(e.status().rank());
        status = e.status().name();
      }
      if (e.failure() != null) {
        hasReason = "1";
        failCode = e.failure().code() == null ? "" : String.valueOf(e.failure().code());
        failDesc = e.failure().description();
      }
      json = e.json();
    } else {
      op = "answered";
      at = millis(((StatusUpdate.Answered) update).at());
    }
    String to = recipient.isEmpty() ? k[3] : prefix + "to:" + sha256(recipient);
    List<Object> result = run(APPLY, new String[] {k[0], k[1], k[2], k[3], to}, op, at,
        String.valueOf(ttl.toMillis()), update.messageId(), sentAt, recipient, eventKey, rank, status, hasReason,
        failCode, failDesc, json, StatusRecord.NO_REASON.description());
    return new Applied(record(result), ((Long) result.get(0)) == 1L);
  }

  @Override
  public Optional<StatusRecord> get(String messageId) {
    String[] k = keys(Objects.requireNonNull(messageId, "messageId"));
    return Optional.ofNullable(record(run(READ, new String[] {k[0], k[1], k[2]})));
  }

  @Override
  public List<String> sentTo(Identity recipient) {
    Objects.requireNonNull(recipient, "recipient");
    try {
      return new ArrayList<>(redis.smembers(prefix + "to:" + sha256(recipient.value())));
    } catch (RuntimeException e) {
      throw RedisErrors.map(STORE, e);
    }
  }

  @Override
  public boolean remove(String messageId) {
    String[] k = keys(Objects.requireNonNull(messageId, "messageId"));
    Long existed = runInteger(REMOVE, k, messageId);
    return existed != null && existed == 1L;
  }

  @Override
  public long size() {
    Long n = runInteger(SIZE, new String[] {prefix + "index"}, millis(clock.instant()));
    return n == null ? 0 : n;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable StatusRecord record(List<Object> result) {
    if (result.size() < 4) {
      return null;
    }
    List<Object> flat = (List<Object>) result.get(1);
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      h.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
    }
    List<Object> keys = (List<Object>) result.get(2);
    List<Object> jsons = (List<Object>) result.get(3);
    List<StatusRecord.Event> events = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size() && i < jsons.size(); i++) {
      if (keys.get(i) != null && jsons.get(i) != null) {
        events.add(new StatusRecord.Event(String.valueOf(keys.get(i)), String.valueOf(jsons.get(i))));
      }
    }
    Reason failure = null;
    String given = h.get("failGiven");
    if ("0".equals(given)) {
      failure = StatusRecord.NO_REASON;
    } else if ("1".equals(given)) {
      String code = h.getOrDefault("failCode", "");
      failure = new Reason(code.isEmpty() ? null : Integer.valueOf(code), h.getOrDefault("failDesc", ""));
    }
    String recipient = h.get("recipient");
    String updatedAt = h.get("updatedAt");
    return new StatusRecord(h.get("id"), Instant.ofEpochMilli(Long.parseLong(h.get("sentAt"))),
        recipient == null ? null : Identity.parse(recipient), MessageStatus.valueOf(h.get("delivery")), failure,
        updatedAt == null ? null : Instant.ofEpochMilli(Long.parseLong(updatedAt)), "1".equals(h.get("answered")),
        events);
  }

  private static String millis(Instant t) {
    return String.valueOf(t.toEpochMilli());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Closes the connection. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "RedisStatusStore{prefix=" + prefix + ", ttl=" + ttl + "}";
  }

  /** Builds a {@link RedisStatusStore}. Not thread-safe. */
  public static final class Builder {
    private final RedisClient client;
    private String prefix = "blip-sdk:status:";
    private Duration ttl = Duration.ofDays(3);
    private Duration timeout = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();

    private Builder(RedisClient client) {
      this.client = client;
    }

    /**
     * The prefix of the keys (default {@code blip-sdk:status:}).
     *
     * @param prefix non-blank, without whitespace
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.prefix = RedisErrors.key(prefix, "keyPrefix");
      return this;
    }

    /**
     * How long a record is kept after its last change (default 3 days, Blip's retention of notifications).
     *
     * @param ttl at least 1 second, at most 3650 days
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(3650)) > 0) {
        throw new IllegalArgumentException("ttl must be between 1 second and 3650 days, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * How long a Redis command may take (default 1 s).
     *
     * @param timeout positive, at most 1 hour
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = RedisErrors.positive(timeout, "timeout");
      return this;
    }

    /**
     * The clock that times records created by {@link StatusUpdate.Track} and the index (default the system
     * clock; use the tracker's clock in tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Connects, loads the scripts and builds the store.
     *
     * @return the store
     * @throws StoreException if Redis cannot be reached
     */
    public RedisStatusStore build() {
      StatefulRedisConnection<String, String> connection;
      try {
        connection = client.connect();
      } catch (RuntimeException e) {
        throw RedisErrors.map(STORE, e);
      }
      try {
        return new RedisStatusStore(this, connection);
      } catch (RuntimeException e) {
        connection.close();
        throw RedisErrors.map(STORE, e);
      }
    }
  }
}
