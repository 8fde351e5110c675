package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.Chain;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sends template messages: validation, the media check, the recipient's resolution, the rate limiter's permit
 * and the message, all within one deadline (the send's {@link SendOptions#requestOptions()} deadline, or else the client's), blocking or
 * async.
 *
 * <p>Thread-safe.
 */
final class TemplateSender {
  private static final String SEND_STEP = "the message";

  private final BlipClient blip;
  private final PhoneResolver resolver;
  private final MediaChecker media;
  private final @Nullable RateLimiter rateLimiter;

  TemplateSender(BlipClient blip, PhoneResolver resolver, MediaChecker media, @Nullable RateLimiter rateLimiter) {
    this.blip = blip;
    this.resolver = resolver;
    this.media = media;
    this.rateLimiter = rateLimiter;
  }

  SendReceipt send(Recipient to, TemplateMessage message, SendOptions options) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    message.validate(options.template());
    CoreBridge.Deadline deadline = CoreBridge.startDeadline(blip,
        CoreBridge.named(options.requestOptions(), WhatsAppOperations.SEND));
    if (message.mediaCheckMode() == MediaCheck.CONTENT_TYPE) {
      Chain.join(media.check(message, deadline));
    }
    Identity identity = to instanceof Recipient.Phone p ? found(resolver.resolve(p.phoneNumber(), deadline))
        : ((Recipient.Account) to).identity();
    if (rateLimiter != null) {
      Chain.join(rateLimiter.acquire());
    }
    Message sent = blip.sendMessage(message.toMessage(identity).withId(idFor(options)),
        deadline.optionsFor(SEND_STEP));
    return new SendReceipt(Objects.requireNonNull(sent.id()), identity, blip.clock().instant());
  }

  /**
   * Sends without blocking.
   *
   * @param permitTaken a limiter the caller already took a permit from (a bulk run's), or null
   */
  CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options,
      @Nullable RateLimiter permitTaken) {
    String id;
    CoreBridge.Deadline deadline;
    try {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(options, "options");
      message.validate(options.template());
      id = idFor(options);
      deadline = CoreBridge.startDeadline(blip, CoreBridge.named(options.requestOptions(), WhatsAppOperations.SEND));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Chain<SendReceipt> chain = new Chain<>();
    CompletableFuture<Void> checked = message.mediaCheckMode() == MediaCheck.CONTENT_TYPE
        ? media.check(message, deadline) : CompletableFuture.completedFuture(null);
    RateLimiter limiter = rateLimiter == permitTaken ? null : rateLimiter;
    chain.then(checked, v -> chain.then(identityOf(to, deadline),
        identity -> chain.then(limiter == null ? CompletableFuture.<Void>completedFuture(null) : limiter.acquire(),
            permit -> chain.then(blip.sendMessageAsync(message.toMessage(identity).withId(id),
                deadline.optionsFor(SEND_STEP)),
                sent -> chain.complete(new SendReceipt(Objects.requireNonNull(sent.id()), identity,
                    blip.clock().instant()))))));
    return chain;
  }

  private CompletableFuture<Identity> identityOf(Recipient to, CoreBridge.Deadline deadline) {
    if (to instanceof Recipient.Account a) {
      return CompletableFuture.completedFuture(a.identity());
    }
    return resolver.resolveAsync(((Recipient.Phone) to).phoneNumber(), deadline).thenApply(TemplateSender::found);
  }

  private static Identity found(Resolution r) {
    if (r instanceof Resolution.NotOnWhatsApp no) {
      throw new NotOnWhatsAppException(no);
    }
    return ((Resolution.Found) r).account();
  }

  private String idFor(SendOptions options) {
    return options.envelopeId() != null ? options.envelopeId() : blip.newEnvelopeId();
  }
}
