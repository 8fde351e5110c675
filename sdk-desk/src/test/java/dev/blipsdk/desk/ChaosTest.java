package dev.blipsdk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RetryPolicy;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.testing.FakeBlip;
import dev.blipsdk.testing.FakeTemplate;
import dev.blipsdk.testing.Fault;
import dev.blipsdk.testing.ReceivedEnvelope;
import dev.blipsdk.whatsapp.PhoneNumber;
import dev.blipsdk.whatsapp.Recipient;
import dev.blipsdk.whatsapp.TemplateMessage;
import dev.blipsdk.whatsapp.WhatsAppClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standing reliability suite (issue 12): 2,400 mixed operations (WhatsApp template sends, blocking and
 * async, account lookups, contact gets, ticket lists, Desk active messages) from 16 threads on one client,
 * against FakeBlip with every fault kind spread over at least 10% of the requests, seeded.
 *
 * <p>It asserts: no message sent twice (by envelope id and by a token in its body); no exception other than
 * {@link BlipException} subtypes; every operation ended within its deadline plus {@link #SLACK}; after
 * {@code close()}, no thread of the SDK or of the client's OkHttp dispatcher and no socket left.
 *
 * <p>Runs in a JVM of its own (sdk-desk's pom), so the thread and socket counts are this test's alone. The
 * faults a request meets are drawn from the seed and the request's envelope id, and envelope ids come from the
 * seed too, so a run replays the same faults whatever the interleaving of the threads.
 */
class ChaosTest {
  private static final long SEED = 0xC4A05L;
  private static final int THREADS = 16;
  private static final int PER_THREAD = 150;
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  /**
   * Room for a loaded machine (the build runs beside others on 2 cores). Without one deadline per operation a send
   * to a phone took up to twice its deadline, so the check still catches that.
   */
  private static final Duration SLACK = Duration.ofMillis(1_500);
  private static final int PHONES = 48;
  private static final Pattern TOKEN = Pattern.compile("chaos-\\d+-\\d+");

  @Test
  void thousandsOfOperationsUnderEveryFaultKeepEveryPromise() throws Exception {
    // one call first, so that what the JVM opens once for good (not per client) is in the baseline
    try (FakeBlip warm = FakeBlip.start(); BlipClient client = warm.client()) {
      client.execute(Command.get("/contacts").to("postmaster@crm.msging.net").build());
    }
    int socketsBefore = openSockets();
    Identity agent = Agents.identityOf("ana@acme.com");
    FakeBlip fake = FakeBlip.builder().faultSeed(SEED).start();
    fake.seedTemplate(FakeTemplate.of("chaos", "pt_BR", "Olá {{1}}"));
    fake.bot().addQueue("Default");
    fake.bot().addAgent(agent.value(), "Online", "Default");
    List<PhoneNumber> phones = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      String digits = "55319" + (80_000_000 + i);
      phones.add(PhoneNumber.parse("+" + digits));
      fake.bot().addWhatsAppAccount("+" + digits, "Customer " + i);
      fake.bot().seedContact(digits + "@wa.gw.msging.net", "Customer " + i);
    }
    for (int i = 0; i < 5; i++) {
      fake.bot().openTicket("55318" + (70_000_000 + i) + "@wa.gw.msging.net", "Default");
    }
    List<Fault.Kind> kinds = armEveryFault(fake);

    AtomicInteger ids = new AtomicInteger();
    BlipClient blip = BlipClient.builder().baseUrl(fake.baseUrl()).credentials(fake.identifier(), fake.accessKey())
        .clock(fake.clock()).deadline(DEADLINE).readTimeout(Duration.ofSeconds(1))
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(200)).build())
        .envelopeIdSupplier(() -> "chaos-id-" + SEED + "-" + ids.incrementAndGet())
        .build();
    WhatsAppClient wa = WhatsAppClient.of(blip);
    DeskClient desk = DeskClient.of(blip);

    ConcurrentLinkedQueue<String> untyped = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> late = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger typedFailures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(SEED * 31 + thread);
        go.await();
        for (int i = 0; i < PER_THREAD; i++) {
          PhoneNumber phone = phones.get(random.nextInt(phones.size()));
          String token = "chaos-" + thread + "-" + i;
          int op = random.nextInt(7);
          long t0 = System.nanoTime();
          try {
            try {
              run(op, phone, token, agent, wa, desk, blip);
            } catch (java.util.concurrent.ExecutionException e) {
              throw e.getCause(); // an async operation's own failure
            }
            ok.incrementAndGet();
          } catch (BlipException e) {
            typedFailures.incrementAndGet();
          } catch (Throwable e) {
            untyped.add("op " + op + ": " + e);
          }
          Duration took = Duration.ofNanos(System.nanoTime() - t0);
          if (took.compareTo(DEADLINE.plus(SLACK)) > 0) {
            late.add("op " + op + " took " + took.toMillis() + " ms");
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    Duration total = Duration.ofNanos(System.nanoTime() - start);

    List<ReceivedEnvelope> sent = fake.bot().sentMessages();
    int requests = fake.httpRequestCount();
    Map<Fault.Kind, Integer> fired = new HashMap<>();
    int faulted = 0;
    for (Fault.Kind k : kinds) {
      fired.put(k, fake.faultsFired(k));
      faulted += k == Fault.Kind.LATENCY ? 0 : fake.faultsFired(k);
    }
    blip.close();
    fake.close();

    assertEquals(List.of(), List.copyOf(untyped), "only BlipException subtypes escape");
    assertEquals(List.of(), List.copyOf(late), "every operation ends within its deadline plus " + SLACK);
    Set<String> envelopeIds = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (ReceivedEnvelope e : sent) {
      assertTrue(envelopeIds.add(e.field("id")), "message sent twice (same envelope id): " + e.field("id"));
      Matcher m = TOKEN.matcher(e.json());
      assertTrue(m.find(), "every message carries its token");
      assertTrue(tokens.add(m.group()), "message sent twice (same token): " + m.group());
    }
    assertTrue(faulted * 10 >= requests, "at least 10% of " + requests + " requests faulted: " + faulted);
    for (Fault.Kind k : kinds) {
      assertTrue(fired.get(k) > 0, k + " never fired: " + fired);
    }
    assertTrue(ok.get() > THREADS * PER_THREAD / 2, "most operations succeed despite the faults: " + ok.get()
        + " (typed failures " + typedFailures.get() + ", total " + total.toMillis() + " ms)");
    assertTrue(sent.size() > 200, "messages sent: " + sent.size());

    awaitNoThreadOf("OkHttp Dispatcher", "the client's dispatcher threads end after close()");
    awaitNoThreadOf("blip-sdk", "the SDK's watchdog thread ends once every client is closed");
    if (socketsBefore >= 0) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (openSockets() > socketsBefore && System.nanoTime() < end) {
        Thread.sleep(10); // polling a condition, not waiting before a negative check
      }
      assertTrue(openSockets() <= socketsBefore, "sockets left open: " + openSockets() + " > " + socketsBefore);
    }
  }

  /** One operation. Its own deadline is the client's: one for the whole operation, however many calls it makes. */
  private static void run(int op, PhoneNumber phone, String token, Identity agent, WhatsAppClient wa,
      DeskClient desk, BlipClient blip) throws Exception {
    TemplateMessage message = TemplateMessage.of("chaos", "pt_BR").body(token);
    Identity customer = Identity.parse(phone.e164().substring(1) + "@wa.gw.msging.net");
    switch (op) {
      case 0 -> wa.send(phone, message);
      case 1 -> wa.sendAsync(Recipient.of(phone), message).get(30, TimeUnit.SECONDS);
      case 2 -> wa.resolve(phone);
      case 3 -> desk.contacts().get(customer);
      case 4 -> desk.tickets().list(TicketQuery.builder().build()).limit(10).forEach(t -> { });
      case 5 -> desk.activeMessages().send(ActiveMessageRequest.builder().agent(agent).template(message)
          .to(phone).build());
      default -> blip.executeAsync(Command.get("/contacts/" + customer.value()).to("postmaster@crm.msging.net")
          .build()).get(30, TimeUnit.SECONDS);
    }
  }

  /** Every fault kind on its own seeded share of the requests: about 12% in all. */
  private static List<Fault.Kind> armEveryFault(FakeBlip fake) {
    double p = 0.008;
    List<Fault> faults = List.of(Fault.status(500), Fault.status(502), Fault.status(503), Fault.status(504),
        Fault.tooManyRequests(Duration.ofSeconds(1)), Fault.tooManyRequestsUntil(Duration.ofSeconds(1)),
        Fault.tooManyRequests(null), Fault.proxyErrorPage(), Fault.garbageStatusLine(), Fault.dropBeforeRead(),
        Fault.dropAfterRead(), Fault.resetBeforeRead(), Fault.resetAfterRead(), Fault.noResponse(),
        Fault.truncatedBody(), Fault.stalledBody(), Fault.emptyBody(), Fault.malformedBody(), Fault.notAnEnvelope());
    List<Fault.Kind> kinds = new ArrayList<>();
    for (Fault f : faults) {
      fake.inject(f.withProbability(p).always());
      if (!kinds.contains(f.kind())) {
        kinds.add(f.kind());
      }
    }
    fake.inject(Fault.latency(Duration.ofMillis(300)).withProbability(0.02).always());
    kinds.add(Fault.Kind.LATENCY);
    return kinds;
  }

  private static void awaitNoThreadOf(String prefix, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    List<String> alive = threadsNamed(prefix);
    while (!alive.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20); // polling a condition, not waiting before a negative check
      alive = threadsNamed(prefix);
    }
    assertEquals(List.of(), alive, what);
  }

  private static List<String> threadsNamed(String prefix) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith(prefix)) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** Open sockets of this JVM (Linux: /proc/self/fd), or -1 where that cannot be read. */
  private static int openSockets() {
    File fds = new File("/proc/self/fd");
    String[] names = fds.list();
    if (names == null) {
      return -1;
    }
    int n = 0;
    for (String name : names) {
      try {
        if (Files.readSymbolicLink(Path.of("/proc/self/fd", name)).toString().startsWith("socket:")) {
          n++;
        }
      } catch (IOException | UnsupportedOperationException e) {
        // closed between the listing and the read
      }
    }
    return n;
  }
}
