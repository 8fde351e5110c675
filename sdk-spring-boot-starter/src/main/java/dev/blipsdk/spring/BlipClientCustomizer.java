package dev.blipsdk.spring;

import dev.blipsdk.core.BlipClient;

/**
 * Changes the {@link BlipClient.Builder} of the auto-configured {@link BlipClient} after the {@code blip.*}
 * properties were applied, for what properties do not cover: your own {@code OkHttpClient} (proxy, interceptors), an
 * envelope id supplier, a clock. Declare it as a bean; every customizer bean runs, in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * BlipClientCustomizer corporateProxy(OkHttpClient proxied) {
 *   return builder -> builder.httpClient(proxied);
 * }
 * }</pre>
 *
 * <p>Called once, on the thread that creates the bean.
 */
@FunctionalInterface
public interface BlipClientCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(BlipClient.Builder builder);
}
