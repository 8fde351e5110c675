/**
 * Implementation details of the SDK. Not API: exported only to the SDK's own modules and may change in any
 * release.
 */
@NullMarked
package dev.blipsdk.core.internal;

import org.jspecify.annotations.NullMarked;
