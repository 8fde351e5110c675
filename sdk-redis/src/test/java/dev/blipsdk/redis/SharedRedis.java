package dev.blipsdk.redis;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One redis-server and one Lettuce client for the tests of a class (skipped without the binary). */
abstract class SharedRedis {
  static RedisServer server;
  static RedisClient client;

  @BeforeAll
  static void startRedis() {
    server = RedisServer.startOrSkip();
    client = RedisClient.create(server.uri());
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }
}
