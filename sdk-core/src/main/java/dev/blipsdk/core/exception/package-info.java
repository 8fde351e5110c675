/**
 * The unchecked exceptions the SDK throws. All extend {@link dev.blipsdk.core.exception.BlipException},
 * which tells whether retrying can help and how many attempts were made. {@code toString()} carries ids,
 * never secrets, message bodies or full phone numbers.
 */
@NullMarked
package dev.blipsdk.core.exception;

import org.jspecify.annotations.NullMarked;
