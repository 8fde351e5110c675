package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.observation.OperationListener;
import dev.blipsdk.core.observation.OperationObserver;
import dev.blipsdk.core.observation.OperationStart;
import dev.blipsdk.core.observation.Wait;
import dev.blipsdk.core.observation.WaitReason;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The names the WhatsApp module gives its calls, and the waits a bulk run reports, against the fake. */
class OperationNamesIntegrationTest {
  static final PhoneNumber ANA = PhoneNumber.parse("+55 31 99999-8888");

  final List<OperationStart> starts = new CopyOnWriteArrayList<>();
  final List<Wait> waits = new CopyOnWriteArrayList<>();
  final OperationListener listener = new OperationListener() {
    @Override
    public OperationObserver operationStarted(OperationStart start) {
      starts.add(start);
      return OperationObserver.NONE;
    }

    @Override
    public void waiting(Wait wait) {
      waits.add(wait);
    }
  };
  FakeBlip fake;
  VirtualTime time;

  WhatsAppClient start(FakeBlip.Builder b) {
    fake = b.start();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    time = new VirtualTime(fake.clock());
    BlipClient blip = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock()).sleeper(time).retryPolicy(RetryPolicy.defaults()).operationListener(listener).build();
    return WhatsAppClient.builder(blip).sleeper(time).build();
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void everyCallIsNamedWithATemplateAndNoNumber() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.bot().addWhatsAppAccount("+5531999998888", "Ana Souza");
    wa.resolve(ANA);
    SendReceipt receipt = wa.send(Identity.parse("5531988887777@wa.gw.msging.net"),
        TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    wa.templates().list();
    StatusTracker.builder(wa).build().poll(receipt.envelopeId());

    assertEquals(List.of("whatsapp.resolve lime://wa.gw.msging.net/accounts/{phone}", "whatsapp.send",
        "whatsapp.templates.list /message-templates", "whatsapp.status.poll /notifications"),
        starts.stream().map(s -> s.operation().toString()).toList());
    for (OperationStart s : starts) {
      assertFalse(s.toString().contains("5531"), s.toString());
    }
  }

  @Test
  void aBulkRunReportsItsPacingWaitsOnce() {
    WhatsAppClient wa = start(FakeBlip.builder());
    Instant t0 = fake.clock().instant();
    wa.bulk().ratePerSecond(50).concurrency(1).pacing(10, Duration.ofMinutes(1)).build()
        .start(IntStream.range(0, 25).mapToObj(BulkSenderIntegrationTest::recipient).toList()).join();

    List<Wait> windows = waits.stream().filter(w -> w.duration().compareTo(Duration.ofSeconds(30)) > 0).toList();
    assertEquals(2, windows.size(), waits.toString());
    assertTrue(windows.stream().allMatch(w -> w.reason() == WaitReason.PACING
        && w.operation().name().equals("whatsapp.send")));
    assertTrue(windows.get(0).duration().compareTo(Duration.between(t0, fake.clock().instant())) < 0);
    assertEquals(25, starts.stream().filter(s -> s.operation().name().equals("whatsapp.send")).count());
  }

  @Test
  void aBulkRunReportsItsPausesAfter429AsRateLimited() {
    WhatsAppClient wa = start(FakeBlip.builder().rateLimits(RateLimits.of(20, 0, 0)
        .withBlockWindow(Duration.ofSeconds(5)).withRetryAfter(true)));
    wa.bulk().ratePerSecond(50).concurrency(4).build()
        .start(IntStream.range(0, 100).mapToObj(BulkSenderIntegrationTest::recipient).toList()).join();

    assertTrue(waits.stream().anyMatch(w -> w.reason() == WaitReason.RATE_LIMITED
        && w.duration().compareTo(Duration.ofSeconds(1)) >= 0), waits.toString());
  }
}
