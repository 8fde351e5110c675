package dev.blipsdk.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A raw wire client for tests: OkHttp + Moshi generic trees, nothing from the SDK. */
final class Wire implements AutoCloseable {
  static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false).build();
  private final String base;
  private final @org.jspecify.annotations.Nullable String auth;
  private final OkHttpClient http;

  Wire(FakeBlip blip) {
    this(blip.baseUrl(), blip.authorizationHeader());
  }

  Wire(String base, @org.jspecify.annotations.Nullable String auth) {
    this(base, auth, HTTP);
  }

  private Wire(String base, @org.jspecify.annotations.Nullable String auth, OkHttpClient http) {
    this.base = base;
    this.auth = auth;
    this.http = http;
  }

  /** The same wire with another read timeout (for faults that never answer). */
  Wire readTimeout(java.time.Duration timeout) {
    return new Wire(base, auth, HTTP.newBuilder().readTimeout(timeout).build());
  }

  /** The wire of another bot of the fake. */
  static Wire of(FakeBot bot, FakeBlip blip) {
    return new Wire(blip.baseUrl(), bot.authorizationHeader());
  }

  record Answer(int code, String body, Response raw) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) JSON.fromJson(body);
      } catch (IOException e) {
        throw new AssertionError(body, e);
      }
    }
  }

  Answer post(String path, String body) throws IOException {
    Request.Builder rb = new Request.Builder().url(base + path)
        .post(RequestBody.create(body, MediaType.get("application/json")));
    if (auth != null) {
      rb.header("Authorization", auth);
    }
    try (Response resp = http.newCall(rb.build()).execute()) {
      return new Answer(resp.code(), resp.body().string(), resp);
    }
  }

  Answer post(String path, Map<String, ?> envelope) throws IOException {
    return post(path, JSON.toJson(envelope));
  }

  /** A command; returns the response command. */
  Map<String, Object> command(String to, String method, String uri, Object... typeAndResource) throws IOException {
    Map<String, Object> env = new java.util.LinkedHashMap<>();
    env.put("id", UUID.randomUUID().toString());
    if (to != null) {
      env.put("to", to);
    }
    env.put("method", method);
    env.put("uri", uri);
    if (typeAndResource.length == 2) {
      env.put("type", typeAndResource[0]);
      env.put("resource", typeAndResource[1]);
    }
    Answer a = post("/commands", env);
    if (a.code() != 200) {
      throw new AssertionError("HTTP " + a.code() + ": " + a.body());
    }
    Map<String, Object> json = a.json();
    if (!env.get("id").equals(json.get("id"))) {
      throw new AssertionError("id not echoed: " + a.body());
    }
    return json;
  }

  Answer message(String id, String to, String type, Object content, Map<String, String> metadata) throws IOException {
    Map<String, Object> env = new java.util.LinkedHashMap<>();
    env.put("id", id);
    env.put("to", to);
    env.put("type", type);
    env.put("content", content);
    if (!metadata.isEmpty()) {
      env.put("metadata", metadata);
    }
    return post("/messages", env);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> readJson(String body) throws IOException {
    return (Map<String, Object>) JSON.fromJson(body);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static java.util.List<Object> list(Object o) {
    return (java.util.List<Object>) o;
  }

  @Override
  public void close() {}
}
