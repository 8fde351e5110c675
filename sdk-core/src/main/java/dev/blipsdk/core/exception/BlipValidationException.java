package dev.blipsdk.core.exception;

/**
 * Input was refused before anything was sent. {@link #field()} names the field (for example
 * {@code body.variables[2]}) and {@link #rule()} the rule broken; the message says both and what to do.
 * Nothing was sent, so there is nothing to undo. Not retryable.
 */
public class BlipValidationException extends BlipException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the field that broke the rule
   * @param rule the rule, in a few words
   * @param message the full explanation
   */
  public BlipValidationException(String field, String rule, String message) {
    super(message, null, false, 0, null);
    this.field = field;
    this.rule = rule;
  }

  /**
   * The field that broke the rule.
   *
   * @return the field path
   */
  public String field() {
    return field;
  }

  /**
   * The rule that was broken.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }

  @Override
  protected String details() {
    return "field=" + field + ", rule=" + rule + ", ";
  }
}
