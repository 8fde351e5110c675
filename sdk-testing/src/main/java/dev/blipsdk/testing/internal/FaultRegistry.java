package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Armed faults; each matching request consumes one shot. A fault with a probability fires on a request when a
 * draw from (seed, the fault's arming number, the request's envelope id, how many times that id came) falls
 * below it: the same seed and requests give the same faults whatever order the requests arrive in.
 */
public final class FaultRegistry {
  private record Armed(Fault fault, AtomicInteger left, long number) {}

  /** What to do to one request: added latency and at most one breaking fault. */
  public record Decision(Duration latency, @Nullable Fault fault) {}

  private final List<Armed> armed = new CopyOnWriteArrayList<>();
  private final AtomicLong arming = new AtomicLong();
  /** How many times each envelope id came (its attempts), for probability draws. */
  private final ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final long seed;
  /** How many times each kind fired. */
  private final ConcurrentHashMap<Fault.Kind, AtomicInteger> fired = new ConcurrentHashMap<>();

  public FaultRegistry(long seed) {
    this.seed = seed;
  }

  public void add(Fault f) {
    armed.add(new Armed(f, new AtomicInteger(f.times()), arming.incrementAndGet()));
  }

  public void clear() {
    armed.clear();
    seen.clear();
  }

  public Decision match(String path, @Nullable String commandUri, @Nullable String envelopeId) {
    Duration latency = Duration.ZERO;
    Fault breaking = null;
    int attempt = 0;
    boolean drawn = false;
    for (Armed a : armed) {
      Fault f = a.fault();
      if (f.path() != null && !f.path().equals(path)) {
        continue;
      }
      if (f.commandUriPrefix() != null && (commandUri == null || !commandUri.startsWith(f.commandUriPrefix()))) {
        continue;
      }
      if (f.kind() != Fault.Kind.LATENCY && breaking != null) {
        continue;
      }
      if (f.probability() < 1) {
        if (!drawn) {
          attempt = envelopeId == null ? 0 : seen.computeIfAbsent(envelopeId, k -> new AtomicInteger())
              .getAndIncrement();
          drawn = true;
        }
        if (draw(a.number(), envelopeId, attempt) >= f.probability()) {
          continue;
        }
      }
      if (!take(a)) {
        continue;
      }
      fired.computeIfAbsent(f.kind(), k -> new AtomicInteger()).incrementAndGet();
      if (f.kind() == Fault.Kind.LATENCY) {
        latency = latency.plus(f.latency());
      } else {
        breaking = f;
      }
    }
    armed.removeIf(a -> a.left().get() <= 0);
    return new Decision(latency, breaking);
  }

  public int fired(Fault.Kind kind) {
    AtomicInteger n = fired.get(kind);
    return n == null ? 0 : n.get();
  }

  /** A number in [0, 1) from the seed, the fault and the request. */
  private double draw(long faultNumber, @Nullable String envelopeId, int attempt) {
    long h = mix(seed ^ mix(faultNumber));
    h = mix(h ^ (envelopeId == null ? 0 : envelopeId.hashCode()) * 0x9E3779B97F4A7C15L);
    h = mix(h ^ attempt);
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static boolean take(Armed a) {
    if (a.fault().times() == Fault.ALWAYS) {
      return true;
    }
    while (true) {
      int n = a.left().get();
      if (n <= 0) {
        return false;
      }
      if (a.left().compareAndSet(n, n - 1)) {
        return true;
      }
    }
  }
}
