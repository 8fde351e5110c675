/** The starter's implementation; not an API. */
@NullMarked
package dev.blipsdk.spring.internal;

import org.jspecify.annotations.NullMarked;
