package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.WebhookDelivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POSTs envelopes to the configured webhook URLs, like Blip does: bare JSON, plus static custom headers. */
public final class WebhookSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(5, TimeUnit.SECONDS)
      .readTimeout(10, TimeUnit.SECONDS)
      .writeTimeout(10, TimeUnit.SECONDS)
      .retryOnConnectionFailure(false)
      .build();
  private final List<WebhookDelivery> deliveries = new ArrayList<>();

  /** Sends one envelope and records the outcome; never throws. */
  public void post(String kind, String url, String body, Map<String, String> staticHeaders,
      @Nullable Function<byte[], Map<String, String>> signer, Instant at) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>(staticHeaders);
    int status = -1;
    String error = null;
    try {
      if (signer != null) {
        Map<String, String> extra = signer.apply(bytes.clone());
        if (extra != null) {
          headers.putAll(extra);
        }
      }
      Request.Builder rb = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON));
      headers.forEach(rb::header);
      try (Response r = http.newCall(rb.build()).execute()) {
        status = r.code();
      }
    } catch (IOException | RuntimeException e) {
      error = e.toString();
      LOG.debug("webhook {} to {} failed: {}", kind, url, e.toString());
    }
    synchronized (deliveries) {
      deliveries.add(new WebhookDelivery(kind, url, body, Map.copyOf(headers), status, error, at));
    }
  }

  public List<WebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
