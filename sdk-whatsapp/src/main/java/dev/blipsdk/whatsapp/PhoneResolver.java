package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.RequestOptions;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Reason;
import dev.blipsdk.core.exception.BlipCommandException;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.Chain;
import dev.blipsdk.whatsapp.internal.ResolutionCache;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Resolves phone numbers to WhatsApp identities: the cache, and one single-flight lookup shared by blocking and
 * async callers. The first caller for a number makes the lookup (on its own thread when it blocks, on OkHttp's
 * when async); every caller that comes meanwhile waits for that lookup, at most until its own deadline.
 *
 * <p>Thread-safe.
 */
final class PhoneResolver {
  private static final String STEP = "the account lookup";

  private final BlipClient blip;
  private final @Nullable ResolutionCache<PhoneNumber, Resolution> cache;
  private final boolean cacheNotOnWhatsApp;
  /** Lookups under way, so that concurrent resolutions of one number share one request. */
  private final ConcurrentHashMap<PhoneNumber, CompletableFuture<Resolution>> inFlight = new ConcurrentHashMap<>();

  PhoneResolver(BlipClient blip, @Nullable ResolutionCache<PhoneNumber, Resolution> cache,
      boolean cacheNotOnWhatsApp) {
    this.blip = blip;
    this.cache = cache;
    this.cacheNotOnWhatsApp = cacheNotOnWhatsApp;
  }

  boolean caches() {
    return cache != null;
  }

  /**
   * Resolves on the calling thread.
   *
   * @param p the number
   * @param deadline the operation's deadline
   * @return the resolution
   */
  Resolution resolve(PhoneNumber p, CoreBridge.Deadline deadline) {
    Lookup lookup = lookup(p, deadline, options -> {
      try {
        return CompletableFuture.completedFuture(blip.execute(command(p), options));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    });
    CompletableFuture<Resolution> f = lookup.future();
    if (f.isDone() || !lookup.shared()) {
      return Chain.join(f);
    }
    try {
      // another caller's lookup: wait for it, but not past this caller's deadline
      return f.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw deadline.expired(STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw deadline.expired(STEP + " (interrupted)");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = Chain.unwrap(e);
      throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
    }
  }

  /**
   * Resolves without blocking. Cancelling the returned future does not cancel a lookup other callers share.
   *
   * @param p the number
   * @param deadline the operation's deadline
   * @return the future resolution
   */
  CompletableFuture<Resolution> resolveAsync(PhoneNumber p, CoreBridge.Deadline deadline) {
    Lookup lookup = lookup(p, deadline, options -> blip.executeAsync(command(p), options));
    CompletableFuture<Resolution> f = lookup.future();
    if (f.isDone() || !lookup.shared()) {
      return f.thenApply(r -> r); // a copy: a cancel of this caller does not touch the lookup others may join
    }
    CompletableFuture<Resolution> mine = new CompletableFuture<>();
    f.whenComplete((r, e) -> {
      if (e != null) {
        mine.completeExceptionally(Chain.unwrap(e));
      } else {
        mine.complete(r);
      }
    });
    // another caller's lookup, bounded by its deadline, not this caller's: wait at most until this one's
    long left = deadline.remaining().toNanos();
    CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> {
      if (!mine.isDone()) {
        mine.completeExceptionally(deadline.expired(STEP));
      }
    });
    return mine;
  }

  /**
   * A lookup's result.
   *
   * @param future the resolution to come
   * @param shared true when it is another caller's lookup (bounded by that caller's deadline)
   */
  private record Lookup(CompletableFuture<Resolution> future, boolean shared) {}

  /** The one single-flight lookup: cached, joined to one under way, or started with {@code call}. */
  private Lookup lookup(PhoneNumber p, CoreBridge.Deadline deadline,
      Function<RequestOptions, CompletableFuture<Command>> call) {
    Resolution cached = cached(p);
    if (cached != null) {
      return new Lookup(CompletableFuture.completedFuture(cached), false);
    }
    CompletableFuture<Resolution> mine = new CompletableFuture<>();
    CompletableFuture<Resolution> other = inFlight.putIfAbsent(p, mine);
    if (other != null) {
      return new Lookup(other, true);
    }
    Resolution again = cached(p);
    if (again != null) {
      inFlight.remove(p, mine);
      mine.complete(again);
      return new Lookup(mine, false);
    }
    CompletableFuture<Command> response;
    try {
      response = call.apply(CoreBridge.named(deadline.optionsFor(STEP), WhatsAppOperations.RESOLVE));
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenComplete((command, error) -> {
      try {
        if (error == null) {
          settle(p, mine, remember(fromResponse(p, command)), null);
        } else if (Chain.unwrap(error) instanceof BlipCommandException e) {
          settle(p, mine, remember(new Resolution.NotOnWhatsApp(p, e.reason())), null);
        } else {
          settle(p, mine, null, Chain.unwrap(error));
        }
      } catch (RuntimeException e) {
        settle(p, mine, null, e);
      }
    });
    return new Lookup(mine, false);
  }

  private void settle(PhoneNumber p, CompletableFuture<Resolution> mine, @Nullable Resolution r,
      @Nullable Throwable failure) {
    inFlight.remove(p, mine);
    if (failure != null) {
      mine.completeExceptionally(failure);
    } else {
      mine.complete(r);
    }
  }

  void evict(PhoneNumber p) {
    if (cache != null) {
      cache.remove(p);
    }
  }

  private @Nullable Resolution cached(PhoneNumber p) {
    return cache == null ? null : cache.get(p);
  }

  private Resolution remember(Resolution r) {
    if (cache != null && (r.isFound() || cacheNotOnWhatsApp)) {
      cache.put(r.phoneNumber(), r);
    }
    return r;
  }

  private static Command command(PhoneNumber p) {
    // The leading + is mandatory: without it Blip answers success even for numbers not on WhatsApp.
    return Command.get("lime://wa.gw.msging.net/accounts/" + p.e164()).to(TemplateCatalog.WA_POSTMASTER).build();
  }

  private static Resolution fromResponse(PhoneNumber p, Command response) {
    JsonDocument resource = response.resource();
    if (resource == null || !resource.isObject()) {
      return new Resolution.NotOnWhatsApp(p, new Reason(null, "the accounts lookup returned no account"));
    }
    WhatsAppAccount found = resource.decode(WhatsAppAccount.class);
    Identity identity = found.sendTo();
    if (identity == null) {
      return new Resolution.NotOnWhatsApp(p, new Reason(null, "the accounts lookup returned no identity"));
    }
    String name = found.fullName();
    return new Resolution.Found(p, identity, name == null || name.isBlank() ? null : name, found);
  }
}
