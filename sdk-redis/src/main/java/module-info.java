/**
 * Shared stores on Redis for a fleet of Blip SDK instances: a plan-wide {@code RateLimiter} on Bucket4j,
 * webhook de-duplication and a status store on Lettuce.
 */
module dev.blipsdk.redis {
  requires transitive dev.blipsdk.whatsapp;
  requires transitive lettuce.core;
  requires io.github.bucket4j.core;
  requires io.github.bucket4j.lettuce;
  requires org.slf4j;
  requires static org.jspecify;

  exports dev.blipsdk.redis;
}
