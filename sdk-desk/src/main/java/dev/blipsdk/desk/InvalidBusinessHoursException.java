package dev.blipsdk.desk;

import dev.blipsdk.core.exception.BlipValidationException;

/**
 * Business hours were refused before anything was sent or evaluated: a time that is not a time of day
 * ({@code 25:00}), an interval that ends before it starts, a fourth interval on one day (Go Personal allows
 * three), overlapping intervals, a holiday date that does not exist ({@code 31/02 - X}), holidays in 24-hour
 * mode. {@link #field()} names the place (for example {@code monday[3]} or {@code holidays[0]}) and
 * {@link #rule()} the rule broken. Not retryable.
 */
public final class InvalidBusinessHoursException extends BlipValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field where the bad value is
   * @param rule the rule it breaks
   * @param value the offending text (a time, a date, a line of notation; never personal data)
   */
  public InvalidBusinessHoursException(String field, String rule, String value) {
    super(field, rule, "business hours: " + field + " '" + value + "' is invalid: " + rule);
  }
}
