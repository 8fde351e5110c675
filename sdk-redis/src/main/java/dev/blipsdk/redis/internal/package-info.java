/** Implementation details of the Redis module. Not exported; may change in any release. */
@NullMarked
package dev.blipsdk.redis.internal;

import org.jspecify.annotations.NullMarked;
