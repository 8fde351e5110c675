package dev.blipsdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The floor: what a developer writes against the Blip HTTP API with raw OkHttp + Moshi and nothing else. The
 * same envelopes (a random version-4 UUID id from {@code ThreadLocalRandom}, as the SDK's default id supplier
 * does, and the same fields), the same {@code Authorization: Key ...} header, the
 * response parsed with a Moshi class adapter. No retries, no deadline, no typed errors: only a status check.
 *
 * <p>Thread-safe.
 */
public final class RawClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl messagesUrl;
  private final HttpUrl commandsUrl;
  private final String authorization;
  private final JsonAdapter<MoshiModels.OutgoingMessage> messageAdapter;
  private final JsonAdapter<MoshiModels.OutgoingCommand> commandAdapter;
  private final JsonAdapter<MoshiModels.ContactResponse> contactAdapter;
  private final JsonAdapter<Object> treeAdapter;

  /**
   * Creates the raw client.
   *
   * @param http the OkHttp client
   * @param baseUrl the server's base URL
   * @param authorization the full {@code Authorization} value
   */
  public RawClient(OkHttpClient http, String baseUrl, String authorization) {
    this.http = http;
    HttpUrl base = HttpUrl.get(baseUrl);
    this.messagesUrl = base.newBuilder().addPathSegment("messages").build();
    this.commandsUrl = base.newBuilder().addPathSegment("commands").build();
    this.authorization = authorization;
    Moshi moshi = new Moshi.Builder().build();
    this.messageAdapter = moshi.adapter(MoshiModels.OutgoingMessage.class);
    this.commandAdapter = moshi.adapter(MoshiModels.OutgoingCommand.class);
    this.contactAdapter = moshi.adapter(MoshiModels.ContactResponse.class);
    this.treeAdapter = moshi.adapter(Object.class);
  }

  /**
   * {@code POST /messages} with a text message.
   *
   * @param to the recipient
   * @param text the text
   * @return the message id
   */
  public String sendText(String to, String text) {
    MoshiModels.OutgoingMessage m = new MoshiModels.OutgoingMessage();
    m.id = newId();
    m.to = to;
    m.type = "text/plain";
    m.content = text;
    Buffer buffer = new Buffer();
    try {
      messageAdapter.toJson(buffer, m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    postMessage(buffer);
    return m.id;
  }

  /**
   * {@code POST /messages} with the WhatsApp template message the SDK's {@code TemplateMessage} of the harness
   * makes (image header, two body variables, a quick reply), written by Moshi from maps and lists: what a developer
   * writes without the SDK.
   *
   * @param to the recipient
   * @return the message id
   */
  public String sendTemplate(String to) {
    String id = newId();
    Map<String, Object> template = templateContent();
    Map<String, Object> envelope = new java.util.LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("to", to);
    envelope.put("type", "application/json");
    envelope.put("content", template);
    Buffer buffer = new Buffer();
    try {
      treeAdapter.toJson(buffer, envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    postMessage(buffer);
    return id;
  }

  /** Sends the message in {@code buffer} ({@code POST /messages}) and checks the 202. */
  private void postMessage(Buffer buffer) {
    Request request = new Request.Builder().url(messagesUrl).header("Authorization", authorization)
        .post(RequestBody.create(buffer.readByteString(), JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 202) {
        throw new IllegalStateException("POST /messages answered " + response.code());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content of the harness's template message (image header, two body variables, a quick reply) as maps and
   * lists, as a developer without the SDK writes it; the JMH serialisation benchmark uses it too.
   *
   * @return the content
   */
  static Map<String, Object> templateContent() {
    return Map.of("type", "template", "template", Map.of(
        "name", "order_shipped",
        "language", Map.of("code", "pt_BR", "policy", "deterministic"),
        "components", List.of(
            Map.of("type", "header", "parameters", List.of(Map.of("type", "image", "image",
                Map.of("link", "https://cdn.example.com/l.png")))),
            Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "Maria"),
                Map.of("type", "text", "text", "#48213"))),
            Map.of("type", "button", "sub_type", "quick_reply", "index", "0",
                "parameters", List.of(Map.of("type", "payload", "payload", "Sim"))))));
  }

  /**
   * {@code POST /commands} with a {@code get} command, the response bound to a contact.
   *
   * @param to the command's {@code to}
   * @param uri the command's uri
   * @return the contact
   */
  public MoshiModels.Contact getContact(String to, String uri) {
    MoshiModels.OutgoingCommand c = new MoshiModels.OutgoingCommand();
    c.id = newId();
    c.to = to;
    c.method = "get";
    c.uri = uri;
    Buffer buffer = new Buffer();
    try {
      commandAdapter.toJson(buffer, c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Request request = new Request.Builder().url(commandsUrl).header("Authorization", authorization)
        .post(RequestBody.create(buffer.readByteString(), JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("POST /commands answered " + response.code());
      }
      MoshiModels.ContactResponse body = contactAdapter.fromJson(response.body().source());
      if (body == null || !"success".equals(body.status) || body.resource == null) {
        throw new IllegalStateException("get " + uri + " did not succeed");
      }
      return body.resource;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A random version-4 UUID string from {@link ThreadLocalRandom}: what a developer who knows ids need only be
   * unique writes, and the same work as the SDK's default envelope id supplier, so neither side pays for
   * {@code SecureRandom} (shared and locked) when the other does not.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }
}
