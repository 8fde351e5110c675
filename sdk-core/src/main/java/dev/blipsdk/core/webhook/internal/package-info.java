/**
 * Implementation details of webhook verification and parsing. Not API: not exported, and may change in any
 * release.
 */
@NullMarked
package dev.blipsdk.core.webhook.internal;

import org.jspecify.annotations.NullMarked;
