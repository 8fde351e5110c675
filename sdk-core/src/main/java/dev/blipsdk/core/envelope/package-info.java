/**
 * LIME envelopes as Blip's HTTP API carries them: {@link dev.blipsdk.core.envelope.Message},
 * {@link dev.blipsdk.core.envelope.Notification} and {@link dev.blipsdk.core.envelope.Command}, the
 * addresses they carry ({@link dev.blipsdk.core.envelope.Node}, {@link dev.blipsdk.core.envelope.Identity})
 * and JSON documents ({@link dev.blipsdk.core.envelope.JsonDocument}).
 *
 * <p>Every type here is immutable and safe to share between threads. Parsing is tolerant: unknown JSON
 * fields are ignored and unknown enum values map to an {@code UNKNOWN} constant while the raw value stays
 * reachable.
 */
@NullMarked
package dev.blipsdk.core.envelope;

import org.jspecify.annotations.NullMarked;
