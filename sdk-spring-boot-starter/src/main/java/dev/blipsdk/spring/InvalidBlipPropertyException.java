package dev.blipsdk.spring;

import dev.blipsdk.core.exception.BlipValidationException;

/**
 * A {@code blip.*} property is missing, malformed or contradicts another; thrown while the application starts, so it
 * fails to start. {@link #field()} is the property (for example {@code blip.access-key}), {@link #getMessage()} says
 * what is wrong and {@link #action()} how to fix it; Spring Boot prints both through the starter's failure analyzer.
 * Messages never hold a key, token or secret. Immutable.
 */
public class InvalidBlipPropertyException extends BlipValidationException {
  private static final long serialVersionUID = 1L;
  private final String action;

  /**
   * Creates the exception.
   *
   * @param property the property, for example {@code blip.contract}
   * @param rule the rule broken, in a few words
   * @param message what is wrong
   * @param action what to do about it
   */
  public InvalidBlipPropertyException(String property, String rule, String message, String action) {
    super(property, rule, message);
    this.action = action;
  }

  /**
   * How to fix the configuration.
   *
   * @return the advice
   */
  public String action() {
    return action;
  }
}
