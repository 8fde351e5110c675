/**
 * The Spring Boot starter of the Blip SDK, for Spring Boot 3.5 and 4.0: {@link dev.blipsdk.spring.BlipProperties}
 * ({@code blip.*}), the extension points {@link dev.blipsdk.spring.BlipClientCustomizer} and
 * {@link dev.blipsdk.spring.BlipWebhookListener}, and the configuration error
 * {@link dev.blipsdk.spring.InvalidBlipPropertyException}. The auto-configuration classes are in
 * {@code dev.blipsdk.spring.autoconfigure}, the Jackson modules in {@code dev.blipsdk.spring.jackson}.
 */
@NullMarked
package dev.blipsdk.spring;

import org.jspecify.annotations.NullMarked;
