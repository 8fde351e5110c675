package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Armed faults; each matching request consumes one shot. */
public final class FaultRegistry {
  private record Armed(Fault fault, AtomicInteger left) {}

  /** What to do to one request: added latency and at most one breaking fault. */
  public record Plan(Duration latency, @Nullable Fault fault) {}

  private final List<Armed> armed = new CopyOnWriteArrayList<>();

  public void add(Fault f) {
    armed.add(new Armed(f, new AtomicInteger(f.times())));
  }

  public void clear() {
    armed.clear();
  }

  public Plan match(String path, @Nullable String commandUri) {
    Duration latency = Duration.ZERO;
    Fault breaking = null;
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
      if (!take(a)) {
        continue;
      }
      if (f.kind() == Fault.Kind.LATENCY) {
        latency = latency.plus(f.latency());
      } else {
        breaking = f;
      }
    }
    armed.removeIf(a -> a.left().get() <= 0);
    return new Plan(latency, breaking);
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
