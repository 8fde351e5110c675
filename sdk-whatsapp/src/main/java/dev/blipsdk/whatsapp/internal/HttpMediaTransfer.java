package dev.blipsdk.whatsapp.internal;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.exception.BlipConnectionException;
import dev.blipsdk.core.exception.BlipHttpException;
import dev.blipsdk.core.exception.BlipProtocolException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.MediaFile;
import dev.blipsdk.whatsapp.MediaTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * {@link MediaTransfer#httpPost(BlipClient)}: {@code POST} of the raw bytes to the pre-signed upload URL,
 * streamed from the file, with no {@code Authorization} header. Thread-safe.
 */
public final class HttpMediaTransfer implements MediaTransfer {
  private final BlipClient client;

  /**
   * Creates the transfer.
   *
   * @param client the client whose OkHttp client sends the bytes
   */
  public HttpMediaTransfer(BlipClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public String upload(String uploadUrl, MediaFile file) {
    HttpUrl url = HttpUrl.parse(uploadUrl);
    if (url == null) {
      throw new BlipProtocolException("the upload URL Blip returned is not an http(s) URL");
    }
    MediaType type = MediaType.get(file.contentType());
    RequestBody body = new RequestBody() {
      @Override
      public @Nullable MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return file.size();
      }

      @Override
      public boolean isOneShot() {
        return false;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (InputStream in = file.openStream(); Source source = Okio.source(in)) {
          sink.writeAll(source);
        }
      }
    };
    Request request = new Request.Builder().url(url).post(body).build();
    try (Response response = CoreBridge.httpClient(client).newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new BlipHttpException("the media upload answered HTTP " + response.code(), response.code(),
            "media upload", text, response.code() >= 500, 1, null);
      }
      String location = response.header("Location");
      String found = fromBody(text);
      if (found == null && location != null) {
        found = url.resolve(location) == null ? location : String.valueOf(url.resolve(location));
      }
      if (found == null) {
        throw new BlipProtocolException("the media upload answered without the media URL (no mediaUri, uri, url,"
            + " JSON string or Location header)");
      }
      return found;
    } catch (IOException e) {
      throw new BlipConnectionException("the media upload failed: " + e.getClass().getSimpleName(), e, false, 1,
          null);
    }
  }

  /**
   * The media URL in the answer's body: a JSON string, or the first non-blank of {@link Answer}'s members; null
   * when the body is empty, not JSON, or none of those (the caller then tries the {@code Location} header).
   */
  private static @Nullable String fromBody(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    JsonDocument doc;
    try {
      doc = JsonDocument.parse(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (doc.isString()) {
      return doc.asString();
    }
    if (!doc.isObject()) {
      return null;
    }
    Answer answer;
    try {
      answer = doc.decode(Answer.class);
    } catch (BlipProtocolException e) {
      return null;   // a member of another shape (an object where the URL should be): no URL in the body
    }
    for (String candidate : new String[] {answer.mediaUri(), answer.uri(), answer.url(), answer.resource()}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The members of an upload answer that may hold the media URL, in the order they are tried, read by core's reader
   * (names without regard to case). UNCONFIRMED (API doc §8.1): no public source shows the answer; {@code mediaUri}
   * is the fake's, {@code resource} is where Blip's media commands put a URL. Exported to core only, for the reader.
   *
   * @param mediaUri the media URL, or null
   * @param uri the media URL, or null
   * @param url the media URL, or null
   * @param resource the media URL, or null
   */
  public record Answer(@Nullable String mediaUri, @Nullable String uri, @Nullable String url,
      @Nullable String resource) {}
}
