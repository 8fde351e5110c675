package dev.blipsdk.core;

import java.lang.reflect.Field;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Looks inside a client for tests: waits until its dispatcher runs no call. */
final class OkHttpClientProbe {
  private OkHttpClientProbe() {}

  static void awaitIdle(BlipClient client, Duration timeout) throws Exception {
    Field f = BlipClient.class.getDeclaredField("http");
    f.setAccessible(true);
    OkHttpClient http = (OkHttpClient) f.get(client);
    long end = System.nanoTime() + timeout.toNanos();
    while (http.dispatcher().runningCallsCount() > 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError("call still running after cancel");
      }
      Thread.sleep(10);
    }
  }
}
