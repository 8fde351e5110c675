/**
 * Shared stores on Redis, so that the instances of a fleet behave as one: one plan rate limit
 * ({@link dev.blipsdk.redis.RedisRateLimiter}, on Bucket4j), one webhook de-duplication
 * ({@link dev.blipsdk.redis.RedisDeduplicationStore}) and one view of each send's status
 * ({@link dev.blipsdk.redis.RedisStatusStore}), both on Lettuce.
 *
 * <p>Each adapter takes a Lettuce {@link io.lettuce.core.RedisClient} you own (it is never shut down here),
 * opens one connection of its own and closes it on {@code close()}. Every command has a timeout (1 s by
 * default); an unreachable, slow or failing Redis becomes a {@link dev.blipsdk.core.exception.StoreException},
 * and each seam documents what follows: the rate limiter fails closed, the webhook receiver fails open or
 * closed as configured, the status tracker reports the error to its caller.
 *
 * <p>One Redis (or one primary with replicas) serves a fleet; Redis Cluster is not supported, because the
 * status store's script touches several keys.
 */
@NullMarked
package dev.blipsdk.redis;

import org.jspecify.annotations.NullMarked;
