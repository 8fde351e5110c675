package dev.blipsdk.spring.internal;

import dev.blipsdk.spring.InvalidBlipPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints an {@link InvalidBlipPropertyException} that stopped the startup as Spring Boot prints its own
 * configuration errors: the property and what is wrong, then the fix.
 */
public final class InvalidBlipPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBlipPropertyException> {

  /** Created by Spring Boot. */
  public InvalidBlipPropertyFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidBlipPropertyException cause) {
    return new FailureAnalysis("Invalid Blip configuration, property " + cause.field() + ": " + cause.getMessage(),
        cause.action(), cause);
  }
}
