/**
 * The SDK's one JSON reader for documents: {@code JsonCursor} walks UTF-8 bytes, {@code Decoders} maps them
 * to records with the tolerance rules of {@link dev.blipsdk.core.envelope.JsonDocument#decode(Class)},
 * {@code Encoder} writes values for {@link dev.blipsdk.core.envelope.JsonDocument#of(Object)} and
 * {@code TimeFormats} reads Blip's dates and TimeSpans. Not exported to any module: the feature modules reach
 * it only through {@code JsonDocument.decode} and {@code BlipClient.execute(Command, Class)}, as users do.
 */
@NullMarked
package dev.blipsdk.core.internal.json;

import org.jspecify.annotations.NullMarked;
