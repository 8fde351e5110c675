package dev.blipsdk.desk;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeClock;
import java.time.Instant;

/** A FakeBlip on 127.0.0.1 with a manual clock, and a DeskClient talking to it over HTTP. */
final class DeskFixture implements AutoCloseable {
  final FakeClock clock = FakeClock.manual(Instant.parse("2024-05-06T12:00:00Z"));
  final FakeBlip fake;
  final BlipClient blip;
  final DeskClient desk;

  DeskFixture() {
    fake = FakeBlip.builder().clock(clock).start();
    blip = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(clock).retryPolicy(RetryPolicy.none()).build();
    desk = DeskClient.of(blip);
  }

  @Override
  public void close() {
    blip.close();
    fake.close();
  }
}
