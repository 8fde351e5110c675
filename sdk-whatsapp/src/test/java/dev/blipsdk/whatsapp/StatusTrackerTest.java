package dev.blipsdk.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.envelope.NotificationEvent;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracker fed directly with core Notifications, as a webhook would. No HTTP needed. */
class StatusTrackerTest {
  final FakeClock clock = FakeClock.manual();
  final WhatsAppClient wa = WhatsAppClient.builder(BlipClient.builder().baseUrl("http://127.0.0.1:9")
      .credentials("bot", "key").clock(clock).build()).sleeper(new VirtualTime(clock)).build();
  final StatusTracker tracker = wa.statusTracker();

  static Notification n(String id, String event, String from, Reason reason) {
    return new Notification(id, Node.parse(from), Node.parse("bot@msging.net"), null,
        NotificationEvent.fromWire(event), event, reason, Map.of());
  }

  static Notification n(String id, String event, String from) {
    return n(id, event, from, null);
  }

  @Test
  void furthestStateWinsAndDuplicatesAreDropped() {
    tracker.track("m1", null, clock.instant());
    List<StatusReport> seen = new ArrayList<>();
    tracker.addListener(seen::add);
    assertTrue(tracker.accept(n("m1", "received", "5531999998888@wa.gw.msging.net/x")));
    assertTrue(tracker.accept(n("m1", "accepted", "postmaster@msging.net/a")), "late, recorded, no regress");
    assertTrue(tracker.accept(n("m1", "dispatched", "postmaster@msging.net/a")));
    assertFalse(tracker.accept(n("m1", "received", "5531999998888@wa.gw.msging.net/x")), "duplicate");
    assertTrue(tracker.accept(n("m1", "received", "abc@tunnel.msging.net")), "another hop");
    StatusReport r = tracker.status("m1").orElseThrow();
    assertEquals(MessageStatus.DELIVERED, r.status());
    assertEquals(4, r.notifications().size());
    assertEquals(4, seen.size());
    tracker.accept(n("m1", "consumed", "5531999998888@wa.gw.msging.net/x"));
    tracker.accept(n("m1", "received", "other@wa.gw.msging.net"));
    assertEquals(MessageStatus.READ, tracker.status("m1").orElseThrow().status());
  }

  @Test
  void failedKeepsItsReasonAndALaterDeliveryMovesItOn() {
    tracker.track("m2", null, clock.instant());
    tracker.accept(n("m2", "accepted", "postmaster@msging.net"));
    tracker.accept(n("m2", "failed", "postmaster@wa.gw.msging.net", Reason.of(81, "131026 undeliverable")));
    tracker.accept(n("m2", "dispatched", "postmaster@msging.net"));
    StatusReport failed = tracker.status("m2").orElseThrow();
    assertEquals(MessageStatus.FAILED, failed.status());
    assertEquals(81, failed.failure().code());
    clock.advance(Duration.ofHours(30));
    assertEquals(MessageStatus.FAILED, tracker.status("m2").orElseThrow().status(), "failed never expires");
    tracker.accept(n("m2", "received", "5531999998888@wa.gw.msging.net"));
    StatusReport multiDevice = tracker.status("m2").orElseThrow();
    assertEquals(MessageStatus.EXPIRED, multiDevice.status(), "delivered, then unanswered past the window");
    assertEquals(MessageStatus.DELIVERED, multiDevice.deliveryStatus());
    assertEquals("131026 undeliverable", multiDevice.failure().description());
  }

  @Test
  void aReasonGivenByAnotherHopReplacesAFailureWithoutOne() {
    tracker.track("m3", null, clock.instant());
    tracker.accept(n("m3", "failed", "postmaster@msging.net/a"));
    assertEquals(null, tracker.status("m3").orElseThrow().failure().code());
    tracker.accept(n("m3", "failed", "postmaster@wa.gw.msging.net", Reason.of(81, "132000 parameter count")));
    tracker.accept(n("m3", "failed", "abc@tunnel.msging.net", Reason.of(1, "other")));
    StatusReport r = tracker.status("m3").orElseThrow();
    assertEquals(MessageStatus.FAILED, r.status());
    assertEquals(81, r.failure().code(), "the first real reason wins");
  }

  @Test
  void expiryIsMeasuredFromTheSendWithTheClock() {
    StatusTracker shortWindow = StatusTracker.builder(wa).expiryWindow(Duration.ofMinutes(10)).build();
    shortWindow.track("m3", null, clock.instant());
    shortWindow.accept(n("m3", "dispatched", "postmaster@msging.net"));
    clock.advance(Duration.ofMinutes(9));
    assertEquals(MessageStatus.SENT, shortWindow.status("m3").orElseThrow().status());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(MessageStatus.EXPIRED, shortWindow.status("m3").orElseThrow().status());
    assertTrue(shortWindow.markAnswered("m3"));
    assertEquals(MessageStatus.SENT, shortWindow.status("m3").orElseThrow().status());
  }

  @Test
  void untrackedNotificationsStartTrackingAndBadOnesAreRefused() {
    assertTrue(tracker.accept(n("m4", "dispatched", "postmaster@msging.net")));
    assertEquals(MessageStatus.SENT, tracker.status("m4").orElseThrow().status());
    assertEquals(clock.instant(), tracker.status("m4").orElseThrow().sentAt());
    assertThrows(IllegalArgumentException.class, () -> tracker.accept(new Notification(null, null, null, null,
        NotificationEvent.RECEIVED, "received", null, Map.of())));
    assertTrue(tracker.accept(n("m4", "deleted-by-magic", "postmaster@msging.net")), "unknown event kept");
    assertEquals(MessageStatus.SENT, tracker.status("m4").orElseThrow().status());
    assertTrue(tracker.forget("m4"));
    assertTrue(tracker.status("m4").isEmpty());
  }

  @Test
  void boundedMemory() {
    StatusTracker small = StatusTracker.builder(wa).maxTracked(3).build();
    for (int i = 0; i < 5; i++) {
      small.track("m" + i, null, clock.instant());
    }
    assertEquals(3, small.size());
    assertTrue(small.status("m0").isEmpty());
    assertTrue(small.status("m4").isPresent());
  }
}
