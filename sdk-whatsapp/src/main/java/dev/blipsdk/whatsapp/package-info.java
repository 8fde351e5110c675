/** The public API of the whatsapp module. */
@NullMarked
package dev.blipsdk.whatsapp;

import org.jspecify.annotations.NullMarked;
