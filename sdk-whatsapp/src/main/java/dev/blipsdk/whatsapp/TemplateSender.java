package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.envelope.Identity;
import dev.blipsdk.core.envelope.Message;
import dev.blipsdk.core.internal.bridge.CoreBridge;
import dev.blipsdk.whatsapp.internal.Chain;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends template messages: validation, the media check, the recipient's resolution and the message, all within
 * one deadline (the send's {@link SendOptions#requestOptions()} deadline, or else the client's), blocking or
 * async.
 *
 * <p>Thread-safe.
 */
final class TemplateSender {
  private static final String SEND_STEP = "the message";

  private final BlipClient blip;
  private final PhoneResolver resolver;
  private final MediaChecker media;

  TemplateSender(BlipClient blip, PhoneResolver resolver, MediaChecker media) {
    this.blip = blip;
    this.resolver = resolver;
    this.media = media;
  }

  SendReceipt send(Recipient to, TemplateMessage message, SendOptions options) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    message.validate(options.template());
    CoreBridge.Deadline deadline = CoreBridge.startDeadline(blip, options.requestOptions());
    if (message.mediaCheckMode() == MediaCheck.CONTENT_TYPE) {
      Chain.join(media.check(message, deadline));
    }
    Identity identity = to instanceof Recipient.Phone p ? found(resolver.resolve(p.phoneNumber(), deadline))
        : ((Recipient.Account) to).identity();
    Message sent = blip.sendMessage(message.toMessage(identity).withId(idFor(options)),
        deadline.optionsFor(SEND_STEP));
    return new SendReceipt(Objects.requireNonNull(sent.id()), identity, blip.clock().instant());
  }

  CompletableFuture<SendReceipt> sendAsync(Recipient to, TemplateMessage message, SendOptions options) {
    String id;
    CoreBridge.Deadline deadline;
    try {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(options, "options");
      message.validate(options.template());
      id = idFor(options);
      deadline = CoreBridge.startDeadline(blip, options.requestOptions());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Chain<SendReceipt> chain = new Chain<>();
    CompletableFuture<Void> checked = message.mediaCheckMode() == MediaCheck.CONTENT_TYPE
        ? media.check(message, deadline) : CompletableFuture.completedFuture(null);
    chain.then(checked, v -> chain.then(identityOf(to, deadline),
        identity -> chain.then(blip.sendMessageAsync(message.toMessage(identity).withId(id),
            deadline.optionsFor(SEND_STEP)),
            sent -> chain.complete(new SendReceipt(Objects.requireNonNull(sent.id()), identity,
                blip.clock().instant())))));
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
