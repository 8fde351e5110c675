package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.Sleeper;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.Envelope;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.core.envelope.Notification;
import dev.blipsdk.core.exception.BlipException;
import dev.blipsdk.core.exception.RateLimitException;
import dev.blipsdk.whatsapp.internal.Chain;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a message's notifications ({@code get /notifications?id=}) into a {@link StatusTracker}, and waits for
 * a status by polling with backoff, reading the tracker's store at every step. Holds no state of its own besides
 * its settings: the status itself is the store's ({@link StatusRecord#apply} is its pure state machine).
 *
 * <p>Thread-safe.
 */
final class StatusPoller {
  /** The latest an await may end: beyond, {@link Instant#plus} would overflow. */
  private static final Duration MAX_TIMEOUT = Duration.ofDays(36_500);

  private final StatusTracker tracker;
  private final BlipClient blip;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInitial;
  private final Duration pollMax;

  StatusPoller(StatusTracker tracker, BlipClient blip, Sleeper sleeper, Duration pollInitial, Duration pollMax) {
    this.tracker = tracker;
    this.blip = blip;
    this.clock = blip.clock();
    this.sleeper = sleeper;
    this.pollInitial = pollInitial;
    this.pollMax = pollMax;
  }

  StatusReport poll(String messageId) {
    return feed(messageId, blip.execute(command(messageId), WhatsAppOperations.STATUS_POLL_OPTIONS));
  }

  CompletableFuture<StatusReport> pollAsync(String messageId) {
    return blip.executeAsync(command(messageId), WhatsAppOperations.STATUS_POLL_OPTIONS)
        .thenApply(r -> feed(messageId, r));
  }

  private static Command command(String messageId) {
    return Command.get(CommandUri.path("/notifications").query("id", messageId).build())
        .to("postmaster@msging.net").build();
  }

  private StatusReport feed(String messageId, Command response) {
    JsonDocument resource = response.resource();
    if (resource != null) {
      for (Envelope env : resource.asCollection(Envelope.class).items()) {
        if (env instanceof Notification n) {
          tracker.accept(n.id() == null ? new Notification(messageId, n.from(), n.to(), n.pp(), n.event(),
              n.eventName(), n.reason(), n.metadata()) : n);
        }
      }
    }
    return tracker.current(messageId);
  }

  /** What a poll gave: its report, or its failure. */
  private record Polled(@Nullable StatusReport report, @Nullable Throwable error) {}

  /** One await: what it waits for and until when. */
  private record Await(String id, Set<MessageStatus> wanted, Duration timeout, Instant deadline,
      Chain<StatusReport> chain) {}

  CompletableFuture<StatusReport> await(String messageId, Set<MessageStatus> wanted, Duration timeout) {
    Chain<StatusReport> chain = new Chain<>();
    Runnable remove = tracker.addListener(r -> {
      if (r.messageId().equals(messageId) && wanted.contains(r.status())) {
        chain.complete(r);
      }
    });
    chain.whenComplete((r, e) -> remove.run());
    Instant deadline = clock.instant().plus(timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout);
    step(new Await(messageId, wanted, timeout, deadline, chain), pollInitial);
    return chain;
  }

  private CompletableFuture<Polled> polled(String id) {
    CompletableFuture<StatusReport> poll;
    try {
      poll = pollAsync(id);
    } catch (RuntimeException e) {
      poll = CompletableFuture.failedFuture(e);
    }
    return poll.handle((report, error) -> new Polled(report, error == null ? null : Chain.unwrap(error)));
  }

  /** The report as the tracker's store has it now (a store shared by a fleet may have moved it elsewhere). */
  private StatusReport now(Await a) {
    return tracker.current(a.id());
  }

  private void step(Await a, Duration interval) {
    if (a.chain().isDone()) {
      return;
    }
    StatusReport current;
    try {
      current = now(a);
    } catch (RuntimeException e) {
      a.chain().completeExceptionally(e); // a store that cannot answer
      return;
    }
    if (a.wanted().contains(current.status())) {
      a.chain().complete(current);
      return;
    }
    a.chain().then(polled(a.id()), polled -> {
      Duration wait = interval;
      if (polled.error() != null) {
        Throwable c = polled.error();
        if (c instanceof RateLimitException rl) {
          Duration ra = rl.retryAfter();
          wait = ra != null && ra.compareTo(interval) > 0 ? ra : interval.multipliedBy(2);
        } else if (!(c instanceof BlipException be && be.isRetryable())) {
          a.chain().completeExceptionally(c);
          return;
        }
      } else if (polled.report() != null && a.wanted().contains(polled.report().status())) {
        a.chain().complete(polled.report());
        return;
      }
      Instant t = clock.instant();
      StatusReport last = now(a);
      if (!t.isBefore(a.deadline())) {
        a.chain().completeExceptionally(new StatusTimeoutException(last, a.wanted(), a.timeout()));
        return;
      }
      Duration left = Duration.between(t, a.deadline());
      if (a.wanted().contains(MessageStatus.EXPIRED) && last.status() != MessageStatus.FAILED) {
        Duration toExpiry = Duration.between(t, last.expiresAt());
        if (!toExpiry.isNegative() && toExpiry.compareTo(wait) < 0) {
          wait = toExpiry;
        }
      }
      Duration sleep = wait.compareTo(left) < 0 ? wait : left;
      Duration next = interval.multipliedBy(2).compareTo(pollMax) > 0 ? pollMax : interval.multipliedBy(2);
      a.chain().then(sleeper.delay(sleep), v -> {
        if (clock.instant().isBefore(a.deadline())) {
          step(a, next);
          return;
        }
        // the time is up: one last look, then a last poll
        if (a.wanted().contains(now(a).status())) {
          a.chain().complete(now(a));
          return;
        }
        a.chain().then(polled(a.id()), p -> {
          StatusReport fr = now(a);
          if (a.wanted().contains(fr.status())) {
            a.chain().complete(fr);
          } else {
            a.chain().completeExceptionally(new StatusTimeoutException(fr, a.wanted(), a.timeout()));
          }
        });
      });
    });
  }
}
