package dev.blipsdk.whatsapp;

/**
 * What to do with a text variable holding a newline, a tab or more than four spaces in a row, which
 * WhatsApp refuses (error 132018).
 */
public enum WhitespacePolicy {
  /** Refuse the message before sending, naming the variable (the default). */
  REJECT,
  /** Replace newlines and tabs with a space and shorten runs of spaces to four, then send. */
  NORMALIZE
}
