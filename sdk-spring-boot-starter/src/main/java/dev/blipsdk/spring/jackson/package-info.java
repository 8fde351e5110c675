/**
 * Jackson modules for the SDK's public values: {@link dev.blipsdk.spring.jackson.BlipJackson2Module} (Jackson 2,
 * Spring Boot 3.5) and {@link dev.blipsdk.spring.jackson.BlipJackson3Module} (Jackson 3, Spring Boot 4.0). The
 * starter registers the one(s) whose Jackson is on the classpath.
 */
@NullMarked
package dev.blipsdk.spring.jackson;

import org.jspecify.annotations.NullMarked;
