/**
 * The Blip client: {@link dev.blipsdk.core.BlipClient} and what configures a call (retries, deadlines,
 * per-request options), paging helpers and command-uri building.
 *
 * <p>Start with {@link dev.blipsdk.core.BlipClient#builder()}. Envelopes live in
 * {@link dev.blipsdk.core.envelope}, errors in {@link dev.blipsdk.core.exception}.
 */
@NullMarked
package dev.blipsdk.core;

import org.jspecify.annotations.NullMarked;
