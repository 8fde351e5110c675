package dev.blipsdk.whatsapp;

import static dev.blipsdk.whatsapp.FakeBlipSupport.commands;
import static dev.blipsdk.whatsapp.FakeBlipSupport.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.envelope.Node;
import dev.blipsdk.core.exception.BlipValidationException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.MessageScript;
import dev.blipsdk.testing.TemplateListShape;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every WhatsApp capability against the fake Blip over HTTP on 127.0.0.1, in virtual time. */
class WhatsAppClientIntegrationTest {
  static final PhoneNumber ANA = PhoneNumber.parse("+55 31 99999-8888");
  static final Identity ANA_ID = Identity.parse("5531999998888@wa.gw.msging.net");

  FakeBlip fake;
  VirtualTime time;

  WhatsAppClient start(FakeBlip.Builder b) {
    fake = b.start();
    time = new VirtualTime(fake.clock());
    return FakeBlipSupport.whatsApp(fake, time, x -> x);
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  static FakeTemplate order() {
    return FakeTemplate.builder("order_shipped", "pt_BR").header(FakeTemplate.HeaderFormat.IMAGE)
        .body("Oi {{1}}, seu pedido {{2}} saiu.").footer("Loja X").quickReplies("Sim", "Não").build();
  }

  // ---- recipients ----------------------------------------------------------------------------

  @Test
  void resolvesANumberWithTheMandatoryPlus() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.bot().addWhatsAppAccount("+5531999998888", "Ana Souza");
    Resolution r = wa.resolve(ANA);
    Resolution.Found found = assertInstanceOf(Resolution.Found.class, r);
    assertEquals(ANA_ID, found.account());
    assertEquals("Ana Souza", found.fullName());
    assertEquals("lime://wa.gw.msging.net/accounts/+5531999998888",
        commands(fake, "/accounts/").get(0).field("uri"));
    assertEquals("postmaster@wa.gw.msging.net", commands(fake, "/accounts/").get(0).field("to"));
    assertFalse(found.toString().contains("99999"), "masked: " + found);
  }

  @Test
  void notOnWhatsAppIsADistinctOutcomeAndASendToItSendsNothing() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.bot().markNotOnWhatsApp("+5531988887777");
    PhoneNumber nobody = PhoneNumber.parse("+55 31 98888-7777");
    Resolution.NotOnWhatsApp no = assertInstanceOf(Resolution.NotOnWhatsApp.class, wa.resolve(nobody));
    assertEquals(67, no.reason().code());
    assertInstanceOf(Resolution.NotOnWhatsApp.class, wa.resolveAsync(nobody).join());
    NotOnWhatsAppException e = assertThrows(NotOnWhatsAppException.class,
        () -> wa.send(nobody, TemplateMessage.of("welcome", "pt_BR")));
    assertEquals(nobody, e.resolution().phoneNumber());
    CompletionException async = assertThrows(CompletionException.class,
        () -> wa.sendAsync(Recipient.of(nobody), TemplateMessage.of("welcome", "pt_BR")).join());
    assertInstanceOf(NotOnWhatsAppException.class, async.getCause());
    assertTrue(messages(fake).isEmpty(), "nothing sent");
  }

  @Test
  void concurrentLookupsOfOneNumberShareOneRequest() throws Exception {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.bot().addWhatsAppAccount("+5531999998888", "Ana Souza");
    fake.inject(dev.blipsdk.testing.Fault.latency(Duration.ofMillis(400))
        .onCommandUri("lime://wa.gw.msging.net/accounts").once());
    CompletableFuture<Resolution> first = wa.resolveAsync(ANA);
    CompletableFuture<Resolution> cancelled = wa.resolveAsync(ANA);
    CompletableFuture<Resolution> blocking = CompletableFuture.supplyAsync(() -> wa.resolve(ANA));
    cancelled.cancel(true);
    Resolution.Found a = assertInstanceOf(Resolution.Found.class, first.get(5, TimeUnit.SECONDS));
    Resolution.Found b = assertInstanceOf(Resolution.Found.class, blocking.get(5, TimeUnit.SECONDS));
    assertEquals(ANA_ID, a.account());
    assertEquals(ANA_ID, b.account());
    assertEquals(1, commands(fake, "/accounts/").size(), "one lookup for three concurrent callers");
    wa.resolve(ANA);
    assertEquals(2, commands(fake, "/accounts/").size(), "without a cache, a later call looks up again");
  }

  @Test
  void cancellingAnAsyncSendDuringTheResolutionSendsNothing() throws Exception {
    fake = FakeBlip.start();
    time = new VirtualTime(fake.clock());
    // one call at a time, and a way to see when the dispatcher has nothing left to run
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(1);
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().dispatcher(dispatcher).build();
    WhatsAppClient wa = WhatsAppClient.builder(FakeBlipSupport.blip(fake, time).newBuilder().httpClient(http).build())
        .sleeper(time).build();
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    fake.inject(dev.blipsdk.testing.Fault.latency(Duration.ofMillis(300))
        .onCommandUri("lime://wa.gw.msging.net/accounts").once());
    CompletableFuture<SendReceipt> f = wa.sendAsync(Recipient.of(ANA),
        TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    assertTrue(f.cancel(true));
    // the lookup the cancel left alone completes; a send following it would be enqueued from the lookup's own
    // callback, before that call is finished, so the dispatcher becomes idle only after such a send is answered
    wa.resolveAsync(ANA).get(5, TimeUnit.SECONDS);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (dispatcher.runningCallsCount() + dispatcher.queuedCallsCount() > 0 && System.nanoTime() < end) {
      Thread.sleep(1); // polling a condition, not waiting before a negative check
    }
    assertEquals(0, dispatcher.runningCallsCount() + dispatcher.queuedCallsCount(), "the dispatcher went idle");
    assertTrue(messages(fake).isEmpty(), "nothing sent after the cancel");
    SendReceipt ok = wa.sendAsync(Recipient.of(ANA), TemplateMessage.of("welcome", "pt_BR").body("Ana"))
        .get(5, TimeUnit.SECONDS);
    assertEquals(ok.envelopeId(), messages(fake).get(0).field("id"));
  }

  @Test
  void cachesResolutionsUntilTheyExpireOnTheClientClock() {
    fake = FakeBlip.start();
    time = new VirtualTime(fake.clock());
    WhatsAppClient wa = FakeBlipSupport.whatsApp(fake, time, b -> b.resolutionCache(100, Duration.ofDays(1)));
    wa.resolve(ANA);
    wa.resolve(ANA);
    wa.resolveAsync(ANA).join();
    assertEquals(1, commands(fake, "/accounts/").size(), "served from the cache");
    fake.clock().advance(Duration.ofHours(23));
    wa.resolve(ANA);
    assertEquals(1, commands(fake, "/accounts/").size());
    fake.clock().advance(Duration.ofHours(1));
    wa.resolve(ANA);
    assertEquals(2, commands(fake, "/accounts/").size(), "expired after 24 h");
    wa.evictResolution(ANA);
    wa.resolve(ANA);
    assertEquals(3, commands(fake, "/accounts/").size());
    assertThrows(IllegalArgumentException.class,
        () -> WhatsAppClient.builder(wa.blip()).resolutionCache(10, Duration.ofDays(8)));
  }

  @Test
  void notOnWhatsAppIsNotCachedUnlessAsked() {
    fake = FakeBlip.start();
    time = new VirtualTime(fake.clock());
    fake.bot().markNotOnWhatsApp("+5531988887777");
    PhoneNumber nobody = PhoneNumber.parse("+5531988887777");
    WhatsAppClient plain = FakeBlipSupport.whatsApp(fake, time, b -> b.resolutionCache(10, Duration.ofDays(7)));
    plain.resolve(nobody);
    plain.resolve(nobody);
    assertEquals(2, commands(fake, "/accounts/").size());
    WhatsAppClient negative = FakeBlipSupport.whatsApp(fake, time,
        b -> b.resolutionCache(10, Duration.ofDays(7)).cacheNotOnWhatsApp(true));
    negative.resolve(nobody);
    negative.resolve(nobody);
    assertEquals(3, commands(fake, "/accounts/").size());
  }

  // ---- catalog -------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(TemplateListShape.class)
  void listsTemplatesWhateverTheShapeAndStatusCasing(TemplateListShape shape) {
    for (boolean upper : new boolean[] {true, false}) {
      WhatsAppClient wa = start(FakeBlip.builder().templateListShape(shape).templateStatusUpperCase(upper));
      fake.seedTemplate(order());
      fake.seedTemplate(FakeTemplate.of("order_shipped", "en_US", "Hi {{1}}"));
      fake.seedTemplate(FakeTemplate.builder("draft", "pt_BR").status("PENDING").body("x").build());
      List<Template> all = wa.templates().list();
      assertEquals(3, all.size(), shape + " upper=" + upper);
      List<Template> approved = wa.templates().list(TemplateQuery.all().status("approved"));
      assertEquals(2, approved.size());
      assertTrue(approved.stream().allMatch(Template::isApproved));
      assertEquals(upper ? "APPROVED" : "Approved", approved.get(0).status());
      Template t = wa.templates().find("order_shipped", "pt_BR").orElseThrow();
      assertEquals(HeaderFormat.IMAGE, t.header().format());
      assertEquals(List.of("1", "2"), t.bodyPlaceholders());
      assertEquals("Loja X", t.footerText());
      assertEquals(List.of("Sim", "Não"), t.buttons().stream().map(TemplateButton::text).toList());
      assertTrue(wa.templates().find("order_shipped", "es").isEmpty());
      assertEquals(1, wa.templates().findAsync("order_shipped", "en_US").join().orElseThrow()
          .bodyPlaceholders().size());
      String uri = String.valueOf(commands(fake, "/message-templates").get(1).field("uri"));
      assertTrue(uri.contains("status=approved") && uri.contains("$take=200"), uri);
      fake.close();
    }
    fake = null;
  }

  // ---- sending -------------------------------------------------------------------------------

  @Test
  void sendsTheTemplateAndReturnsTheEnvelopeId() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(order());
    TemplateMessage m = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://cdn.x.com/box.png")
        .body("Ana", "#4411").quickReply(0, "yes");
    SendReceipt r = wa.send(ANA, m);
    assertEquals(ANA_ID, r.recipient());
    assertEquals(fake.clock().instant(), r.sentAt());
    var sent = messages(fake);
    assertEquals(1, sent.size());
    assertEquals(r.envelopeId(), sent.get(0).id());
    assertEquals("application/json", sent.get(0).field("type"));
    assertTrue(sent.get(0).json().contains("\"content\":" + m.toContent().json()), sent.get(0).json());
    SendReceipt given = wa.send(Recipient.of(ANA_ID), m, SendOptions.builder().envelopeId("crm-42").build());
    assertEquals("crm-42", given.envelopeId());
    SendReceipt async = wa.sendAsync(Recipient.of(ANA_ID), m).join();
    assertEquals(3, messages(fake).size());
    assertEquals(async.envelopeId(), messages(fake).get(2).id());
  }

  @Test
  void aWrongVariableCountIsRefusedBeforeAnyHttpCallWhenTheDefinitionIsAtHand() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(order());
    Template def = wa.templates().find("order_shipped", "pt_BR").orElseThrow();
    int before = fake.httpRequestCount();
    TemplateMessage wrong = TemplateMessage.of("order_shipped", "pt_BR").headerImage("https://cdn.x.com/box.png")
        .body("Ana");
    BlipValidationException e = assertThrows(BlipValidationException.class,
        () -> wa.send(Recipient.of(ANA), wrong, SendOptions.builder().template(def).build()));
    assertEquals("body", e.field());
    assertEquals("variable-count", e.rule());
    CompletionException async = assertThrows(CompletionException.class,
        () -> wa.sendAsync(Recipient.of(ANA), wrong, SendOptions.builder().template(def).build()).join());
    assertInstanceOf(BlipValidationException.class, async.getCause());
    BlipValidationException kind = assertThrows(BlipValidationException.class, () -> wa.send(Recipient.of(ANA),
        wrong.body("Ana", "1").headerVideo("https://x.com/v.mp4"), SendOptions.builder().template(def).build()));
    assertEquals("header-kind", kind.rule());
    assertEquals(before, fake.httpRequestCount(), "the server received nothing");
  }

  @Test
  void withoutADefinitionTheSameMistakeIsReportedByTheLaterFailedStatus() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(order());
    SendReceipt r = wa.send(ANA_ID, TemplateMessage.of("order_shipped", "pt_BR")
        .headerImage("https://cdn.x.com/box.png").body("Ana"));
    StatusTracker tracker = wa.statusTracker();
    tracker.track(r);
    StatusReport report = tracker.await(r.envelopeId(), EnumSet.of(MessageStatus.DELIVERED, MessageStatus.READ,
        MessageStatus.FAILED), Duration.ofMinutes(5));
    assertEquals(MessageStatus.FAILED, report.status());
    assertNotNull(report.failure());
    assertTrue(report.failure().description().contains("132000"), report.failure().toString());
    Object code = fake.bot().failureReason(r.envelopeId()).get("code");
    assertEquals(((Number) code).intValue(), report.failure().code().intValue());
  }

  @Test
  void aSendWithNoAnswerFor25HoursReadsExpired() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    SendReceipt r = wa.send(ANA_ID, TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    StatusTracker tracker = wa.statusTracker();
    tracker.track(r);
    fake.awaitIdle();
    assertEquals(MessageStatus.READ, tracker.poll(r.envelopeId()).status());
    fake.clock().advance(Duration.ofHours(25));
    StatusReport later = tracker.status(r.envelopeId()).orElseThrow();
    assertEquals(MessageStatus.EXPIRED, later.status());
    assertEquals(MessageStatus.READ, later.deliveryStatus());
    assertEquals(r.sentAt().plus(Duration.ofHours(24)), later.expiresAt());
  }

  @Test
  void anAnswerWithinTheWindowPreventsExpiry() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    SendReceipt r = wa.send(ANA_ID, TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    StatusTracker tracker = StatusTracker.builder(wa).expiryWindow(Duration.ofHours(2)).build();
    tracker.track(r);
    fake.clock().advance(Duration.ofHours(1));
    Message reply = Message.text(Node.parse("bot@msging.net"), "Sim")
        .withId("in-1");
    reply = new Message(reply.id(), Node.parse("5531999998888@wa.gw.msging.net/instance"), reply.to(), null,
        reply.type(), reply.content(), Map.of());
    assertEquals(1, tracker.recordReply(reply));
    fake.clock().advance(Duration.ofHours(3));
    StatusReport s = tracker.poll(r.envelopeId());
    assertTrue(s.answered());
    assertEquals(MessageStatus.READ, s.status());
  }

  @Test
  void awaitPollsWithBackoffUntilDelivered() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    fake.script("5531999998888@wa.gw.msging.net", MessageScript.delivered().withStepDelay(Duration.ofSeconds(20)));
    SendReceipt r = wa.send(ANA_ID, TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    StatusTracker tracker = wa.statusTracker();
    tracker.track(r);
    CompletableFuture<StatusReport> f = tracker.awaitAsync(r.envelopeId(), EnumSet.of(MessageStatus.DELIVERED),
        Duration.ofMinutes(5));
    StatusReport report = f.join();
    assertEquals(MessageStatus.DELIVERED, report.status());
    long polls = commands(fake, "/notifications?id=").size();
    assertTrue(polls >= 3 && polls <= 10, "backoff keeps the polls few: " + polls);
    StatusTimeoutException timeout = assertThrows(StatusTimeoutException.class,
        () -> tracker.await(r.envelopeId(), EnumSet.of(MessageStatus.READ), Duration.ofSeconds(30)));
    assertEquals(MessageStatus.DELIVERED, timeout.lastReport().status());
  }

  @Test
  void awaitHonoursRetryAfterOnRateLimitedPolls() {
    WhatsAppClient wa = start(FakeBlip.builder());
    fake.seedTemplate(FakeTemplate.of("welcome", "pt_BR", "Olá {{1}}!"));
    SendReceipt r = wa.send(ANA_ID, TemplateMessage.of("welcome", "pt_BR").body("Ana"));
    fake.inject(dev.blipsdk.testing.Fault.tooManyRequests(Duration.ofSeconds(40)).onPath("/commands").times(4));
    StatusTracker tracker = StatusTracker.builder(wa).pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(2))
        .build();
    tracker.track(r);
    var start = fake.clock().instant();
    StatusReport report = tracker.await(r.envelopeId(), EnumSet.of(MessageStatus.READ), Duration.ofMinutes(10));
    assertEquals(MessageStatus.READ, report.status());
    assertTrue(Duration.between(start, fake.clock().instant()).compareTo(Duration.ofSeconds(40)) >= 0,
        "waited at least the Retry-After");
  }

  @Test
  void cancellingAnAwaitCancelsItsPendingWaitAndPollsNoMore() throws Exception {
    fake = FakeBlip.start();
    List<CompletableFuture<Void>> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
    dev.blipsdk.core.Sleeper parked = new dev.blipsdk.core.Sleeper() {
      @Override
      public void sleep(Duration d) {
        fake.clock().advance(d);
      }

      @Override
      public CompletableFuture<Void> delay(Duration d) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        delays.add(f);
        return f;
      }
    };
    WhatsAppClient wa = WhatsAppClient.builder(FakeBlipSupport.blip(fake, new VirtualTime(fake.clock())))
        .sleeper(parked).build();
    StatusTracker tracker = wa.statusTracker();
    CompletableFuture<StatusReport> f = tracker.awaitAsync("m-1", EnumSet.of(MessageStatus.READ),
        Duration.ofHours(1));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (delays.isEmpty() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertEquals(1, delays.size(), "polled once, then waits");
    assertTrue(f.cancel(true));
    assertTrue(delays.get(0).isCancelled(), "the pending wait is cancelled with the await");
    assertEquals(1, commands(fake, "/notifications?id=").size());
  }

  @Test
  void aBlockingAwaitAnswersAnInterrupt() {
    WhatsAppClient wa = start(FakeBlip.builder());
    StatusTracker tracker = wa.statusTracker();
    Thread.currentThread().interrupt();
    dev.blipsdk.core.exception.BlipException e = assertThrows(dev.blipsdk.core.exception.BlipException.class,
        () -> tracker.await("m-2", EnumSet.of(MessageStatus.READ), Duration.ofDays(1)));
    assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    assertInstanceOf(InterruptedException.class, e.getCause());
  }

  @Test
  void awaitIsCancellable() {
    WhatsAppClient wa = start(FakeBlip.builder());
    StatusTracker tracker = wa.statusTracker();
    tracker.track("nope", null, fake.clock().instant());
    fake.close();
    fake = null;
    CompletableFuture<StatusReport> f = tracker.awaitAsync("nope", EnumSet.of(MessageStatus.READ),
        Duration.ofHours(1));
    f.cancel(true);
    assertTrue(f.isCancelled());
    assertNull(tracker.status("other").orElse(null));
  }
}
