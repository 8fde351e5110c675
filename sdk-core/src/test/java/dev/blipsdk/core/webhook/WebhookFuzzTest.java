package dev.blipsdk.core.webhook;

import dev.blipsdk.core.exception.WebhookVerificationException.Failure;
import dev.blipsdk.core.exception.WebhookParseException;
import dev.blipsdk.core.exception.WebhookVerificationException;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of random and mutated bodies and headers to the verifiers, the parser and the receiver.
 * The only exceptions allowed are the typed ones; anything else (an NPE, an IllegalArgumentException, a
 * Moshi exception, a StackOverflowError) fails the test. Seeded, so a failure reproduces.
 */
class WebhookFuzzTest {
  private static final long SEED = 0x5EED_B11FL;
  private static final int ROUNDS = 20_000;
  private static final List<byte[]> SEEDS = List.of(Vectors.BODY, Vectors.NOTIFICATION,
      utf8("{\"id\":\"r-1\",\"type\":\"application/vnd.lime.redirect+json\",\"content\":{\"context\":{"
          + "\"type\":\"application/vnd.iris.ticket+json\",\"value\":{\"id\":\"t\",\"sequentialId\":1,"
          + "\"status\":\"Open\",\"customerIdentity\":\"1@wa.gw.msging.net\"}}}}"),
      utf8("{\"id\":\"2\",\"type\":\"application/vnd.lime.location+json\",\"content\":{\"latitude\":1.5,"
          + "\"longitude\":-2,\"text\":\"\\u00e9\"}}"),
      utf8("{\"id\":\"3\",\"type\":\"application/json\",\"content\":{\"type\":\"interactive\",\"interactive\":"
          + "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"x\",\"title\":\"y\"}}}}"),
      utf8("{\"id\":\"4\",\"type\":\"application/vnd.lime.media-link+json\",\"content\":{\"uri\":\"https://x/y\","
          + "\"size\":12}, \"metadata\":{\"a\":\"b\",\"n\":{\"deep\":[1]}}}"),
      utf8("{\"id\":\"c\",\"method\":\"set\",\"uri\":\"/x\",\"type\":\"text/plain\",\"resource\":\"r\",\"status\":\"ok\"}"));
  private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "1e999",
      "-0", "\"id\"", "\"type\"", "\"content\"", "\"event\"", "\"method\"", "\"from\"", "\"@\"", "\u00e9",
      "\ud83d\ude00", " ", "\n"};

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final Set<Class<? extends Throwable>> ALLOWED = Set.of(WebhookParseException.class,
      WebhookVerificationException.class);

  @Test
  void onlyTypedErrorsEscape() {
    Random random = new Random(SEED);
    WebhookParser parser = WebhookParser.builder().maxBodyBytes(64 * 1024).maxDepth(32).build();
    HmacScheme inline = HmacScheme.builder("Blip-Signature").inlineTimestamp("v1").build();
    HmacScheme header = HmacScheme.builder("X-S").prefix("sha256=").encoding(HmacScheme.Encoding.BASE64)
        .timestampHeader("X-T").build();
    WebhookSigner inlineSigner = WebhookSigner.hmacSha256(inline, "k").withClock(Vectors.clockAt(1_700_000_000));
    List<WebhookVerifier> verifiers = List.of(
        HmacVerifier.builder(inline).secret("k").clock(Vectors.clockAt(1_700_000_000)).build(),
        HmacVerifier.builder(header).secret("k").clock(Vectors.clockAt(1_700_000_000)).build(),
        WebhookVerifier.metaHubSignature256("k"), WebhookVerifier.staticHeader("X-Blip-Token", "tok"),
        WebhookVerifier.bearerToken("tok"::equals));
    java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
    WebhookReceiver receiver = WebhookReceiver.builder().verifier(verifiers.get(0)).parser(parser)
        .onMessage(m -> delivered.incrementAndGet()).onStatus(s -> delivered.incrementAndGet())
        .onTicket(t -> delivered.incrementAndGet()).onUnknown(u -> delivered.incrementAndGet()).build();
    int deliveries = 0;

    int parsed = 0;
    int verified = 0;
    Set<String> failuresSeen = new java.util.TreeSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] body = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
      String context = "round " + round + " body " + Arrays.toString(Arrays.copyOf(body, Math.min(body.length, 80)));
      try {
        WebhookEvent event = parser.parse(body);
        assertNotNull(event.deduplicationKey(), context);
        assertFalse(event.deduplicationKey().isEmpty(), context);
        assertNotNull(event.toString(), context);
        parsed++;
      } catch (Throwable t) {
        check(t, context);
        failuresSeen.add(((WebhookParseException) t).failure().name());
      }
      boolean[] signedAsIs = new boolean[1];
      WebhookHeaders headers = randomHeaders(random, body, inlineSigner, signedAsIs);
      for (WebhookVerifier v : verifiers) {
        try {
          v.verify(headers, body);
          verified++;
        } catch (Throwable t) {
          check(t, context + " verifier " + v + " headers " + headers);
          failuresSeen.add(((WebhookVerificationException) t).failure().name());
        }
      }
      try {
        String method = random.nextInt(20) == 0 ? "GET" : "POST";
        int before = delivered.get();
        int status = receiver.handle(method, headers, body).statusCode();
        assertTrue(Set.of(200, 400, 401, 405, 413).contains(status), context + " status " + status);
        if (delivered.get() != before) {
          deliveries++;
          // a listener sees only a body signed as it is, within the tolerance, that is strict RFC 8259 JSON
          assertTrue(signedAsIs[0], "a forged request reached a listener at " + context + " headers " + headers);
          assertTrue(StrictJsonOracle.isJson(body, 32), "a malformed body reached a listener at " + context);
        }
      } catch (Throwable t) {
        fail("the receiver threw " + t + " at " + context, t);
      }
    }
    // the mutations are not so destructive that nothing parses or verifies
    assertTrue(parsed > ROUNDS / 20, "parsed " + parsed);
    assertTrue(verified > ROUNDS / 20, "verified " + verified);
    assertTrue(deliveries > ROUNDS / 100, "the receiver delivered " + deliveries + ": the check above ran");
    // every failure type was exercised (all but BODY_TOO_LARGE, which the parser tests cover)
    for (WebhookParseException.Failure f : WebhookParseException.Failure.values()) {
      if (f != WebhookParseException.Failure.BODY_TOO_LARGE) {
        assertTrue(failuresSeen.contains(f.name()), f + " not seen in " + failuresSeen);
      }
    }
    for (WebhookVerificationException.Failure f : WebhookVerificationException.Failure.values()) {
      assertTrue(failuresSeen.contains(f.name()), f + " not seen in " + failuresSeen);
    }
  }

  private static void check(Throwable t, String context) {
    if (!ALLOWED.contains(t.getClass())) {
      fail("unexpected " + t + " at " + context, t);
    }
    assertNotNull(t.getMessage(), context);
  }

  private static WebhookHeaders randomHeaders(Random random, byte[] body, WebhookSigner inlineSigner,
      boolean[] signedAsIs) {
    WebhookHeaders.Builder b = WebhookHeaders.builder();
    int shape = random.nextInt(6);
    if (shape <= 1) {
      // valid signature (sometimes for another body), maybe mangled
      byte[] signedBody = shape == 0 ? body : Vectors.BODY;
      int skew = random.nextInt(1200) - 600;
      String value = inlineSigner.headersFor(signedBody, Instant.ofEpochSecond(1_700_000_000L + skew))
          .get("Blip-Signature");
      String sent = random.nextBoolean() ? value : mangle(random, value);
      b.add("blip-signature", sent);
      // a mangling may leave the value as it was (a character replaced by itself, or by its other case: hex
      // digits and the key name are read without regard to case)
      signedAsIs[0] = sent.equalsIgnoreCase(value) && Arrays.equals(signedBody, body) && Math.abs(skew) <= 300;
    }
    if (shape == 2) {
      b.add("X-S", "sha256=" + randomText(random, 44)).add("X-T", randomText(random, random.nextInt(14)));
    }
    if (shape == 3) {
      b.add("X-Hub-Signature-256", random.nextBoolean() ? "sha256=" + randomText(random, 64)
          : randomText(random, random.nextInt(80)));
    }
    if (shape == 4) {
      b.add("X-Blip-Token", random.nextBoolean() ? "tok" : randomText(random, random.nextInt(10)));
      b.add("Authorization", random.nextBoolean() ? "Bearer tok" : randomText(random, random.nextInt(20)));
    }
    if (random.nextInt(10) == 0) {
      b.add("BLIP-SIGNATURE", randomText(random, 5));
      signedAsIs[0] = false;
    }
    return b.build();
  }

  private static String mangle(Random random, String value) {
    char[] chars = value.toCharArray();
    if (chars.length == 0) {
      return value;
    }
    int op = random.nextInt(4);
    if (op == 0) {
      chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
      return new String(chars);
    } else if (op == 1) {
      return value.substring(0, random.nextInt(chars.length));
    } else if (op == 2) {
      return value + "," + value;
    }
    return value.replace(",", ";");
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append((char) (32 + random.nextInt(95)));
    }
    return sb.toString();
  }

  private static byte[] mutate(Random random, byte[] seed) {
    byte[] b = seed.clone();
    int mutations = random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      b = mutateOnce(random, b);
    }
    return b;
  }

  private static byte[] mutateOnce(Random random, byte[] b) {
    switch (random.nextInt(11)) {
      case 10 -> { // inside a string: a raw control character, or an escape RFC 8259 forbids
        String s = new String(b, StandardCharsets.UTF_8);
        int quote = s.indexOf('"', random.nextInt(Math.max(1, s.length())));
        if (quote >= 0) {
          String[] bad = {"\n", "\u0000", "\u001b", "\t", "\\'", "\\x41", "\\u12", "\\\n"};
          String piece = bad[random.nextInt(bad.length)];
          b = utf8(s.substring(0, quote + 1) + piece + s.substring(quote + 1));
        }
      }
      case 0 -> { // flip a byte
        if (b.length > 0) {
          b = b.clone();
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> { // truncate
        b = Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
      }
      case 2 -> { // duplicate a slice
        if (b.length > 1) {
          int from = random.nextInt(b.length);
          int to = from + random.nextInt(b.length - from);
          byte[] out = new byte[b.length + (to - from)];
          System.arraycopy(b, 0, out, 0, to);
          System.arraycopy(b, from, out, to, b.length - from);
          b = out;
        }
      }
      case 3 -> { // insert nesting, sometimes very deep, sometimes unbalanced
        int depth = random.nextInt(3) == 0 ? 300 + random.nextInt(5000) : 1 + random.nextInt(40);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nest = open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
        b = insert(random, b, utf8(nest));
      }
      case 4 -> { // invalid UTF-8
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        b = insert(random, b, bad[random.nextInt(bad.length)]);
      }
      case 5 -> b = insert(random, b, utf8(TOKENS[random.nextInt(TOKENS.length)]));
      case 6 -> { // random bytes
        byte[] r = new byte[random.nextInt(64)];
        random.nextBytes(r);
        b = random.nextBoolean() ? r : insert(random, b, r);
      }
      case 7 -> b = new byte[0];
      case 8 -> { // change a value's type
        String s = new String(b, StandardCharsets.UTF_8);
        String[] fields = {"\"id\":", "\"from\":", "\"content\":", "\"type\":", "\"event\":", "\"reason\":",
            "\"metadata\":", "\"latitude\":", "\"value\":", "\"status\":"};
        String[] values = {"123", "null", "[]", "{}", "true", "\"\"", "\"@\"", "-1e400", "{\"code\":\"x\"}"};
        String f = fields[random.nextInt(fields.length)];
        b = utf8(s.replace(f, f + values[random.nextInt(values.length)] + ",\"x\":"));
      }
      default -> { // leave it (keeps a share of valid inputs)
      }
    }
    return b;
  }

  private static byte[] insert(Random random, byte[] b, byte[] piece) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    byte[] out = new byte[b.length + piece.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(b, at, out, at + piece.length, b.length - at);
    return out;
  }

  @Test
  void fuzzInputsAreReproducible() {
    Random a = new Random(SEED);
    Random b = new Random(SEED);
    List<byte[]> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(mutate(a, SEEDS.get(a.nextInt(SEEDS.size()))));
    }
    for (int i = 0; i < 50; i++) {
      assertArrayEquals(first.get(i), mutate(b, SEEDS.get(b.nextInt(SEEDS.size()))));
    }
  }
}
