/** The public API of the testing module. */
@NullMarked
package dev.blipsdk.testing;

import org.jspecify.annotations.NullMarked;
