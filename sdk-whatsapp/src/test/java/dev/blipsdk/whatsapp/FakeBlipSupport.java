package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.ReceivedEnvelope;
import java.util.List;
import java.util.function.Function;

/** Wiring of a BlipClient and WhatsAppClient to a FakeBlip in virtual time. */
final class FakeBlipSupport {
  private FakeBlipSupport() {}

  static BlipClient blip(FakeBlip fake, VirtualTime time) {
    return BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock()).sleeper(time).retryPolicy(RetryPolicy.defaults()).build();
  }

  static WhatsAppClient whatsApp(FakeBlip fake, VirtualTime time,
      Function<WhatsAppClient.Builder, WhatsAppClient.Builder> config) {
    return config.apply(WhatsAppClient.builder(blip(fake, time)).sleeper(time)).build();
  }

  static List<ReceivedEnvelope> commands(FakeBlip fake, String uriFragment) {
    return fake.receivedEnvelopes().stream()
        .filter(e -> e.endpoint().equals("/commands") && String.valueOf(e.field("uri")).contains(uriFragment))
        .toList();
  }

  static List<ReceivedEnvelope> messages(FakeBlip fake) {
    return fake.receivedEnvelopes().stream().filter(e -> e.endpoint().equals("/messages")).toList();
  }
}
