/**
 * The one access bridge of the core module: {@link dev.blipsdk.core.internal.bridge.CoreBridge}. Not API:
 * exported only to {@code dev.blipsdk.whatsapp} and {@code dev.blipsdk.desk}, and may change in any release.
 */
@NullMarked
package dev.blipsdk.core.internal.bridge;

import org.jspecify.annotations.NullMarked;
