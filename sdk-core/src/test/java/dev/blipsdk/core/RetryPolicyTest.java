package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffIsExponentialWithFullJitterAndCapped() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(500), p.backoff(1, 0.99999999).plusMillis(1));
    assertEquals(Duration.ofMillis(999), p.backoff(2, 0.9999));
    assertEquals(Duration.ZERO, p.backoff(3, 0.0));
    assertEquals(Duration.ofMillis(4000), p.backoff(4, 1.0));
    assertEquals(Duration.ofSeconds(8), p.backoff(10, 1.0), "capped at maxDelay");
    assertEquals(Duration.ofSeconds(8), p.backoff(64, 1.0), "no overflow on huge retry numbers");
    for (int i = 0; i < 100; i++) {
      Duration d = p.backoff(3, Math.random());
      assertTrue(!d.isNegative() && d.compareTo(Duration.ofSeconds(2)) <= 0, d.toString());
    }
  }

  @Test
  void builderValidates() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(-1)));
    assertThrows(IllegalStateException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build());
    assertEquals(1, RetryPolicy.none().maxAttempts());
    assertEquals(RetryPolicy.defaults(), RetryPolicy.defaults().toBuilder().build());
  }
}
