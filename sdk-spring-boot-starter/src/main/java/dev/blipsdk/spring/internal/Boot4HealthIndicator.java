package dev.blipsdk.spring.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code blip} health indicator for Spring Boot 4.0, whose health types moved to
 * {@code org.springframework.boot.health.contributor}.
 */
public final class Boot4HealthIndicator implements HealthIndicator {
  private final PingHealth health;

  /**
   * Creates the indicator.
   *
   * @param health the cached ping
   */
  public Boot4HealthIndicator(PingHealth health) {
    this.health = health;
  }

  @Override
  public Health health() {
    PingHealth.Check c = health.check();
    return (c.up() ? Health.up() : Health.down()).withDetails(c.details()).build();
  }
}
