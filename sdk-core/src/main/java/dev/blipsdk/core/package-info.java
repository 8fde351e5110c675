/** Placeholder. */
@NullMarked
package dev.blipsdk.core;

import org.jspecify.annotations.NullMarked;
