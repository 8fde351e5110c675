/**
 * Observes every operation of a {@link dev.blipsdk.core.BlipClient} through Micrometer: see
 * {@link dev.blipsdk.micrometer.MicrometerOperationListener}.
 */
@NullMarked
package dev.blipsdk.micrometer;

import org.jspecify.annotations.NullMarked;
