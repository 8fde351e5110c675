package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.Chain;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media check of a template message's header: a {@code HEAD} request through the Blip client's OkHttp client,
 * within the operation's deadline; the URL must answer 2xx with a {@code Content-Type} of the header's kind.
 *
 * <p>Thread-safe.
 */
final class MediaChecker {
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppClient.class);
  private static final String STEP = "the media check";

  private final BlipClient blip;

  MediaChecker(BlipClient blip) {
    this.blip = blip;
  }

  /**
   * Checks the header media; completes at once when there is none. Cancelling the future cancels the request.
   *
   * @param message the message
   * @param deadline the operation's deadline
   * @return a future completed normally when the media is right, or failed with a
   *     {@link BlipValidationException} (rule {@code content-type} or {@code media-unreachable}), or with a
   *     {@code BlipTimeoutException} when the deadline passed
   */
  CompletableFuture<Void> check(TemplateMessage message, CoreBridge.Deadline deadline) {
    MediaKind kind = message.headerMediaKind();
    String url = message.headerMediaUrl();
    if (kind == null || url == null) {
      return CompletableFuture.completedFuture(null);
    }
    String field = "header." + kind.wireValue();
    Request request;
    try {
      request = new Request.Builder().url(url).head().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new BlipValidationException(field, "absolute-url",
          kind.wireValue() + " URL must be an absolute http or https URL"));
    }
    long left = deadline.remaining().toNanos();
    if (left <= 0) {
      return CompletableFuture.failedFuture(deadline.expired(STEP));
    }
    Chain<Void> result = new Chain<>();
    Call call = CoreBridge.httpClient(blip).newCall(request);
    call.timeout().timeout(left, TimeUnit.NANOSECONDS);
    result.track(call::cancel);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        if (deadline.remaining().isZero()) {
          result.completeExceptionally(deadline.expired(STEP));
          return;
        }
        result.completeExceptionally(new BlipValidationException(field, "media-unreachable",
            "could not check the " + kind.wireValue() + " URL with a HEAD request: " + e.getMessage()));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          if (!response.isSuccessful()) {
            result.completeExceptionally(new BlipValidationException(field, "media-unreachable",
                "the " + kind.wireValue() + " URL answered HTTP " + response.code()
                + " to a HEAD request; WhatsApp must be able to download it"));
            return;
          }
          String type = response.header("Content-Type");
          String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
          if (!kind.contentTypes().contains(mime)) {
            result.completeExceptionally(new BlipValidationException(field, "content-type",
                "the header needs a " + kind.wireValue() + " " + kind.contentTypes() + " but the URL serves '"
                + (type == null ? "no content type" : mime) + "'"));
            return;
          }
          LOG.debug("media header checked: {} is {}", kind, mime);
          result.complete(null);
        }
      }
    });
    return result;
  }
}
