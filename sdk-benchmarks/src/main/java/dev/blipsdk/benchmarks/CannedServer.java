package dev.blipsdk.benchmarks;

import dev.blipsdk.testing.internal.NoDelayServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The canned loopback server the harnesses measure against: fixed answers (202 for {@code /messages}, the contact
 * response of {@link Payloads#CONTACT_RESPONSE} for {@code /commands}, 404 otherwise), {@code TCP_NODELAY} on
 * accepted sockets, so the server's cost is small and the same for every client. Plus the few helpers the
 * harnesses share.
 */
final class CannedServer {
  /** The bot identifier the harnesses send as. */
  static final String IDENTIFIER = "fakebot";
  /** The access key the harnesses send. */
  static final String ACCESS_KEY = "fake-access-key";

  private CannedServer() {}

  /** Starts the canned server on 127.0.0.1 and a free port. */
  static MockWebServer start() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    MockResponse accepted = new MockResponse.Builder().code(202).build();
    MockResponse contact = new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8").body(Payloads.CONTACT_RESPONSE).build();
    MockResponse notFound = new MockResponse.Builder().code(404).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return path.equals("/messages") ? accepted : path.equals("/commands") ? contact : notFound;
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** Drops the requests the server recorded (MockWebServer keeps every one for {@code takeRequest()}). */
  static void drain(MockWebServer server) {
    try {
      while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The {@code Authorization} value for an identifier and access key: {@code Key base64(id:key)}. */
  static String keyAuthorization(String identifier, String accessKey) {
    return "Key " + Base64.getEncoder()
        .encodeToString((identifier + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code q} quantile of {@code values} (linear between ranks); NaN when there are none. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
