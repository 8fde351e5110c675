/**
 * Operation-level observation: an {@link dev.blipsdk.core.observation.OperationListener} registered with
 * {@link dev.blipsdk.core.BlipClient.Builder#operationListener} sees every call the client makes as one named
 * {@link dev.blipsdk.core.observation.Operation} ({@code whatsapp.send}, {@code desk.tickets.list}...), each of its
 * attempts with outcome and retry wait, the waits a rate limiter or pacing imposes, and how the operation ended.
 *
 * <p>What a listener is given is safe to turn into metric tags and span attributes: operation names and uri
 * templates are constants checked when they are made (no digits, {@code @}, {@code %} or query values outside
 * placeholders), methods, outcomes and reasons are enums, and errors are named by type. Nothing in these types
 * carries an identity, a phone number, a message body or a credential; the one exception is
 * {@link dev.blipsdk.core.observation.OperationResult#error()}, the exception itself, whose message is for logs
 * and must not become a tag. Every value here is bounded by construction, so a listener cannot make the
 * cardinality of a metric grow with traffic.
 *
 * <p>A client with no listener pays one null check per call.
 */
@NullMarked
package dev.blipsdk.core.observation;

import org.jspecify.annotations.NullMarked;
