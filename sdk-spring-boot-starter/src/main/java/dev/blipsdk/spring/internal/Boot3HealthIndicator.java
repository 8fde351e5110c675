package dev.blipsdk.spring.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code blip} health indicator for Spring Boot 3.5 ({@code org.springframework.boot.actuate.health}). */
public final class Boot3HealthIndicator implements HealthIndicator {
  private final PingHealth health;

  /**
   * Creates the indicator.
   *
   * @param health the cached ping
   */
  public Boot3HealthIndicator(PingHealth health) {
    this.health = health;
  }

  @Override
  public Health health() {
    PingHealth.Check c = health.check();
    return (c.up() ? Health.up() : Health.down()).withDetails(c.details()).build();
  }
}
