/** The public API of the desk module. */
@NullMarked
package dev.blipsdk.desk;

import org.jspecify.annotations.NullMarked;
