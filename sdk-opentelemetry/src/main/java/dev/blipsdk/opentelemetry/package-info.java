/**
 * Traces and measures every operation of a {@link dev.blipsdk.core.BlipClient} through the OpenTelemetry API:
 * see {@link dev.blipsdk.opentelemetry.OpenTelemetryOperationListener}.
 */
@NullMarked
package dev.blipsdk.opentelemetry;

import org.jspecify.annotations.NullMarked;
