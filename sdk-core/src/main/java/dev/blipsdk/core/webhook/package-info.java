/**
 * Webhooks: what Blip POSTs to your message and notification URLs, verified, parsed into typed events and
 * dispatched.
 *
 * <h2>Verify</h2>
 * Blip itself signs nothing: it can send static custom headers (set in the portal) or an OAuth 2.0 bearer
 * token. Gateways in front of Blip, and Meta's WhatsApp Cloud API, sign the body with HMAC-SHA256. Every
 * scheme is a {@link dev.blipsdk.core.webhook.WebhookVerifier} over the <em>raw body bytes</em> and the
 * request headers ({@link dev.blipsdk.core.webhook.WebhookHeaders}, case-insensitive):
 * <pre>{@code
 * WebhookVerifier blip = WebhookVerifier.staticHeader("X-Blip-Token", System.getenv("BLIP_WEBHOOK_TOKEN"));
 * WebhookVerifier meta = WebhookVerifier.metaHubSignature256(newAppSecret, oldAppSecret); // rotation
 * meta.verify(WebhookHeaders.fromMultiMap(requestHeaders), rawBodyBytes);  // throws on failure
 * }</pre>
 * A failure is a subclass of {@link dev.blipsdk.core.webhook.WebhookVerificationException} whose message
 * says what to fix. Comparisons run in constant time. Signatures are computed over the bytes exactly as
 * received: never verify a body your framework parsed and re-encoded.
 *
 * <h2>Parse</h2>
 * {@link dev.blipsdk.core.webhook.WebhookParser} turns the body into a sealed
 * {@link dev.blipsdk.core.webhook.WebhookEvent}: an {@link dev.blipsdk.core.webhook.InboundMessage}, a
 * {@link dev.blipsdk.core.webhook.StatusNotification}, a Desk {@link dev.blipsdk.core.webhook.TicketEvent}
 * or an {@link dev.blipsdk.core.webhook.UnknownEvent}. Bad input of any kind (empty, too large, invalid
 * UTF-8, not JSON, nested too deep, not an envelope) is a
 * {@link dev.blipsdk.core.webhook.WebhookParseException} and nothing else.
 *
 * <h2>De-duplicate</h2>
 * Blip may deliver the same envelope more than once (a retry after a slow answer, or one notification per
 * hop through tunnels and routers). Every event has a
 * {@link dev.blipsdk.core.webhook.WebhookEvent#deduplicationKey() deduplicationKey()}, for example
 * {@code "65603604-...:received"}: the envelope id plus what happened. Give the receiver a
 * {@link dev.blipsdk.core.webhook.DeduplicationStore} and it skips an event whose key it has seen:
 * {@link dev.blipsdk.core.webhook.DeduplicationStore#inMemory(int)} within one process, a shared store (the
 * {@code blip-sdk-redis} module) across the instances of a fleet. Status tracking can also simply keep the
 * most advanced status of each message.
 *
 * <h2>Receive</h2>
 * {@link dev.blipsdk.core.webhook.WebhookReceiver} ties it together for any HTTP server: given the
 * method, headers and raw body it verifies, parses, calls your typed listeners and returns the
 * {@link dev.blipsdk.core.webhook.WebhookResponse} to send back.
 *
 * <p>Every type here is immutable and safe to share between threads.
 */
@NullMarked
package dev.blipsdk.core.webhook;

import org.jspecify.annotations.NullMarked;
