/**
 * JMH benchmarks and the loopback harness that measure the SDK against raw OkHttp + Moshi doing the same
 * work. Not published; see {@code docs/benchmarks.md} for the commands and the numbers.
 */
@NullMarked
package dev.blipsdk.benchmarks;

import org.jspecify.annotations.NullMarked;
