/** Implementation of the fake Blip server. Not exported: nothing here is API. */
@NullMarked
package dev.blipsdk.testing.internal;

import org.jspecify.annotations.NullMarked;
